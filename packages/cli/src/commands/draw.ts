import { basename, dirname, extname, join } from 'node:path';
import { chinaToday, describeZodError } from '@jianguan/core';
import type {
  DirectoryEntity,
  DrawRecord,
  PopulationCommitment,
  PublicDrawBundle,
  SpotCheckTask,
  StratumSpec,
} from '@jianguan/sampling';
import {
  commitPopulation,
  drawTask,
  publicFrame,
  publishDraw,
  spotCheckTaskSchema,
  strataFromGradeMeasures,
} from '@jianguan/sampling';
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
import {
  directoryField,
  NON_OPERATING_STATUSES,
  populationOptions,
  readPopulation,
} from '../runtime/population.js';
import { resolveCreditRuleSet } from '../runtime/rule-sets.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'draw';
const ROUNDINGS = ['ceil', 'round', 'floor'] as const;
/** Why entities left the frame, as the summary table shows it. */
const EXCLUSION_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  status: { zh: '非存续', en: 'not operating' },
  excluded_id: { zh: '指定排除', en: 'excluded by id' },
  quiet: { zh: '无事不扰', en: 'quiet' },
  window: { zh: '近期已检查', en: 'recently inspected' },
  yearly_cap: { zh: '年度上限', en: 'yearly cap' },
};

