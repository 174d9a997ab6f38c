/**
 * Example: a standards maintainer (省大数据中心 / 市场监管局信用科) authors a provincial credit rule-set variant
 * and an indicator-set variant, validates both, diffs them against the shipped sets, and writes the changeset
 * that releases them.
 *
 *   node --conditions=@jianguan/source --import tsx examples/src/examples/maintainer-variant.ts
 *
 * Rule sets and indicator sets are data: start from a shipped set, change numbers with their sources, let the
 * validators check the result, and let the diff tell the departments what changed (and how big the version
 * bump is). Files are written to a temp directory; in your own package they live under version control.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type CreditRuleSet,
  diffRuleSets,
  type EntityCreditProfile,
  gradeEntity,
  parseRuleSet,
  RuleSetValidationError,
  samrBaselineRuleSet,
} from '@jianguan/credit-rules';
import {
  baselineIndicatorSet,
  deriveIndicatorSet,
  diffIndicatorSets,
  type IndicatorSet,
} from '@jianguan/kpi';

const dir = mkdtempSync(join(tmpdir(), 'jianguan-variant-'));

// ---------------------------------------------------------------------------------------------------------
// 1. The credit rule set: 浙江 lowers the "large fines" threshold and samples class C entities more often.
// ---------------------------------------------------------------------------------------------------------
const draft = structuredClone(samrBaselineRuleSet) as unknown as Record<string, unknown> & {
  rules: { id: string; when: Record<string, unknown>; source: Record<string, unknown> }[];
  measures: Record<string, { samplingRatio: { default: number } }>;
  sources: { id: string; title: string; ref: string }[];
};
draft.id = 'zj-baseline';
draft.version = '1.0.0';
draft.name = { zh: '浙江省市场主体信用分级分类规则（示例）', en: 'Zhejiang credit grading (example)' };
draft.jurisdiction = '330000';
draft.effectiveFrom = '2027-01-01';
draft.sources.push({
  id: 'zj-2026-example',
  title: '浙江省信用分级分类监管办法（示例）',
  ref: '浙市监信〔2026〕N号 (example)',
});
const fines = draft.rules.find((r) => r.id === 'large-fines-3y')!;
fines.when = { ...fines.when, atLeast: 50_000 };
fines.source = { doc: 'zj-2026-example', status: 'inferred', note: 'provincial threshold ¥50,000' };
draft.measures.C!.samplingRatio.default = 0.4;

// Validate: a typo would be reported with its path — try it on a broken copy first.
try {
  const broken = structuredClone(draft);
  broken.rules[0]!.when = { op: 'count', where: { kind: 'serious_list', inforce: true } };
  parseRuleSet(broken);
} catch (error) {
  if (!(error instanceof RuleSetValidationError)) throw error;
  console.log('A broken draft is refused:');
  for (const issue of error.issues.slice(0, 3))
    console.log(`  ✗ ${issue.path.join('.')}: ${issue.message.en}`);
}
const zjRuleSet: CreditRuleSet = parseRuleSet(draft);
console.log(`\n✓ rule set ${zjRuleSet.id} ${zjRuleSet.version} is valid`);

// Diff against the shipped set: what changed, and the version bump it calls for.
const ruleDiff = diffRuleSets(samrBaselineRuleSet, zjRuleSet);
console.log(
  `diff ${ruleDiff.from.id} ${ruleDiff.from.version} → ${ruleDiff.to.id} ${ruleDiff.to.version} (suggested bump: ${ruleDiff.suggestedBump})`,
);
/** JSON of a value, cut short for a one-line summary. */
const brief = (v: unknown) => {
  const text = JSON.stringify(v) ?? 'undefined';
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
};
const ruleLines: string[] = [];
for (const r of ruleDiff.rules.changed) {
  for (const c of r.changes)
    ruleLines.push(
      `rule \`${r.ruleId}\` ${c.path.slice(2).join('.')}: ${brief(c.before)} → ${brief(c.after)}`,
    );
}
for (const c of ruleDiff.measures)
  ruleLines.push(`measures ${c.path.slice(1).join('.')}: ${brief(c.before)} → ${brief(c.after)}`);
for (const c of ruleDiff.other) ruleLines.push(`${c.path.join('.')}: ${brief(c.before)} → ${brief(c.after)}`);
for (const line of ruleLines) console.log(`  ${line}`);

