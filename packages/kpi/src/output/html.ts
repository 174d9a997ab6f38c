import type { Comparison, Trend } from '../scoring/compare.js';
import type { Scorecard } from '../scoring/types.js';
import { whatIf } from '../scoring/what-if.js';
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
.src{color:#666;font-size:11px}
`;

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
  const max = options.maxRecordsPerDeduction ?? 200;
  const title = options.title ?? `${card.setName.zh} · ${card.unit.name ?? card.unit.id} · ${card.period}`;
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
    `<p class="meta">${esc(card.setName.en)} — <code>${esc(card.setId)}@${esc(card.setVersion)}</code> · unit <code id="unit">${esc(card.unit.id)}</code>${card.unit.departments.length > 1 ? ` (${esc(card.unit.departments.join(', '))})` : ''} · ${esc(card.start)} – ${esc(card.end)} · as of ${esc(card.asOf)}</p>`,
    `<p><span class="total" id="total" data-total="${card.total}">${card.total}</span> / ${card.deductionPoints}${status}</p>`,
    `<p class="meta" id="summary">扣分项得分 deduction part <b id="deduction-score">${card.deductionScore}</b> · 加分 bonus <b id="bonus">${card.bonusEarned}</b>${card.bonusEarned > 0 && !card.bonusCounted ? ' (not counted: deduction part not above the threshold)' : ''}${card.vetoed ? ` · 否决项 vetoes: ${esc(card.vetoes.join(', '))}` : ''}</p>`,
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
    '<table id="indicators"><thead><tr><th>维度</th><th>指标 Indicator</th><th>类型 Kind</th><th>值 Value</th><th>目标 Target</th><th>满分</th><th>得分 Score</th><th>扣分 Deducted</th><th>来源 Sources</th></tr></thead><tbody>',
  );
  for (const i of card.indicators) {
    out.push(
      `<tr data-indicator="${esc(i.id)}" data-score="${i.score}" class="${i.deducted > 0 || i.status === 'vetoed' ? 'deducted' : ''}"><td>${esc(i.dimension)}</td><td>${esc(i.name.zh)}<br><span class="src">${esc(i.name.en)} · <code>${esc(i.id)}</code></span></td><td>${esc(i.kind)}</td><td class="num">${valueCell(i.kind, i.metric, i.value)}</td><td class="num">${i.target === null ? '—' : valueCell(i.kind, i.metric, i.target)}</td><td class="num">${i.points}</td><td class="num">${i.score}</td><td class="num">${i.deducted || ''}</td><td class="src">${i.source.map((s) => `${esc(s.ref)} [${esc(s.status)}]`).join('<br>')}</td></tr>`,
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
          '<table><thead><tr><th>记录 Record</th><th>部门</th><th>原因 Reason</th><th>发生 Event</th><th>完成 Done</th><th>期限 Deadline</th><th>超期工作日</th><th>分值</th><th>说明</th></tr></thead><tbody>',
        );
        for (const r of d.records.slice(0, max)) {
          out.push(
            `<tr><td><code>${esc(r.id)}</code></td><td>${esc(r.department)}</td><td>${esc(r.reason)}</td><td>${esc(r.eventDate ?? '')}</td><td>${r.doneDate === null ? '未完成' : esc(r.doneDate ?? '')}</td><td>${esc(r.deadline ?? '')}</td><td class="num">${num(r.workdaysLate)}</td><td class="num">${num(r.points)}</td><td>${esc(r.detail ?? '')}</td></tr>`,
          );
        }
        out.push('</tbody></table>');
        if (d.records.length > max) {
          out.push(`<p class="src">… ${d.records.length - max} more records (see the CSV / JSON export)</p>`);
        }
      }
      out.push('</details>');
    }
  }
  if (!any) out.push('<p>无扣分 No deductions.</p>');

  const wi = whatIf(card);
  if (wi.rows.length > 0) {
    out.push(
      '<h2>假设分析 What-if</h2><table id="what-if"><thead><tr><th>指标</th><th>周期</th><th>还需 Needed</th><th>可挽回分值</th></tr></thead><tbody>',
    );
    for (const r of wi.rows) {
      out.push(
        `<tr><td><code>${esc(r.indicatorId)}</code></td><td>${esc(r.period)}</td><td>${r.needed === null ? '—' : `${r.needed} ${esc(r.of.zh)}`}<br><span class="src">${r.needed === null ? '' : `${r.needed} ${esc(r.of.en)}`}</span></td><td class="num">${r.pointsRecoverable}</td></tr>`,
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
      '<table id="ranking"><thead><tr><th>名次</th><th>单位</th><th>总分</th><th>加分</th><th>结果</th></tr></thead><tbody>',
    );
    for (const r of c.rows) {
      out.push(
        `<tr data-unit="${esc(r.unit)}" data-total="${r.total}"><td class="num">${r.rank}</td><td>${esc(r.name ?? r.unit)}</td><td class="num">${r.total}</td><td class="num">${r.bonusEarned}</td><td>${r.vetoed ? '否决' : r.passed ? '合格' : '不合格'}</td></tr>`,
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
    out.push('<table id="trend"><thead><tr><th>周期</th><th>总分</th><th>结果</th></tr></thead><tbody>');
    for (const p of t.points) {
      out.push(
        `<tr data-period="${esc(p.period)}" data-total="${p.total}"><td>${esc(p.period)}</td><td class="num">${p.total}</td><td>${p.vetoed ? '否决' : p.passed ? '合格' : '不合格'}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }

  out.push(
    `<p class="src">Generated by @jianguan/kpi. 计分规则: 扣分项 ${card.deductionPoints} 分，加分项单独计算，单项否决即不合格，低于及格线不合格。</p>`,
    '</body></html>',
  );
  return out.join('\n');
}