/** `jianguan draw` — a verifiable 双随机 draw from a population file, written as a draw record. */
export const drawCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.draw,
  usage: [
    'jianguan draw <population> --seed <seed> --ratio <r> [--out draw-record.json]',
    'jianguan draw <population> --seed <seed> --by <field> --ratio <value>=<r>… [--out <file>]',
    'jianguan draw <population> --seed <seed> --rule-set <id|file> [--ratio <grade>=<r>…]',
    'jianguan draw <population> --seed <seed> --task <task.json>',
    'jianguan draw <population> --commit-only [strata options] [--out commitment.public.json]   # publish before the seed',
  ],
  // One language per line: each Chinese line, then its English line.
  description: [
    '名录文件：CSV（UTF-8 或 GBK）、JSON（数组）或 JSONL，每行一个对象。列：',
    'Population file: CSV (UTF-8 or GBK), JSON (an array) or JSONL, one entity per row. Columns:',
    '  标识  id, uscc, unifiedSocialCreditCode, entityId, 统一社会信用代码, 主体身份代码（或 --id-field <列>）',
    '  id    the same headers (or --id-field <column>)',
    '  状态  `status`、登记状态、经营状态、企业状态、企业登记状态、存续状态、主体状态、营业状态、状态：',
    '        存续、在业、开业、在营、正常等（`active`）参与抽取；停业、歇业、清算、注销、吊销、撤销、迁出等',
    '        （`closed`、`deregistered`、`revoked`、`withdrawn`、`moved_out`）不参与；各值的常见写法见代码表；',
    '        无法识别的值仍参与抽取，并在标准错误输出上警告（代码表 entityStatus，见 docs/guides/code-tables.md）',
    '  status  the same headers; the operating values above (or active) are drawn; the others above (or closed,',
    '        deregistered, revoked, withdrawn, moved_out) are left out, each with its usual spellings in the code',
    '        table; an unknown value is kept in and reported on stderr (code table entityStatus, see',
    '        docs/guides/code-tables.md)',
    '  可选  name/名称/企业名称, grade/信用等级, riskLevel/风险等级, industry/行业, areaCode/行政区划代码,',
    '        tags/标签（以 、 , ; 分隔的列表）；其他任何列都可用于 --by 分层',
    '  optional  name, grade, riskLevel, industry, areaCode, tags (a list separated by commas or semicolons);',
    '        any other column works with --by',
    '',
    '每个对象的签号为 SHA-256(种子, 标识)（Rivest consistent_sampler）；每层取签号最小的对象，',
    '因此任何人拿到种子和名录都能重算抽取结果。',
    'Every entity gets a ticket SHA-256(seed, id) (Rivest consistent_sampler); each stratum takes the entities',
    'with the smallest tickets, so anyone with the seed and the population can re-run the draw.',
    '',
    '输出文件（以默认的 --out draw-record.json 为例）：',
    'Files written (for --out draw-record.json, the default):',
    '  draw-record.internal.json            内部记录：按信用等级分层，不得公开',
    '                                       the internal record: strata by grade, never publish it',
    '  draw-record.salt.internal.txt        把公开记录与内部记录关联的盐值，与内部记录一起保存',
    '                                       the secret linking the public record to it, keep it with it',
    '  draw-record.public.json              公开记录：中性分层 S1…Sn，不含等级',
    '                                       the public record: neutral strata S1…Sn, no grades',
    '  draw-record.population.public.json   公开名录：只有标识和分层标签',
    '                                       the public frame: ids and S-labels only',
    '公开两个 .public.json 文件，任何人都可用 `jianguan verify` 核验；--out - 把内部记录打印到标准输出',
    '（不生成公开核验包）。',
    'Publish the two .public.json files; anyone can check them with `jianguan verify`. --out - prints the',
    'internal record on stdout instead (no public bundle).',
    '',
    '--commit-only 计算同一中性名录的公开承诺（不含等级标签）：在产生种子之前公示，',
    '抽取时用 --commitment 传入核对。',
    '--commit-only computes the public commitment of the same neutral frame (no grade labels): publish it',
    'before the seed is drawn, then pass it to the draw with --commitment.',
    '',
    '日期（--as-of）：YYYY-MM-DD，也可写 2025/9/30、2025.9.30、2025年9月30日、20250930 或 Excel 日期序号。',
    'Dates (--as-of): YYYY-MM-DD, also 2025/9/30, 2025.9.30, 20250930 or an Excel serial day number.',
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
      zh: '按此字段分层（`grade`、riskLevel、`industry`、areaCode 或自定义列）',
      en: 'stratify by this field (grade, riskLevel, industry, areaCode or any column)',
    }),
    'rule-set': valueOption('<id|file>', {
      zh: '按信用规则集的分级监管措施分层抽取（按信用等级分层）',
      en: "stratify by grade with a credit rule set's measures",
    }),
    task: valueOption('<file>', { zh: '完整的抽查任务定义 JSON', en: 'a full spot-check task JSON' }),
    'task-id': valueOption('<id>', { zh: '任务编号（默认 cli-draw）', en: 'task id (default cli-draw)' }),
    department: valueOption('<dept>', {
      zh: '发起部门（默认 `cli`）',
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
      zh: '内部抽查记录文件名（默认 draw-record.json → draw-record.internal.json，旁边写公开核验包）；- 为标准输出',
      en: 'name of the internal record (default draw-record.json → draw-record.internal.json, public bundle beside it); - for stdout',
    }),
    'internal-only': {
      type: 'boolean',
      description: {
        zh: '只写内部记录，不生成公开核验包',
        en: 'write only the internal record, no public bundle',
      },
    },
  },
  examples: [
    'jianguan draw entities.csv --rule-set samr-baseline --task-id 2026-SC-001 --commit-only --out commitment.public.json',
    'jianguan draw entities.csv --seed 20237331128159211123 --rule-set samr-baseline --task-id 2026-SC-001 --commitment commitment.public.json',
    'jianguan draw entities.csv --seed 20237331128159211123 --ratio 5% --out draw.json   # draw.internal.json + draw.public.json …',
    'jianguan draw entities.csv --seed 20237331128159211123 --by industry --ratio I65=10% --ratio C13=5%',
    'jianguan verify draw-record.public.json draw-record.population.public.json',
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
      // The public commitment: the neutral frame publishDraw will use (S1…Sn, no grade labels).
      const commitment = publicFrame(task, entities).commitment;
      if (out !== undefined && out !== '-')
        await writeOutputFile(ctx.io.cwd, out, `${JSON.stringify(commitment, null, 2)}\n`);
      if (ctx.json || out === undefined || out === '-')
        writeJson(ctx.io.stdout, out === undefined || out === '-' ? commitment : { out, commitment });
      else printCommitment(ctx, commitment, out);
      return ExitCode.Ok;
    }

    if (seed !== undefined && !ctx.json && (seed.replace(/\D/g, '').length < 20 || /^\d{1,8}$/.test(seed))) {
      writeLine(
        ctx.io.stderr,
        'jianguan: warning: a seed of fewer than 20 random digits can be guessed; roll ≥ 20 dice digits in public',
      );
      writeLine(
        ctx.io.stderr,
        'jianguan: 警告：种子少于 20 位随机数字即可能被猜中，请公开掷骰产生 ≥20 位数字',
      );
    }
    const commitmentFile = stringOption(ctx.values, 'commitment');
    const internalCommitment =
      commitmentFile === undefined ? undefined : await checkedCommitment(ctx, commitmentFile, task, entities);
    const createdAt = stringOption(ctx.values, 'created-at');
    const record = drawTask(task, entities, {
      seed: seed as string,
      ...(internalCommitment === undefined ? {} : { commitment: internalCommitment }),
      ...(createdAt === undefined ? {} : { createdAt }),
    });
    if (out === '-') {
      writeJson(ctx.io.stdout, record);
      if (!ctx.json) printSummary(ctx, record, undefined, ctx.io.stderr);
      return ExitCode.Ok;
    }
    const paths = outputPaths(out ?? 'draw-record.json');
    const bundle = ctx.values['internal-only'] === true ? undefined : publishDraw(record, entities);
    await writeOutputFile(ctx.io.cwd, paths.internal, `${JSON.stringify(record, null, 2)}\n`);
    if (bundle !== undefined) {
      await writeOutputFile(ctx.io.cwd, paths.salt, `${bundle.salt}\n`);
      await writeOutputFile(ctx.io.cwd, paths.publicRecord, `${JSON.stringify(bundle.record, null, 2)}\n`);
      await writeOutputFile(
        ctx.io.cwd,
        paths.publicPopulation,
        `${JSON.stringify(bundle.population, null, 2)}\n`,
      );
    }
    if (ctx.json) writeJson(ctx.io.stdout, summaryOf(record, paths, bundle));
    else printSummary(ctx, record, { paths, bundle }, ctx.io.stdout);
    return ExitCode.Ok;
  },
};

