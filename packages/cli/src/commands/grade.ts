import { extname } from 'node:path';
import { chinaToday, csvLine, describeZodError } from '@jianguan/core';
import type { CreditRuleSet, EntityCreditProfile, GradingResult } from '@jianguan/credit-rules';
import { entityCreditProfileSchema, gradeEntity, measuresTable } from '@jianguan/credit-rules';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import { dateArgument, noExtraPositionals, requiredPositional, stringOption } from '../runtime/args.js';
import { inputError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { writeOutputFile } from '../runtime/files.js';
import { formatTable, writeJson, writeLine } from '../runtime/io.js';
import type { LoadedFile } from '../runtime/records.js';
import { loadRecords } from '../runtime/records.js';
import { DEFAULT_RULE_SET_ID, resolveCreditRuleSet, shippedRuleSets } from '../runtime/rule-sets.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'grade';

/** `jianguan grade` — credit grading (信用分级分类) of entities from their credit facts. */
export const gradeCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.grade,
  usage: [
    'jianguan grade <facts.json|facts.jsonl> [--rule-set <id|file>] [--as-of <date>] [--out grades.csv|.jsonl|.json]',
    'jianguan grade --list-rule-sets',
  ],
  // One language per line (Chinese, then English); the field table's header says which column is which.
  description: [
    '输入（JSON 数组、JSONL 或 JSON）：每户一条信用档案，或每条记录一条信用信息并带 "entityId"（按对象归并）。',
    'Input (JSON array, JSONL or JSON): one credit profile per entity, or one fact per record with its "entityId".',
    '  { "entityId": "9133…", "registeredAt"?: "2020-05-01", "facts": [ <fact>, … ] }',
    '  { "entityId": "9133…", <fact> }',
    '每条信用信息都有 "kind"、"id"（唯一）和可选的 "recordedAt"；日期为 YYYY-MM-DD。各类型的字段：',
    'Every fact has "kind", "id" (unique) and optionally "recordedAt"; dates are YYYY-MM-DD. Fields by kind:',
    '',
    ...formatTable([
      ['', '类型', '字段'],
      ['kind', 'type', 'fields'],
      ['penalty', '行政处罚', 'decisionDate, penaltyKinds, fineAmount?, procedure?, severity?,'],
      ['', '', 'counterpart?, publishedAt?, restrictionEndsAt?, revokedAt?'],
      ['abnormal_list', '经营异常名录', 'reason, listedAt, removedAt?'],
      ['serious_list', '严重违法失信名单', 'listedAt, removedAt?, reason?'],
      ['spot_check', '抽查检查结果', 'date, resultCodes'],
      ['complaint', '投诉举报', 'receivedAt, substantiated'],
      ['commitment_breach', '信用承诺', 'commitmentId, date, outcome'],
      ['court_dishonesty', '失信被执行人', 'listedAt, removedAt?'],
      ['external_grade', '外部评级', 'source, grade, issuedAt, validUntil?'],
    ]).map((line) => `  ${line}`),
    '',
    'penaltyKinds：处罚种类代码 01–14（如 "01" 警告，"05" 吊销许可证件）；`procedure`：`simple` 简易程序或',
    '  `general` 普通程序；`severity`：`minor`、`general` 或 `serious`；`counterpart`：`natural_person` 自然人或',
    '  `organisation` 单位。',
    'penaltyKinds: punishType codes 01–14 (e.g. "01" warning, "05" licence revoked); procedure: simple|general;',
    '  severity: minor|general|serious; counterpart: natural_person|organisation.',
    '`reason`：经营异常名录列入事由 "1"–"4"（企业信息公示暂行条例第十七条）；resultCodes：抽查结果代码',
    '  （如 "1" 未发现问题，"6" 无法联系）。',
    'reason: abnormal-list reason "1"–"4" (Interim Regulations on Enterprise Information Publicity, art. 17);',
    '  resultCodes: spotCheckResult codes (e.g. "1" no problem found, "6" cannot be contacted).',
    '`substantiated`：`true` 或 `false`；`outcome`：`missed`（逾期未履行）或 `failed`（核查未通过）。',
    'substantiated: true|false; outcome: missed|failed.',
    '代码表见 docs/guides/code-tables.md，规则见 docs/guides/credit-rule-sets.md。',
    'Code tables: docs/guides/code-tables.md; rules: docs/guides/credit-rule-sets.md.',
    '',
    '信用等级内部掌握：打印给执法人员参考，不对外公布。',
    'Grades are internal: they are printed for the officer, not for publication.',
    '--out 每户写一行（CSV：entityId,grade,firedRules），供 `jianguan draw --by grade` 读取。',
    '--out writes one row per entity (CSV: entityId,grade,firedRules) that `jianguan draw --by grade` reads.',
  ],
  options: {
    'rule-set': {
      type: 'string',
      value: '<id|file>',
      description: {
        zh: `信用规则集（内置 id 或 JSON 文件，默认 ${DEFAULT_RULE_SET_ID}）`,
        en: `credit rule set: shipped id or JSON file (default ${DEFAULT_RULE_SET_ID})`,
      },
    },
    'as-of': {
      type: 'string',
      value: '<date>',
      description: { zh: '评价基准日（默认今天）', en: 'grade as of this date (default today)' },
    },
    out: {
      type: 'string',
      value: '<file>',
      description: {
        zh: '写出分级结果（.csv、.jsonl 或 .json）',
        en: 'write the grades (.csv, .jsonl or .json)',
      },
    },
    'list-rule-sets': {
      type: 'boolean',
      description: { zh: '列出内置规则集及其分级措施', en: 'list the shipped rule sets and their measures' },
    },
  },
  examples: [
    'jianguan grade facts.jsonl --as-of 2025-12-31',
    'jianguan grade facts.jsonl --rule-set sd-five-class --out grades.csv',
    'jianguan grade facts.json --rule-set ./zj-market-2025.json --json',
    'jianguan grade --list-rule-sets',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    if (ctx.values['list-rule-sets'] === true) {
      noExtraPositionals(NAME, ctx.positionals, 0);
      return listRuleSets(ctx);
    }
    const file = requiredPositional(NAME, ctx.positionals, 0, 'facts');
    noExtraPositionals(NAME, ctx.positionals, 1);
    const ruleSet = await resolveCreditRuleSet(
      ctx.io.cwd,
      NAME,
      stringOption(ctx.values, 'rule-set') ?? DEFAULT_RULE_SET_ID,
    );
    const asOfText = stringOption(ctx.values, 'as-of');
    const asOf = asOfText === undefined ? chinaToday() : dateArgument(NAME, '--as-of', asOfText);
    const loaded = await loadRecords(ctx.io.cwd, file, { progress: ctx.progress(`read ${file}`, 0) });
    const profiles = toProfiles(loaded);
    const progress = ctx.progress('grade', profiles.length);
    const results: GradingResult[] = [];
    for (const { profile, line } of profiles) {
      const valid = entityCreditProfileSchema.safeParse(profile);
      if (!valid.success) {
        const problem = describeZodError(valid.error);
        throw inputError(
          'invalid_profile',
          {
            zh: `${file} 第 ${line} 行（${profile.entityId}）的信用数据有误：${problem.zh}`,
            en: `${file} line ${line} (${profile.entityId}): bad credit data: ${problem.en}`,
          },
          {
            path: problem.path,
            details: { file, line, entityId: profile.entityId },
            hint: {
              zh: '运行 `jianguan grade --help` 查看各类信用信息的字段',
              en: 'run `jianguan grade --help` for the fields of each fact kind',
            },
          },
        );
      }
      try {
        results.push(gradeEntity(profile, { ruleSet, asOf }));
      } catch (error) {
        const e = error as { messages?: { zh: string; en: string } };
        throw inputError(
          'invalid_profile',
          {
            zh: `${file} 第 ${line} 行（${profile.entityId}）的信用数据有误：${e.messages?.zh ?? '格式有误'}`,
            en: `${file} line ${line} (${profile.entityId}): bad credit data: ${e.messages?.en ?? String(error)}`,
          },
          { details: { file, line, entityId: profile.entityId }, cause: error },
        );
      }
      progress.tick();
    }
    progress.done();
    const counts: Record<string, number> = Object.fromEntries(ruleSet.grades.map((g) => [g.code, 0]));
    for (const r of results) counts[r.grade] = (counts[r.grade] ?? 0) + 1;
    const out = stringOption(ctx.values, 'out');
    if (out !== undefined) await writeOutputFile(ctx.io.cwd, out, serialise(out, results));
    const plain = results.map((r) => ({
      entityId: r.entityId,
      grade: r.grade as string,
      gradeRank: r.gradeRank,
      firedRules: r.firedRules,
    }));
    if (ctx.json) {
      writeJson(ctx.io.stdout, {
        ruleSetId: ruleSet.id,
        ruleSetVersion: ruleSet.version,
        asOf,
        entities: results.length,
        counts,
        ...(out === undefined ? { results: plain } : { out }),
      });
      return ExitCode.Ok;
    }
    printGrades(ctx, ruleSet, asOf, results, counts, out);
    return ExitCode.Ok;
  },
};