// What it means for one entity: ¥60,000 of fines in the last three years.
const entity: EntityCreditProfile = {
  entityId: '91330122002387018K',
  registeredAt: '2015-05-01',
  facts: [
    { kind: 'penalty', id: 'CF-1', decisionDate: '2026-05-10', penaltyKinds: ['02'], fineAmount: 60_000 },
  ],
};
const before = gradeEntity(entity, { ruleSet: samrBaselineRuleSet, asOf: '2027-01-04' });
const after = gradeEntity(entity, { ruleSet: zjRuleSet, asOf: '2027-01-04' });
console.log(
  `  an entity fined ¥60,000: ${before.grade} under ${before.ruleSetId} ${before.ruleSetVersion}, ${after.grade} under ${after.ruleSetId} ${after.ruleSetVersion}`,
);
writeFileSync(join(dir, 'zj-baseline.json'), `${JSON.stringify(zjRuleSet, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------------------
// 2. The indicator set: derive (not copy) — 5 working days to report, as the province's rule says.
// ---------------------------------------------------------------------------------------------------------
const zjIndicators: IndicatorSet = deriveIndicatorSet(baselineIndicatorSet, {
  id: 'baseline-zj',
  version: '1.0.0',
  name: { zh: '浙江省“互联网+监管”考核（示例）', en: 'Zhejiang assessment (example)' },
  override: {
    'behaviour-report-timeliness': {
      metric: { type: 'behaviour_report_timeliness', allowedWorkdays: 5 },
      source: [{ ref: '浙江省“互联网+监管”工作考核细则（示例）', status: 'inferred' }],
    },
  },
});
console.log(
  `\n✓ indicator set ${zjIndicators.id} ${zjIndicators.version} is valid (extends ${baselineIndicatorSet.id} ${baselineIndicatorSet.version})`,
);

// Diff against the shipped set, the same way as the rule set: indicators added, removed, changed field by field.
const indicatorDiff = diffIndicatorSets(baselineIndicatorSet, zjIndicators);
console.log(
  `diff ${indicatorDiff.from.id} ${indicatorDiff.from.version} → ${indicatorDiff.to.id} ${indicatorDiff.to.version} (suggested bump: ${indicatorDiff.suggestedBump})`,
);
const indicatorLines: string[] = [
  ...indicatorDiff.indicators.removed.map((id) => `indicator \`${id}\` removed`),
  ...indicatorDiff.indicators.added.map((id) => `indicator \`${id}\` added`),
];
for (const i of indicatorDiff.indicators.changed) {
  for (const c of i.changes)
    indicatorLines.push(
      `indicator \`${i.indicatorId}\` ${c.path.slice(2).join('.')}: ${brief(c.before)} → ${brief(c.after)}`,
    );
}
for (const c of indicatorDiff.conventions)
  indicatorLines.push(`conventions ${c.path.slice(1).join('.')}: ${brief(c.before)} → ${brief(c.after)}`);
for (const line of indicatorLines) console.log(`  ${line}`);
writeFileSync(join(dir, 'baseline-zj.json'), `${JSON.stringify(zjIndicators, null, 2)}\n`);

// ---------------------------------------------------------------------------------------------------------
// 3. The changeset that releases both (your package, e.g. @zj-credit/rule-sets; `npx changeset` writes one).
// ---------------------------------------------------------------------------------------------------------
// The package's bump follows the larger of the two diffs' suggestions.
const bumps = [ruleDiff.suggestedBump, indicatorDiff.suggestedBump];
const bump = bumps.includes('major') ? 'major' : 'minor'; // a new release is at least minor
const changeset = [
  '---',
  `"@zj-credit/rule-sets": ${bump}`,
  '---',
  '',
  `\`${zjRuleSet.id}\` ${zjRuleSet.version} (from ${samrBaselineRuleSet.id} ${samrBaselineRuleSet.version}, in force ${zjRuleSet.effectiveFrom}) — grades may move:`,
  '',
  ...ruleLines.map((l) => `- ${l}`),
  '',
  `\`${zjIndicators.id}\` ${zjIndicators.version} (extends ${baselineIndicatorSet.id} ${baselineIndicatorSet.version}):`,
  '',
  ...indicatorLines.map((l) => `- ${l}`),
  '',
].join('\n');
const changesetFile = join(dir, '.changeset', 'zj-baseline-1-0-0.md');
mkdirSync(join(dir, '.changeset'), { recursive: true });
writeFileSync(changesetFile, changeset);
console.log(`\nchangeset ${changesetFile}:\n`);
console.log(changeset);