/** The files a draw writes for `--out <file>`: the internal record is always named `*.internal.json`. */
interface OutputPaths {
  readonly internal: string;
  readonly salt: string;
  readonly publicRecord: string;
  readonly publicPopulation: string;
}

function outputPaths(out: string): OutputPaths {
  const ext = extname(out) || '.json';
  let stem = basename(out, extname(out));
  if (stem.endsWith('.internal')) stem = stem.slice(0, -'.internal'.length);
  const dir = dirname(out);
  const at = (name: string) => (dir === '.' && !out.startsWith('./') ? name : join(dir, name));
  return {
    internal: at(`${stem}.internal${ext}`),
    salt: at(`${stem}.salt.internal.txt`),
    publicRecord: at(`${stem}.public${ext}`),
    publicPopulation: at(`${stem}.population.public${ext}`),
  };
}

/**
 * Read the commitment published before the seed and check it against this population: the public
 * commitment (`--commit-only`) or, for older records, the internal one. Returns the internal commitment to
 * hand to `drawTask` when that is what was published.
 */
async function checkedCommitment(
  ctx: CommandContext,
  file: string,
  task: SpotCheckTask,
  entities: readonly DirectoryEntity[],
): Promise<PopulationCommitment | undefined> {
  const published = (await readJsonFile(ctx.io.cwd, file)) as Partial<PopulationCommitment> | null;
  const digest = published?.commitmentDigest;
  if (digest !== undefined && digest === publicFrame(task, entities).commitment.commitmentDigest)
    return undefined;
  if (digest !== undefined && digest === commitPopulation(task, entities).commitmentDigest)
    return published as PopulationCommitment;
  throw inputError(
    'commitment_mismatch',
    {
      zh: `名录与抽签前公示的承诺 ${file} 不一致：名录或任务参数在公示后被改动`,
      en: `the population does not match the commitment ${file} published before the seed: the population or the task changed`,
    },
    { details: { file, commitmentDigest: digest } },
  );
}

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
      const problem = describeZodError(parsed.error);
      throw inputError(
        'invalid_task',
        {
          zh: `${taskFile} 不是有效的抽查任务：${problem.zh}`,
          en: `${taskFile} is not a valid spot-check task: ${problem.en}`,
        },
        { path: problem.path, details: { file: taskFile, issues: parsed.error.issues.slice(0, 5) } },
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
    // Non-operating entities (entityStatus code table) are left out of the frame.
    exclusions: { excludedStatuses: [...NON_OPERATING_STATUSES] },
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
  // A column header names its directory field: `--by 信用等级` stratifies on `grade`, as the file's column does.
  const byText = stringOption(ctx.values, 'by');
  const by = byText !== undefined ? directoryField(byText) : ruleSetArg === undefined ? undefined : 'grade';
  const roundingText = stringOption(ctx.values, 'rounding');
  if (roundingText !== undefined && !(ROUNDINGS as readonly string[]).includes(roundingText)) {
    throw usageError(
      'bad_rounding',
      { zh: '--rounding 只能是 `ceil`、`round` 或 `floor`', en: '--rounding must be ceil, round or floor' },
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

function summaryOf(record: DrawRecord, paths: OutputPaths | undefined, bundle: PublicDrawBundle | undefined) {
  return {
    ...(paths === undefined
      ? {}
      : {
          out: paths.internal,
          internal: { record: paths.internal, ...(bundle === undefined ? {} : { salt: paths.salt }) },
          ...(bundle === undefined
            ? {}
            : {
                public: {
                  record: paths.publicRecord,
                  population: paths.publicPopulation,
                  recordDigest: bundle.record.recordDigest,
                  commitmentDigest: bundle.record.commitment.commitmentDigest,
                },
              }),
        }),
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
  written: { paths: OutputPaths; bundle: PublicDrawBundle | undefined } | undefined,
  stream = ctx.io.stdout,
): void {
  const summary = summaryOf(record, written?.paths, written?.bundle);
  // One language per line: a Chinese header row, an English one, then rows of keys and numbers; one column per
  // reason for leaving entities out.
  const reasons = [
    ...new Set(
      summary.strata.flatMap((s) =>
        Object.entries(s.excluded)
          .filter(([, n]) => (n ?? 0) > 0)
          .map(([reason]) => reason),
      ),
    ),
  ];
  const label = (reason: string) => EXCLUSION_LABELS[reason] ?? { zh: reason, en: reason };
  const rows = [
    ['分层', '总数', '抽中', ...reasons.map((r) => `排除：${label(r).zh}`)],
    ['stratum', 'population', 'drawn', ...reasons.map((r) => `excluded: ${label(r).en}`)],
    ...summary.strata.map((s) => [
      s.key,
      String(s.populationSize),
      String(s.sampleSize),
      ...reasons.map((r) => String((s.excluded as Readonly<Record<string, number | undefined>>)[r] ?? 0)),
    ]),
  ];
  writeLine(stream, `抽取完成：任务 ${summary.taskId}，种子 ${summary.seed}，共抽取 ${summary.drawn} 户`);
  writeLine(stream, `Drew ${summary.drawn} entities for task ${summary.taskId} with seed ${summary.seed}`);
  for (const line of formatTable(rows)) writeLine(stream, `  ${line}`);
  if (summary.unmatched > 0) {
    writeLine(stream, `  ${summary.unmatched} 户不属于任何分层，未进入名录`);
    writeLine(stream, `  ${summary.unmatched} entities matched no stratum and were not in the frame`);
  }
  writeLine(stream, `记录摘要：${summary.recordDigest}`);
  writeLine(stream, `record digest: ${summary.recordDigest}`);
  if (written === undefined) return;
  const { paths, bundle } = written;
  writeLine(stream, `内部记录（含分层条件，不得公开）：${paths.internal}`);
  writeLine(stream, `internal record (never publish it): ${paths.internal}`);
  if (bundle === undefined) return;
  writeLine(stream, `内部盐值（与内部记录一起保存）：${paths.salt}`);
  writeLine(stream, `secret salt (keep it with the internal record): ${paths.salt}`);
  writeLine(stream, `公开核验包（公开这两个文件）：${paths.publicRecord} ${paths.publicPopulation}`);
  writeLine(stream, `public bundle (publish these two): ${paths.publicRecord} ${paths.publicPopulation}`);
  writeLine(stream, '任何人都可以这样核验：');
  writeLine(stream, 'Anyone can check it:');
  writeLine(stream, `  jianguan verify ${paths.publicRecord} ${paths.publicPopulation}`);
}

function printCommitment(ctx: CommandContext, commitment: PopulationCommitment, out: string): void {
  writeLine(
    ctx.io.stdout,
    `名录承诺（公开版，无信用等级）：任务 ${commitment.taskId}，名录日期 ${commitment.asOf}`,
  );
  writeLine(
    ctx.io.stdout,
    `Public population commitment (no grades) for task ${commitment.taskId} as of ${commitment.asOf}`,
  );
  writeLine(ctx.io.stdout, `承诺摘要：${commitment.commitmentDigest}`);
  writeLine(ctx.io.stdout, `commitment digest: ${commitment.commitmentDigest}`);
  writeLine(ctx.io.stdout, `已写入：${out}`);
  writeLine(ctx.io.stdout, `written: ${out}`);
  writeLine(ctx.io.stdout, '请在抽签（产生种子）前公示此文件，抽取时用 --commitment 核对');
  writeLine(
    ctx.io.stdout,
    'Publish it before the seed is drawn; pass it to the draw with --commitment to check it',
  );
}
