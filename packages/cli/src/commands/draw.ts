import { chinaToday } from '@jianguan/core';
import type { DrawRecord, PopulationCommitment, SpotCheckTask, StratumSpec } from '@jianguan/sampling';
import { commitPopulation, drawTask, spotCheckTaskSchema, strataFromGradeMeasures } from '@jianguan/sampling';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import {
  dateArgument,
  helpHint,
  integerArgument,
  noExtraPositionals,
  ratioArgument,
  requiredPositional,
  stringOption,
  stringsOption,
  valueOption,
} from '../runtime/args.js';
import { inputError, usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { readJsonFile, writeOutputFile } from '../runtime/files.js';
import { formatTable, writeJson, writeLine } from '../runtime/io.js';
import { populationOptions, readPopulation } from '../runtime/population.js';
import { resolveCreditRuleSet } from '../runtime/rule-sets.js';

const NAME = 'draw';
const ROUNDINGS = ['ceil', 'round', 'floor'] as const;

/** `jianguan draw` — a verifiable 双随机 draw from a population file, written as a draw record. */
export const drawCommand: CommandSpec = {
  name: NAME,
  summary: {
    zh: '从检查对象名录中随机抽取，生成可核验的抽查记录',
    en: 'draw entities at random into a verifiable draw record',
  },
  usage: [
    'jianguan draw <population> --seed <seed> --ratio <r> [--out record.json]',
    'jianguan draw <population> --seed <seed> --by <field> --ratio <value>=<r>… [--out record.json]',
    'jianguan draw <population> --seed <seed> --rule-set <id|file> [--ratio <grade>=<r>…]',
    'jianguan draw <population> --seed <seed> --task <task.json>',
    'jianguan draw <population> --commit-only [strata options]      # publish before the seed',
  ],
  description: [
    'The population is a CSV (UTF-8 or GBK), JSON or JSONL file with one entity per row: an id column',
    '(id, uscc or 统一社会信用代码; or --id-field), and optionally name, grade, riskLevel, industry, areaCode,',
    'status and tags; other columns can be used in strata (--by). Closed, deregistered and revoked entities',
    'are excluded by the national sampling rules.',
    '',
    'Every entity gets a ticket SHA-256(seed, id) (Rivest consistent_sampler); each stratum takes the',
    'entities with the smallest tickets, so anyone with the seed and the population can re-run the draw',
    '(`jianguan verify`). Publish the population commitment (--commit-only) before drawing the seed.',
    'Without --out the draw record is printed on stdout.',
  ],
  options: {
    seed: valueOption('<seed>', {
      zh: '公开的随机种子（建议 ≥20 位掷骰数字）',
      en: 'the public seed (≥ 20 dice digits recommended)',
    }),
    ratio: {
      type: 'string',
      multiple: true,
      value: '<r>|<key>=<r>',
      description: {
        zh: '抽查比例：整体比例，或分层时的 值=比例（如 D=30%）',
        en: 'sampling ratio: one for all, or <value>=<r> per stratum (e.g. D=30%)',
      },
    },
    count: valueOption('<n>', { zh: '固定抽取数量（不分层时）', en: 'draw exactly n (without strata)' }),
    by: valueOption('<field>', {
      zh: '按此字段分层（grade、riskLevel、industry、areaCode 或自定义列）',
      en: 'stratify by this field (grade, riskLevel, industry, areaCode or any column)',
    }),
    'rule-set': valueOption('<id|file>', {
      zh: '按信用规则集的分级监管措施分层抽取（按 grade 分层）',
      en: "stratify by grade with a credit rule set's measures",
    }),
    task: valueOption('<file>', { zh: '完整的抽查任务定义 JSON', en: 'a full spot-check task JSON' }),
    'task-id': valueOption('<id>', { zh: '任务编号（默认 cli-draw）', en: 'task id (default cli-draw)' }),
    department: valueOption('<dept>', {
      zh: '发起部门（默认 cli）',
      en: 'initiating department (default cli)',
    }),
    'as-of': valueOption('<date>', {
      zh: '名录冻结日期（默认今天）',
      en: 'the day the frame is frozen (default today)',
    }),
    rounding: valueOption('ceil|round|floor', {
      zh: '比例取整方式（默认向上取整）',
      en: 'rounding of ratio × N (default ceil)',
    }),
    min: valueOption('<n>', { zh: '每层至少抽取数', en: 'minimum per stratum' }),
    commitment: valueOption('<file>', {
      zh: '抽签前公示的名录承诺，抽取时核对',
      en: 'the commitment published before the seed, checked',
    }),
    'commit-only': {
      type: 'boolean',
      description: {
        zh: '只计算并输出名录承诺（抽签前公示）',
        en: 'only compute the population commitment (publish before the seed)',
      },
    },
    'created-at': valueOption('<iso>', {
      zh: '记录时间戳（默认不写，保证可重现）',
      en: 'timestamp stored in the record (default: none, so output is reproducible)',
    }),
    ...populationOptions,
    out: valueOption('<file>', {
      zh: '写出抽查记录（或承诺）的文件',
      en: 'write the draw record (or commitment) here',
    }),
  },
  examples: [
    'jianguan draw entities.csv --seed 20237331128159211123 --ratio 5% --out draw.json',
    'jianguan draw entities.csv --seed 20237331128159211123 --by grade --ratio A=1% --ratio B=3% --ratio C=10% --ratio D=100%',
    'jianguan draw entities.csv --seed 20237331128159211123 --rule-set samr-baseline --out draw.json',
    'jianguan draw entities.csv --rule-set samr-baseline --task-id 2026-SC-001 --commit-only --out commitment.json',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    const populationFile = requiredPositional(NAME, ctx.positionals, 0, 'population');
    noExtraPositionals(NAME, ctx.positionals, 1);
    const commitOnly = ctx.values['commit-only'] === true;
    const seed = stringOption(ctx.values, 'seed');
    if (!commitOnly && (seed === undefined || seed === '')) {
      throw usageError(
        'missing_option',
        {
          zh: '缺少必需的选项 --seed（公开的随机种子）',
          en: 'missing required option --seed (the public seed)',
        },
        {
          hint: helpHint(NAME),
        },
      );
    }
    const task = await buildTask(ctx);
    const entities = await readPopulation(ctx, populationFile);
    const out = stringOption(ctx.values, 'out');

    if (commitOnly) {
      const commitment = commitPopulation(task, entities);
      if (out !== undefined)
        await writeOutputFile(ctx.io.cwd, out, `${JSON.stringify(commitment, null, 2)}\n`);
      if (ctx.json || out === undefined)
        writeJson(ctx.io.stdout, out === undefined ? commitment : { out, commitment });
      else printCommitment(ctx, commitment, out);
      return ExitCode.Ok;
    }

    if (seed !== undefined && !ctx.json && (seed.replace(/\D/g, '').length < 20 || /^\d{1,8}$/.test(seed))) {
      writeLine(
        ctx.io.stderr,
        'jianguan: warning: a seed of fewer than 20 random digits can be guessed; roll ≥ 20 dice digits in public（种子建议为公开掷骰产生的 ≥20 位数字）',
      );
    }
    const commitmentFile = stringOption(ctx.values, 'commitment');
    const commitment =
      commitmentFile === undefined
        ? undefined
        : ((await readJsonFile(ctx.io.cwd, commitmentFile)) as PopulationCommitment);
    const createdAt = stringOption(ctx.values, 'created-at');
    const record = drawTask(task, entities, {
      seed: seed as string,
      ...(commitment === undefined ? {} : { commitment }),
      ...(createdAt === undefined ? {} : { createdAt }),
    });
    if (out === undefined) {
      writeJson(ctx.io.stdout, record);
      if (!ctx.json) printSummary(ctx, record, undefined, ctx.io.stderr);
      return ExitCode.Ok;
    }
    await writeOutputFile(ctx.io.cwd, out, `${JSON.stringify(record, null, 2)}\n`);
    if (ctx.json) writeJson(ctx.io.stdout, summaryOf(record, out));
    else printSummary(ctx, record, out, ctx.io.stdout);
    return ExitCode.Ok;
  },
};

async function buildTask(ctx: CommandContext): Promise<SpotCheckTask> {
  const taskFile = stringOption(ctx.values, 'task');
  if (taskFile !== undefined) {
    for (const conflicting of ['ratio', 'count', 'by', 'rule-set']) {
      if (ctx.values[conflicting] !== undefined) {
        throw usageError(
          'conflicting_options',
          {
            zh: `--task 已给出完整任务，不能再用 --${conflicting}`,
            en: `--task gives the whole task; drop --${conflicting}`,
          },
          { hint: helpHint(NAME) },
        );
      }
    }
    const raw = await readJsonFile(ctx.io.cwd, taskFile);
    const parsed = spotCheckTaskSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw inputError(
        'invalid_task',
        {
          zh: `${taskFile} 不是有效的抽查任务：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
          en: `${taskFile} is not a valid spot-check task: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
        },
        { details: { file: taskFile, issues: parsed.error.issues.slice(0, 5) } },
      );
    }
    return raw as SpotCheckTask;
  }
  const asOfText = stringOption(ctx.values, 'as-of');
  return {
    id: stringOption(ctx.values, 'task-id') ?? 'cli-draw',
    department: stringOption(ctx.values, 'department') ?? 'cli',
    items: [],
    asOf: asOfText === undefined ? chinaToday() : dateArgument(NAME, '--as-of', asOfText),
    strata: await buildStrata(ctx),
  };
}

