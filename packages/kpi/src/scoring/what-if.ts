import type { LocalizedMessage } from '@jianguan/core';
import { requireScorecard } from '../errors/boundary.js';
import type { Indicator } from '../indicators/schema.js';
import { isPositive, KPI_TOLERANCE } from './tolerance.js';
import type { IndicatorResult, Scorecard } from './types.js';

/**
 * What it would take to reach one indicator's target, and the points it would give back (假设分析).
 *
 * @example
 * const row: WhatIfRow = { indicatorId: 'behaviour-coverage', period: '2023-Q2', needed: 3, of: { zh: '个事项需新增监管行为', en: 'more catalog items covered' }, pointsRecoverable: 4.5 };
 */
export interface WhatIfRow {
  readonly indicatorId: string;
  readonly period: string;
  /** How many more units (covered items, registered officers, publications, …) reach the target. */
  readonly needed: number | null;
  readonly of: LocalizedMessage;
  /** Points recovered if the target is reached in this window. */
  readonly pointsRecoverable: number;
}

/**
 * The answer of {@link whatIf}: a row per window short of target, and the total if all were met.
 *
 * @example
 * whatIf(card).projectedDeductionScore;
 */
export interface WhatIfResult {
  readonly rows: readonly WhatIfRow[];
  readonly currentDeductionScore: number;
  readonly projectedDeductionScore: number;
}

const WHAT: Partial<Record<Indicator['metric']['type'], LocalizedMessage>> = {
  catalog_claim_rate: { zh: '个事项需认领', en: 'more items claimed' },
  inspection_list_completion: { zh: '个事项需编制检查实施清单', en: 'more items with an inspection list' },
  list_completeness: { zh: '个要素需填报', en: 'more elements filled' },
  element_accuracy: { zh: '个要素需准确', en: 'more elements accurate' },
  behaviour_coverage: { zh: '个事项需新增监管行为', en: 'more catalog items covered' },
  behaviour_volume: { zh: '条监管行为', en: 'more behaviour records' },
  behaviour_report_timeliness: { zh: '条需按时报送', en: 'more records reported on time' },
  behaviour_fix_timeliness: { zh: '条需按时整改', en: 'more records fixed on time' },
  officer_registration_rate: { zh: '名执法人员需注册', en: 'more officers registered' },
  officer_activity_rate: { zh: '人月需达到活跃标准', en: 'more active officer-months' },
  publication_count: { zh: '条需发布', en: 'more publications' },
  clue_feedback_rate: { zh: '条线索需反馈', en: 'more clues answered' },
  clue_feedback_timeliness: { zh: '条线索需按时反馈', en: 'more clues answered on time' },
  double_notification_claim_rate: { zh: '条双告知需认领', en: 'more notifications claimed' },
  double_notification_claim_timeliness: {
    zh: '条双告知需按时认领',
    en: 'more notifications claimed on time',
  },
  manual_assessment: { zh: '（评价值差额）', en: '(assessment gap)' },
};

function rowsFor(indicator: IndicatorResult): WhatIfRow[] {
  const of = WHAT[indicator.metric] ?? { zh: '', en: '' };
  const n = Math.max(1, indicator.windows.length);
  const out: WhatIfRow[] = [];
  if (indicator.kind === 'timeliness') {
    if (indicator.deducted > 0) {
      const late = indicator.deductions.reduce((s, d) => s + d.records.length, 0);
      out.push({
        indicatorId: indicator.id,
        period: indicator.windows[0]?.period ?? '',
        needed: late,
        of,
        pointsRecoverable: indicator.deducted,
      });
    }
    return out;
  }
  if (indicator.kind !== 'ratio' && indicator.kind !== 'quota') return out;
  for (const w of indicator.windows) {
    if (w.target === null || w.value === null) continue;
    const windowPoints = indicator.kind === 'ratio' ? indicator.points / n : indicator.points;
    const lost = indicator.kind === 'ratio' ? windowPoints - w.score / n : indicator.points - w.score;
    if (!isPositive(lost)) continue;
    let needed: number | null = null;
    if (indicator.kind === 'quota') needed = Math.max(0, Math.ceil(w.target - w.value - KPI_TOLERANCE));
    else if (w.numerator !== undefined && w.denominator !== undefined) {
      const gap = w.target * w.denominator - w.numerator;
      needed = Math.min(w.denominator - w.numerator, Math.max(0, Math.ceil(gap - KPI_TOLERANCE)));
      if (indicator.metric === 'manual_assessment') needed = Math.round(Math.max(0, gap) * 100) / 100;
    }
    out.push({
      indicatorId: indicator.id,
      period: w.period,
      needed,
      of,
      pointsRecoverable: Math.round(lost * 100) / 100,
    });
  }
  return out;
}

/**
 * What-if for a scorecard: for every indicator window below target, how many more units reach the target
 * (e.g. "3 more catalog items covered this quarter") and the points that would give back.
 * Quota deductions are per window and capped per indicator, so recoverable points may exceed the cap.
 *
 * @example
 * const { rows } = whatIf(scoreIndicators(hubeiLikeIndicatorSet, data, { period: '2023-Q2', unit: 'scjg' }));
 * rows.find((r) => r.indicatorId === 'behaviour-coverage')?.needed; // e.g. 3
 */
export function whatIf(card: Scorecard): WhatIfResult {
  requireScorecard(card);
  const rows = card.indicators.flatMap(rowsFor);
  const recoverable = card.indicators
    .filter((i) => i.kind !== 'bonus' && i.kind !== 'veto')
    .reduce((s, i) => s + i.deducted, 0);
  return {
    rows,
    currentDeductionScore: card.deductionScore,
    projectedDeductionScore:
      Math.round(Math.min(card.deductionPoints, card.deductionScore + recoverable) * 100) / 100,
  };
}