function toProfiles(loaded: LoadedFile): { profile: EntityCreditProfile; line: number }[] {
  // Every row of an entity — a profile with `facts`, or a single fact — goes into one profile, in order of
  // first appearance, so an entity is graded once on all its records.
  const profiles: {
    profile: { entityId: string; registeredAt?: unknown; facts: unknown[] };
    line: number;
  }[] = [];
  const grouped = new Map<string, (typeof profiles)[number]>();
  for (const { line, record } of loaded.records) {
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw inputError(
        'invalid_profile',
        { zh: `${loaded.file} 第 ${line} 行不是对象`, en: `${loaded.file} line ${line} is not an object` },
        { details: { file: loaded.file, line } },
      );
    }
    const row = record as Record<string, unknown>;
    if (typeof row.entityId !== 'string' || row.entityId === '') {
      throw inputError(
        'missing_entity_id',
        {
          zh: `${loaded.file} 第 ${line} 行缺少 entityId`,
          en: `${loaded.file} line ${line} has no entityId`,
        },
        { details: { file: loaded.file, line } },
      );
    }
    const entityId = row.entityId;
    let group = grouped.get(entityId);
    if (group === undefined) {
      group = { profile: { entityId, facts: [] }, line };
      grouped.set(entityId, group);
      profiles.push(group);
    }
    if (!Array.isArray(row.facts)) {
      const { entityId: _, ...fact } = row;
      group.profile.facts.push(fact);
      continue;
    }
    if (row.registeredAt !== undefined) {
      if (group.profile.registeredAt !== undefined && group.profile.registeredAt !== row.registeredAt) {
        throw inputError(
          'invalid_profile',
          {
            zh: `${loaded.file} 第 ${line} 行（${entityId}）的 registeredAt 与第 ${group.line} 行不同`,
            en: `${loaded.file} line ${line} (${entityId}): registeredAt differs from line ${group.line}`,
          },
          { path: ['registeredAt'], details: { file: loaded.file, line, entityId } },
        );
      }
      group.profile.registeredAt = row.registeredAt;
    }
    group.profile.facts.push(...row.facts);
  }
  return profiles as unknown as { profile: EntityCreditProfile; line: number }[];
}