async function buildStrata(ctx: CommandContext): Promise<StratumSpec[]> {
  const ratios = stringsOption(ctx.values, 'ratio').flatMap((r) =>
    r
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  const countText = stringOption(ctx.values, 'count');
  const ruleSetArg = stringOption(ctx.values, 'rule-set');
  const by = stringOption(ctx.values, 'by') ?? (ruleSetArg === undefined ? undefined : 'grade');
  const roundingText = stringOption(ctx.values, 'rounding');
  if (roundingText !== undefined && !(ROUNDINGS as readonly string[]).includes(roundingText)) {
    throw usageError(
      'bad_rounding',
      { zh: `--rounding 只能是 ceil、round 或 floor`, en: '--rounding must be ceil, round or floor' },
      {
        hint: helpHint(NAME),
      },
    );
  }
  const rounding = roundingText as (typeof ROUNDINGS)[number] | undefined;
  const minText = stringOption(ctx.values, 'min');
  const min = minText === undefined ? undefined : integerArgument(NAME, '--min', minText);
  const extra = { ...(rounding === undefined ? {} : { rounding }), ...(min === undefined ? {} : { min }) };

  const pairs = new Map<string, number>();
  const plain: number[] = [];
  for (const r of ratios) {
    const eq = r.lastIndexOf('=');
    if (eq > 0) pairs.set(r.slice(0, eq).trim(), ratioArgument(NAME, `--ratio ${r}`, r.slice(eq + 1)));
    else plain.push(ratioArgument(NAME, '--ratio', r));
  }

  if (ruleSetArg !== undefined) {
    if (by !== 'grade') {
      throw usageError(
        'conflicting_options',
        {
          zh: '--rule-set 按信用等级分层，不能与 --by 其他字段同用',
          en: '--rule-set stratifies by grade; it cannot be combined with --by another field',
        },
        {
          hint: helpHint(NAME),
        },
      );
    }
    if (plain.length > 0 || countText !== undefined) {
      throw usageError(
        'conflicting_options',
        {
          zh: '与 --rule-set 同用时，--ratio 须写成 等级=比例',
          en: 'with --rule-set, write --ratio as <grade>=<r>',
        },
        {
          hint: helpHint(NAME),
        },
      );
    }
    const ruleSet = await resolveCreditRuleSet(ctx.io.cwd, NAME, ruleSetArg);
    const strata = strataFromGradeMeasures(ruleSet.measures, {
      ratios: Object.fromEntries(pairs),
      order: ruleSet.grades.map((g) => g.code),
      ...(rounding === undefined ? {} : { rounding }),
    });
    return min === undefined ? strata : strata.map((s) => ({ ...s, min }));
  }

  if (by !== undefined) {
    if (plain.length > 0 || countText !== undefined) {
      throw usageError(
        'conflicting_options',
        {
          zh: '分层时 --ratio 须写成 值=比例（如 D=30%）',
          en: 'with --by, write --ratio as <value>=<r> (e.g. D=30%)',
        },
        {
          hint: helpHint(NAME),
        },
      );
    }
    if (pairs.size === 0) {
      throw usageError(
        'missing_option',
        { zh: '分层时至少需要一个 --ratio 值=比例', en: 'with --by, give at least one --ratio <value>=<r>' },
        {
          hint: helpHint(NAME),
        },
      );
    }
    return [...pairs].map(([value, ratio]) => ({ key: value, where: { [by]: [value] }, ratio, ...extra }));
  }

  if (pairs.size > 0) {
    throw usageError(
      'missing_option',
      { zh: '--ratio 值=比例 需要与 --by <字段> 同用', en: '--ratio <value>=<r> needs --by <field>' },
      {
        hint: helpHint(NAME),
      },
    );
  }
  if (countText !== undefined) {
    if (plain.length > 0) {
      throw usageError(
        'conflicting_options',
        { zh: '--count 与 --ratio 只能选一个', en: 'give --count or --ratio, not both' },
        { hint: helpHint(NAME) },
      );
    }
    const count = integerArgument(NAME, '--count', countText);
    if (count < 0) {
      throw usageError(
        'bad_integer',
        { zh: '--count 不能为负数', en: '--count must not be negative' },
        { hint: helpHint(NAME) },
      );
    }
    return [{ key: 'all', where: {}, count, ...extra }];
  }
  if (plain.length !== 1) {
    throw usageError(
      'missing_option',
      plain.length === 0
        ? {
            zh: '需要 --ratio、--count、--by 或 --rule-set 之一来决定抽多少',
            en: 'say how many to draw: --ratio, --count, --by or --rule-set',
          }
        : { zh: '不分层时只能给一个 --ratio', en: 'give one --ratio without --by' },
      { hint: helpHint(NAME) },
    );
  }
  return [{ key: 'all', where: {}, ratio: plain[0] as number, ...extra }];
}

function summaryOf(record: DrawRecord, out: string | undefined) {
  return {
    ...(out === undefined ? {} : { out }),
    taskId: record.task.id,
    seed: record.seed,
    recordDigest: record.recordDigest,
    commitmentDigest: record.commitment.commitmentDigest,
    unmatched: record.commitment.unmatched,
    strata: record.strata.map((s) => ({
      key: s.key,
      populationSize: s.populationSize,
      sampleSize: s.sampleSize,
      excluded: record.commitment.strata.find((c) => c.key === s.key)?.excluded ?? {},
    })),
    drawn: record.strata.reduce((n, s) => n + s.sampleSize, 0),
  };
}

function printSummary(
  ctx: CommandContext,
  record: DrawRecord,
  out: string | undefined,
  stream = ctx.io.stdout,
): void {
  const summary = summaryOf(record, out);
  const rows = [
    ['stratum 分层', 'population 总数', 'drawn 抽中', 'excluded 排除'],
    ...summary.strata.map((s) => [
      s.key,
      String(s.populationSize),
      String(s.sampleSize),
      excludedText(s.excluded),
    ]),
  ];
  writeLine(
    stream,
    `Drew ${summary.drawn} entities for task ${summary.taskId} with seed ${summary.seed}（共抽取 ${summary.drawn} 户）`,
  );
  for (const line of formatTable(rows)) writeLine(stream, `  ${line}`);
  if (summary.unmatched > 0) {
    writeLine(
      stream,
      `  ${summary.unmatched} entities matched no stratum and were not in the frame（${summary.unmatched} 户不属于任何分层）`,
    );
  }
  writeLine(stream, `record digest 记录摘要: ${summary.recordDigest}`);
  if (out !== undefined) writeLine(stream, `written 已写入: ${out}`);
  writeLine(stream, 'Anyone can check it（任何人都可核验）: jianguan verify <record.json> <population>');
}

function printCommitment(ctx: CommandContext, commitment: PopulationCommitment, out: string): void {
  const rows = [
    ['stratum 分层', 'population 总数', 'digest 摘要'],
    ...commitment.strata.map((s) => [s.key, String(s.populationSize), s.populationDigest]),
  ];
  writeLine(
    ctx.io.stdout,
    `Population commitment for task ${commitment.taskId} as of ${commitment.asOf}（名录承诺）`,
  );
  for (const line of formatTable(rows)) writeLine(ctx.io.stdout, `  ${line}`);
  writeLine(ctx.io.stdout, `commitment digest 承诺摘要: ${commitment.commitmentDigest}`);
  writeLine(ctx.io.stdout, `written 已写入: ${out} — publish it before the seed is drawn（请在抽签前公示）`);
}

function excludedText(excluded: Readonly<Record<string, number | undefined>>): string {
  const parts = Object.entries(excluded)
    .filter(([, n]) => (n ?? 0) > 0)
    .map(([reason, n]) => `${reason} ${n}`);
  return parts.length === 0 ? '-' : parts.join(', ');
}
