import { PUBLIC_DOCUMENTS, publicCitation } from '@jianguan/core';
import { requireOptions, requireScorecard } from '../errors/boundary.js';
import type { SourceRef } from '../indicators/schema.js';
import type { Comparison, Trend } from '../scoring/compare.js';
import type { EvidenceReason, Scorecard } from '../scoring/types.js';
import { whatIf } from '../scoring/what-if.js';
import { publicText } from './public-text.js';
import { barChart, esc, lineChart } from './svg.js';

/**
 * Options of {@link renderScorecardHtml}.
 *
 * @example
 * const options: HtmlOptions = { comparison, trend, maxRecordsPerDeduction: 50, title: '2023 年二季度考核' };
 */
export interface HtmlOptions {
  /** Also show a ranking of units (table + bar chart). */
  readonly comparison?: Comparison | undefined;
  /** Also show the unit's trend over periods (table + line chart). */
  readonly trend?: Trend | undefined;
  /** Evidence rows shown per deduction (default 200); the rest are counted, not listed. */
  readonly maxRecordsPerDeduction?: number | undefined;
  readonly title?: string | undefined;
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",system-ui,sans-serif;margin:24px;color:#222;background:#fff}
h1{font-size:22px;margin:0 0 4px} h2{font-size:17px;margin:28px 0 8px;border-bottom:2px solid #1565c0;padding-bottom:4px}
.meta{color:#555;font-size:13px} .total{font-size:44px;font-weight:bold;color:#1565c0}
.badge{display:inline-block;padding:2px 10px;border-radius:10px;color:#fff;font-size:13px;margin-left:8px}
.pass{background:#2e7d32}.fail{background:#c62828}.veto{background:#6a1b9a}
table{border-collapse:collapse;font-size:12.5px;margin:6px 0 12px} th,td{border:1px solid #ccc;padding:3px 7px;text-align:left}
th{background:#eef3fb} td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.deducted td{background:#fff5f5} details{margin:4px 0 10px} summary{cursor:pointer;font-weight:600}
.src{color:#666;font-size:11px} .en{color:#777;font-size:11px}
`;

/**
 * Labels of the evidence reasons (扣分原因) shown to a department, Chinese first: the code table of
 * {@link EvidenceReason}.
 *
 * @example
 * EVIDENCE_REASON_LABELS.late_report.zh; // '超期报送'
 */
const EVIDENCE_REASON_LABELS: Readonly<Record<EvidenceReason, { readonly zh: string; readonly en: string }>> =
  {
    late_report: { zh: '超期报送', en: 'reported late' },
    late_fix: { zh: '超期整改', en: 'fixed late' },
    unfixed: { zh: '未整改', en: 'not fixed' },
    uncovered: { zh: '无监管行为数据', en: 'no behaviour data' },
    unclaimed: { zh: '未认领', en: 'not claimed' },
    no_inspection_list: { zh: '未编制检查实施清单', en: 'no inspection list' },
    incomplete_elements: { zh: '要素填报不全', en: 'elements incomplete' },
    inaccurate_elements: { zh: '要素填报不准确', en: 'elements inaccurate' },
    unregistered: { zh: '未注册账号', en: 'not registered' },
    inactive: { zh: '登录或在线不足', en: 'not active enough' },
    missing_feedback: { zh: '未反馈', en: 'no feedback' },
    late_feedback: { zh: '超期反馈', en: 'late feedback' },
    unclaimed_notice: { zh: '未认领告知信息', en: 'notice not claimed' },
    late_claim: { zh: '超期认领', en: 'claimed late' },
    shortfall: { zh: '数量不足', en: 'short of the quota' },
    missing_assessment: { zh: '缺少评估结果', en: 'assessment missing' },
    partial_assessment: { zh: '评估不完整', en: 'assessment partial' },
  };

const KIND_LABELS: Readonly<Record<string, string>> = {
  ratio: '比率 ratio',
  quota: '数量 quota',
  timeliness: '时效 timeliness',
  bonus: '加分 bonus',
  veto: '否决 veto',
};

function citations(sources: readonly SourceRef[]): string {
  const seen = new Set<string>();
  const rows: string[] = [];
  for (const s of sources) {
    const c = publicCitation(s.ref, s.status);
    if (seen.has(c.zh)) continue;
    seen.add(c.zh);
    rows.push(`${esc(c.zh)}<br><span class="en">${esc(c.en)}</span>`);
  }
  return rows.join('<br>');
}

const num = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));
const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(2)}%`);

function valueCell(kind: string, metric: string, value: number | null): string {
  if (value === null) return '—';
  if (kind === 'quota' || metric === 'behaviour_volume' || metric === 'publication_count')
    return String(value);
  return pct(value);
}

/**
 * Renders a self-contained HTML scorecard (考核评分表): summary, dimension and indicator tables, inline SVG
 * charts, every deduction with the records behind it, what-if rows, and optionally a ranking and a trend.
 * No scripts, no network, no external assets (a CSP meta tag forbids them).
 *
 * @example
 * writeFileSync('scorecard.html', renderScorecardHtml(card, { comparison, trend }));
 */
export function renderScorecardHtml(card: Scorecard, options: HtmlOptions = {}): string {
  requireScorecard(card);
  requireOptions(options);
  const max = options.maxRecordsPerDeduction ?? 200;
  const title =
    options.title ?? `${publicText(card.setName.zh)} · ${card.unit.name ?? card.unit.id} · ${card.period}`;
  const status = card.vetoed
    ? '<span class="badge veto">单项否决 vetoed</span>'
    : card.passed
      ? '<span class="badge pass">合格 passed</span>'
      : '<span class="badge fail">不合格 failed</span>';
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${esc(title)}</h1>`,
    `<p class="meta">${esc(publicText(card.setName.en))} · 指标集 indicator set <code>${esc(card.setId)}@${esc(card.setVersion)}</code> · 考核单位 unit <code id="unit">${esc(card.unit.id)}</code>${card.unit.departments.length > 1 ? ` (${esc(card.unit.departments.join(', '))})` : ''} · 考核期 period ${esc(card.start)} – ${esc(card.end)} · 数据截至 as of ${esc(card.asOf)}</p>`,
    `<p><span class="total" id="total" data-total="${card.total}">${card.total}</span> / ${card.deductionPoints}${status}</p>`,
    `<p class="meta" id="summary">扣分项得分 deduction part <b id="deduction-score">${card.deductionScore}</b> · 加分 bonus <b id="bonus">${card.bonusEarned}</b>${card.bonusEarned > 0 && !card.bonusCounted ? '（扣分项得分未达门槛，加分不计入 not counted: deduction part below the threshold）' : ''}${card.vetoed ? ` · 否决项 vetoes: ${esc(card.vetoes.join(', '))}` : ''}</p>`,
  ];

  out.push('<h2>维度得分 Dimensions</h2>');
  out.push(
    barChart(
      'chart-dimensions',
      '维度得分 / 满分',
      card.dimensions.map((d) => ({ label: `${d.dimension} ${d.nameEn}`, value: d.score, max: d.points })),
    ),
  );
  out.push(
    '<table id="dimensions"><thead><tr><th>维度 Dimension</th><th>满分 Points</th><th>得分 Score</th></tr></thead><tbody>',
  );
  for (const d of card.dimensions) {
    out.push(
      `<tr data-dimension="${esc(d.dimension)}"><td>${esc(d.dimension)} <span class="src">${esc(d.nameEn)}</span></td><td class="num">${d.points}</td><td class="num">${d.score}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  out.push('<h2>指标得分 Indicators</h2>');
  out.push(
    barChart(
      'chart-indicators',
      '指标得分 / 满分',
      card.indicators
        .filter((i) => i.kind !== 'veto')
        .map((i) => ({
          label: i.name.zh.length > 16 ? `${i.name.zh.slice(0, 15)}…` : i.name.zh,
          value: i.score,
          max: i.points,
          tone: i.kind === 'bonus' ? ('good' as const) : undefined,
        })),
    ),
  );
  out.push(
    '<table id="indicators"><thead><tr><th>维度 Dimension</th><th>指标 Indicator</th><th>类型 Kind</th><th>值 Value</th><th>目标 Target</th><th>满分 Points</th><th>得分 Score</th><th>扣分 Deducted</th><th>依据 Basis</th></tr></thead><tbody>',
  );
  for (const i of card.indicators) {
    out.push(
      `<tr data-indicator="${esc(i.id)}" data-score="${i.score}" class="${i.deducted > 0 || i.status === 'vetoed' ? 'deducted' : ''}"><td>${esc(i.dimension)}</td><td>${esc(i.name.zh)}<br><span class="src">${esc(i.name.en)} · <code>${esc(i.id)}</code></span></td><td>${esc(KIND_LABELS[i.kind] ?? i.kind)}</td><td class="num">${valueCell(i.kind, i.metric, i.value)}</td><td class="num">${i.target === null ? '—' : valueCell(i.kind, i.metric, i.target)}</td><td class="num">${i.points}</td><td class="num">${i.score}</td><td class="num">${i.deducted || ''}</td><td class="src">${citations(i.source)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');

  out.push('<h2>扣分明细 Deductions</h2>');
  let any = false;
  for (const i of card.indicators) {
    for (const d of i.deductions) {
      any = true;
      out.push(
        `<details data-deduction="${esc(i.id)}" open><summary>${esc(i.name.zh)} · ${esc(d.period)} · −${d.points} — ${esc(d.reason.zh)}</summary><p class="src">${esc(d.reason.en)}</p>`,
      );
      if (d.records.length > 0) {
        out.push(
          '<table><thead><tr><th>记录 Record</th><th>部门 Dept.</th><th>原因 Reason</th><th>发生日 Event</th><th>完成日 Done</th><th>期限 Deadline</th><th>超期工作日 Working days late</th><th>扣分 Points</th><th>说明 Note</th></tr></thead><tbody>',
        );
        for (const r of d.records.slice(0, max)) {
          out.push(
            `<tr><td><code>${esc(r.id)}</code></td><td>${esc(r.department)}</td><td>${reasonCell(r.reason)}</td><td>${esc(r.eventDate ?? '')}</td><td>${r.doneDate === null ? '未完成 not done' : esc(r.doneDate ?? '')}</td><td>${esc(r.deadline ?? '')}</td><td class="num">${num(r.workdaysLate)}</td><td class="num">${num(r.points)}</td><td>${esc(r.detail ?? '')}</td></tr>`,
          );
        }
        out.push('</tbody></table>');
        if (d.records.length > max) {
          out.push(
            `<p class="src">… 另有 ${d.records.length - max} 条记录，见 CSV / JSON 导出 · ${d.records.length - max} more records in the CSV / JSON export</p>`,
          );
        }
      }
      out.push('</details>');
    }
  }
  if (!any) out.push('<p>无扣分 No deductions.</p>');

  const wi = whatIf(card);
  if (wi.rows.length > 0) {
    out.push(
      '<h2>假设分析 What-if</h2><table id="what-if"><thead><tr><th>指标 Indicator</th><th>周期 Period</th><th>还需 Needed</th><th>可挽回分值 Recoverable</th></tr></thead><tbody>',
    );
    for (const r of wi.rows) {
      out.push(
        `<tr><td>${esc(indicatorName(card, r.indicatorId))}</td><td>${esc(r.period)}</td><td>${r.needed === null ? '—' : `${r.needed} ${esc(r.of.zh)}`}<br><span class="src">${r.needed === null ? '' : `${r.needed} ${esc(r.of.en)}`}</span></td><td class="num">${r.pointsRecoverable}</td></tr>`,
      );
    }
    out.push(
      `</tbody></table><p class="meta">全部达标后扣分项得分 deduction part if all met: ${wi.projectedDeductionScore}</p>`,
    );
  }

  if (options.comparison) {
    const c = options.comparison;
    out.push(`<h2>单位排名 Ranking · ${esc(c.period)}</h2>`);
    out.push(
      barChart(
        'chart-ranking',
        '总分',
        c.rows.map((r) => ({
          label: `${r.rank}. ${r.name ?? r.unit}`,
          value: r.total,
          max: card.deductionPoints,
          tone:
            r.vetoed || !r.passed
              ? ('bad' as const)
              : r.unit === card.unit.id
                ? ('good' as const)
                : ('warn' as const),
        })),
        60,
      ),
    );
    out.push(
      '<table id="ranking"><thead><tr><th>名次 Rank</th><th>单位 Unit</th><th>总分 Total</th><th>加分 Bonus</th><th>结果 Result</th></tr></thead><tbody>',
    );
    for (const r of c.rows) {
      out.push(
        `<tr data-unit="${esc(r.unit)}" data-total="${r.total}"><td class="num">${r.rank}</td><td>${esc(r.name ?? r.unit)}</td><td class="num">${r.total}</td><td class="num">${r.bonusEarned}</td><td>${r.vetoed ? '否决 vetoed' : r.passed ? '合格 passed' : '不合格 failed'}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  if (options.trend) {
    const t = options.trend;
    out.push(`<h2>趋势 Trend · ${esc(t.unit)}</h2>`);
    out.push(
      lineChart(
        'chart-trend',
        '总分趋势',
        t.points.map((p) => ({ label: p.period, value: p.total })),
        card.deductionPoints + (card.bonusEarned > 0 ? 20 : 0),
        60,
      ),
    );
    out.push(
      '<table id="trend"><thead><tr><th>周期 Period</th><th>总分 Total</th><th>结果 Result</th></tr></thead><tbody>',
    );
    for (const p of t.points) {
      out.push(
        `<tr data-period="${esc(p.period)}" data-total="${p.total}"><td>${esc(p.period)}</td><td class="num">${p.total}</td><td>${p.vetoed ? '否决 vetoed' : p.passed ? '合格 passed' : '不合格 failed'}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  out.push(
    `<p class="src">计分规则：扣分项 ${card.deductionPoints} 分，加分项单独计算，单项否决即不合格，低于及格线不合格（依据 ${esc(PUBLIC_DOCUMENTS.national.zh)}）。由 @jianguan/kpi 生成。</p>`,
    `<p class="src en">Scoring: a ${card.deductionPoints}-point deduction part, bonus counted separately, any veto or a total below the pass mark fails. Generated by @jianguan/kpi.</p>`,
    '</body></html>',
  );
  return out.join('\n');
}

function reasonCell(reason: string): string {
  const label = EVIDENCE_REASON_LABELS[reason as EvidenceReason];
  return label === undefined ? esc(reason) : `${esc(label.zh)}<br><span class="en">${esc(label.en)}</span>`;
}

function indicatorName(card: Scorecard, id: string): string {
  return card.indicators.find((i) => i.id === id)?.name.zh ?? id;
}