function serialise(out: string, results: readonly GradingResult[]): string {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') {
    // core's shared writer: RFC 4180 quoting and formula neutralisation (CSV injection).
    const lines = ['entityId,grade,firedRules'];
    for (const r of results)
      lines.push(csvLine([String(r.entityId), String(r.grade), r.firedRules.map((f) => f.ruleId).join(' ')]));
    return `${lines.join('\n')}\n`;
  }
  if (ext === '.json') return `${JSON.stringify(results, null, 2)}\n`;
  return results.map((r) => JSON.stringify(r)).join('\n') + (results.length > 0 ? '\n' : '');
}

function printGrades(
  ctx: CommandContext,
  ruleSet: CreditRuleSet,
  asOf: string,
  results: readonly GradingResult[],
  counts: Readonly<Record<string, number>>,
  out: string | undefined,
): void {
  const stdout = ctx.io.stdout;
  writeLine(stdout, `规则集：${ruleSet.id}@${ruleSet.version}（${ruleSet.name.zh}），基准日 ${asOf}`);
  writeLine(stdout, `Rule set: ${ruleSet.id}@${ruleSet.version} (${ruleSet.name.en}), as of ${asOf}`);
  if (out === undefined) {
    // Two header rows: the Chinese one, then the English one.
    const rows = [
      ['对象', '等级', '触发规则'],
      ['entity', 'grade', 'fired rules'],
      ...results.map((r) => [
        r.entityId,
        r.grade as string,
        r.firedRules.map((f) => `${f.ruleId}[${f.evidence.join(' ')}]`).join(', ') || '-',
      ]),
    ];
    for (const line of formatTable(rows)) writeLine(stdout, `  ${line}`);
  } else {
    writeLine(stdout, `已写入：${out}`);
    writeLine(stdout, `written: ${out}`);
  }
  const labels = new Map(ruleSet.grades.map((g) => [g.code, g.label]));
  const summary = (lang: 'zh' | 'en') =>
    Object.entries(counts)
      .map(([grade, n]) => `${grade} ${n}${labels.get(grade) ? ` (${labels.get(grade)?.[lang]})` : ''}`)
      .join(' · ');
  writeLine(stdout, `共 ${results.length} 户：${summary('zh')}`);
  writeLine(stdout, `${results.length} entities: ${summary('en')}`);
  writeLine(stdout, '信用等级内部掌握，不对外公开。');
  writeLine(stdout, 'Grades are for internal use, not for publication.');
}

function listRuleSets(ctx: CommandContext): ExitCodeValue {
  const sets = Object.values(shippedRuleSets).map((set) => ({
    id: set.id,
    version: set.version,
    name: set.name,
    jurisdiction: set.jurisdiction,
    effectiveFrom: set.effectiveFrom,
    defaultGrade: set.defaultGrade,
    measures: measuresTable(set).map((m) => ({
      grade: m.grade,
      samplingRatio: m.samplingRatio,
      yearlyInspectionCap: m.yearlyInspectionCap,
      onSitePolicy: m.onSitePolicy,
      keySupervision: m.keySupervision,
    })),
  }));
  if (ctx.json) {
    writeJson(ctx.io.stdout, sets);
    return ExitCode.Ok;
  }
  for (const set of sets) {
    writeLine(
      ctx.io.stdout,
      `${set.id}@${set.version}：${set.name.zh}（${set.jurisdiction}，${set.effectiveFrom} 起施行）`,
    );
    writeLine(
      ctx.io.stdout,
      `${set.id}@${set.version}: ${set.name.en} (${set.jurisdiction}, from ${set.effectiveFrom})`,
    );
    // Two header rows: the Chinese one, then the English one.
    const rows = [
      ['等级', '抽查比例（最低–最高）', '年度检查上限', '实地检查', '重点监管'],
      ['grade', 'ratio (min–max)', 'yearly cap', 'on-site', 'key supervision'],
      ...set.measures.map((m) => [
        m.grade,
        `${pct(m.samplingRatio.default)} (${pct(m.samplingRatio.min)}–${pct(m.samplingRatio.max)})`,
        m.yearlyInspectionCap === null ? '-' : String(m.yearlyInspectionCap),
        m.onSitePolicy,
        m.keySupervision ? '✓' : '-',
      ]),
    ];
    for (const line of formatTable(rows)) writeLine(ctx.io.stdout, `  ${line}`);
    writeLine(ctx.io.stdout);
  }
  return ExitCode.Ok;
}

function pct(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}
