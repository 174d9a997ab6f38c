import { extname } from 'node:path';
import { describeZodError } from '@jianguan/core';
import type { IndicatorSet, KpiData, Scorecard, UnitSpec } from '@jianguan/kpi';
import {
  baselineIndicatorSet,
  defineIndicatorSet,
  hubeiLikeIndicatorSet,
  indicatorSetSchema,
  parsePeriod,
  publicText,
  renderScorecardHtml,
  scorecardToCsv,
  scorecardToJson,
  scoreIndicators,
} from '@jianguan/kpi';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import {
  dateArgument,
  helpHint,
  integerArgument,
  noExtraPositionals,
  requiredOption,
  requiredPositional,
  stringOption,
} from '../runtime/args.js';
import { inputError, usageError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { readJsonFile, writeOutputFile } from '../runtime/files.js';
import { formatTable, writeJson, writeLine } from '../runtime/io.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'kpi';

/** The indicator sets shipped with `@jianguan/kpi`, by id. */
const shippedSets: Readonly<Record<string, IndicatorSet>> = {
  [baselineIndicatorSet.id]: baselineIndicatorSet,
  [hubeiLikeIndicatorSet.id]: hubeiLikeIndicatorSet,
};

const DATA_LISTS = [
  'behaviours',
  'catalogItems',
  'officers',
  'publications',
  'clues',
  'doubleNotifications',
  'assessments',
];

/** `jianguan kpi` — score a department under an indicator set and write the scorecard (考核评分表). */
export const kpiCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.kpi,
  usage: [
    'jianguan kpi <data.json> --unit <dept> --period <2025|2025-Q2|2025-05> [--indicator-set <id|file>] [--out scorecard.html]',
    'jianguan kpi --list-indicator-sets',
  ],
  // One language per line (Chinese, then English); the table's header says which column is which.
  description: [
    'data.json（考核数据）存放指标读取的事实，各列表均可省略，日期为 YYYY-MM-DD：',
    'data.json holds the facts the indicators read, every list optional (dates YYYY-MM-DD):',
    '',
    ...formatTable([
      ['', '名称', '字段'],
      ['list', 'name', 'fields'],
      ['behaviours', '监管行为', 'recordId, itemCode, department, actDate, reportedDate,'],
      ['', '', 'rejectedDate?, fixedDate?'],
      ['catalogItems', '监管事项', 'itemCode, department, claimed, requiresInspectionList?,'],
      ['', '', 'hasInspectionList?, mandatoryElements?, filledElements?,'],
      ['', '', 'checkedElements?, accurateElements?'],
      ['officers', '执法人员', 'officerId, department, certified, registered,'],
      ['', '', 'activity? [{ month: "2025-04", logins, onlineDays }]'],
      ['publications', '信息发布', 'publicationId, department, channel, date'],
      ['', '', '(channel: annual_plan|work_news|exposure)'],
      ['clues', '风险预警线索', 'clueId, department, receivedDate, feedbackDate?'],
      ['doubleNotifications', '双告知', 'noticeId, department, pushedDate, claimedDate?'],
      ['assessments', '评估结果', 'key, department, period, value, note?'],
    ]).map((line) => `  ${line}`),
    '',
    '--out 按扩展名写出计分卡：HTML（单个自包含文件）、CSV 或 JSON；每个扣分项都列出其记录。',
    '--out writes the scorecard as HTML (self-contained), CSV or JSON by its extension; every deduction lists its records.',
    '给出 --fail-under <分数> 时，总分低于该分数（或被单项否决）则退出码为 1。',
    'With --fail-under <points> the command exits 1 when the total is below it (or the card is vetoed).',
  ],
  options: {
    unit: {
      type: 'string',
      value: '<id>',
      description: {
        zh: '被考核单位（部门 id 或地区 id）',
        en: 'the unit scored (department id, or region id)',
      },
    },
    departments: {
      type: 'string',
      value: '<a,b,…>',
      description: {
        zh: '地区汇总时包含的部门',
        en: 'departments a region pools (default: the unit itself)',
      },
    },
    name: {
      type: 'string',
      value: '<name>',
      description: { zh: '单位名称（显示用）', en: 'display name of the unit' },
    },
    period: {
      type: 'string',
      value: '<period>',
      description: {
        zh: '考核周期：2025、2025-Q2 或 2025-05',
        en: 'assessment period: 2025, 2025-Q2 or 2025-05',
      },
    },
    'indicator-set': {
      type: 'string',
      value: '<id|file>',
      description: {
        zh: `考核指标集（内置 id 或 JSON 文件，默认 ${baselineIndicatorSet.id}）`,
        en: `indicator set: shipped id or JSON file (default ${baselineIndicatorSet.id})`,
      },
    },
    'as-of': {
      type: 'string',
      value: '<date>',
      description: { zh: '计分基准日（默认周期末）', en: 'score as of this date (default: end of period)' },
    },
    out: {
      type: 'string',
      value: '<file>',
      description: {
        zh: '写出评分表（.html、.csv 或 .json）',
        en: 'write the scorecard (.html, .csv or .json)',
      },
    },
    title: {
      type: 'string',
      value: '<text>',
      description: { zh: 'HTML 评分表标题', en: 'title of the HTML scorecard' },
    },
    'fail-under': {
      type: 'string',
      value: '<points>',
      description: { zh: '总分低于此值时退出码为 1', en: 'exit 1 when the total is below this' },
    },
    'list-indicator-sets': {
      type: 'boolean',
      description: { zh: '列出内置考核指标集', en: 'list the shipped indicator sets' },
    },
  },
  examples: [
    'jianguan kpi data.json --unit scjg --period 2025-Q2 --out scorecard.html',
    'jianguan kpi data.json --unit 420322 --departments scjg,hbj,jtj --period 2025 --indicator-set hubei-like --json',
    'jianguan kpi data.json --unit scjg --period 2025 --indicator-set ./zj-indicators-2025.json --fail-under 80',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    if (ctx.values['list-indicator-sets'] === true) {
      noExtraPositionals(NAME, ctx.positionals, 0);
      return listSets(ctx);
    }
    const file = requiredPositional(NAME, ctx.positionals, 0, 'data.json');
    noExtraPositionals(NAME, ctx.positionals, 1);
    const unitId = requiredOption(NAME, ctx.values, 'unit');
    const period = requiredOption(NAME, ctx.values, 'period');
    try {
      parsePeriod(period);
    } catch {
      throw usageError(
        'bad_period',
        {
          zh: `考核周期格式错误：${period}（应为 2025、2025-Q2 或 2025-05）`,
          en: `bad period ${period} (use 2025, 2025-Q2 or 2025-05)`,
        },
        { hint: helpHint(NAME) },
      );
    }
    const asOfText = stringOption(ctx.values, 'as-of');
    const asOf = asOfText === undefined ? undefined : dateArgument(NAME, '--as-of', asOfText);
    const failText = stringOption(ctx.values, 'fail-under');
    const failUnder = failText === undefined ? undefined : failUnderArgument(failText);
    const set = await resolveSet(ctx, stringOption(ctx.values, 'indicator-set') ?? baselineIndicatorSet.id);
    const data = await readData(ctx, file);
    const departments = stringOption(ctx.values, 'departments');
    const name = stringOption(ctx.values, 'name');
    const unit: UnitSpec =
      departments === undefined && name === undefined
        ? unitId
        : {
            id: unitId,
            ...(name === undefined ? {} : { name }),
            ...(departments === undefined
              ? {}
              : {
                  departments: departments
                    .split(',')
                    .map((d) => d.trim())
                    .filter((d) => d !== ''),
                }),
          };
    const card = scoreIndicators(set, data, { period, unit, ...(asOf === undefined ? {} : { asOf }) });
    const out = stringOption(ctx.values, 'out');
    if (out !== undefined) {
      const title = stringOption(ctx.values, 'title');
      await writeOutputFile(ctx.io.cwd, out, render(out, card, title));
    }
    const below = failUnder !== undefined && (card.vetoed || card.total < failUnder);
    if (ctx.json) {
      writeJson(
        ctx.io.stdout,
        out === undefined ? JSON.parse(scorecardToJson(card)) : { out, ...headline(card) },
      );
    } else {
      printCard(ctx, card, out);
      if (below) {
        writeLine(ctx.io.stdout, `总分 ${card.total} 低于 --fail-under ${failUnder}`);
        writeLine(ctx.io.stdout, `total ${card.total} is below --fail-under ${failUnder}`);
      }
    }
    return below ? ExitCode.Findings : ExitCode.Ok;
  },
};

function failUnderArgument(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    integerArgument(NAME, '--fail-under', text); // throws the bilingual usage error
  }
  return value;
}

async function resolveSet(ctx: CommandContext, idOrPath: string): Promise<IndicatorSet> {
  const shipped = shippedSets[idOrPath];
  if (shipped !== undefined) return shipped;
  if (/[/\\]/.test(idOrPath) || idOrPath.toLowerCase().endsWith('.json')) {
    const data = await readJsonFile(ctx.io.cwd, idOrPath);
    const parsed = indicatorSetSchema.safeParse(data);
    if (!parsed.success) {
      // The shared zod translator: the Chinese line carries no raw zod English.
      const problem = describeZodError(parsed.error);
      throw inputError(
        'invalid_indicator_set',
        {
          zh: `${idOrPath} 不是有效的考核指标集：${problem.zh}`,
          en: `${idOrPath} is not a valid indicator set: ${problem.en}`,
        },
        { path: problem.path, details: { file: idOrPath } },
      );
    }
    return defineIndicatorSet(data);
  }
  const ids = Object.keys(shippedSets).join(', ');
  throw usageError(
    'unknown_indicator_set',
    {
      zh: `未知的考核指标集：${idOrPath}（内置：${ids}；也可给出 JSON 文件路径）`,
      en: `unknown indicator set: ${idOrPath} (shipped: ${ids}; or give the path of a JSON file)`,
    },
    {
      hint: {
        zh: '运行 `jianguan kpi --list-indicator-sets`',
        en: 'run `jianguan kpi --list-indicator-sets`',
      },
    },
  );
}

async function readData(ctx: CommandContext, file: string): Promise<KpiData> {
  const data = await readJsonFile(ctx.io.cwd, file);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw inputError(
      'invalid_kpi_data',
      {
        zh: `${file} 应为 JSON 对象（含 behaviours、catalogItems、officers 等列表）`,
        en: `${file} must be a JSON object (with behaviours, catalogItems, officers, … lists)`,
      },
      { details: { file } },
    );
  }
  for (const key of DATA_LISTS) {
    const list = (data as Record<string, unknown>)[key];
    if (list !== undefined && !Array.isArray(list)) {
      throw inputError(
        'invalid_kpi_data',
        { zh: `${file} 中的 ${key} 应为数组`, en: `${key} in ${file} must be an array` },
        { details: { file, key } },
      );
    }
  }
  return data as KpiData;
}

function render(out: string, card: Scorecard, title: string | undefined): string {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return scorecardToCsv(card);
  if (ext === '.json') return `${scorecardToJson(card)}\n`;
  return renderScorecardHtml(card, title === undefined ? {} : { title });
}

function headline(card: Scorecard) {
  return {
    setId: card.setId,
    setVersion: card.setVersion,
    unit: card.unit,
    period: card.period,
    asOf: card.asOf,
    total: card.total,
    deductionScore: card.deductionScore,
    deductionPoints: card.deductionPoints,
    bonusEarned: card.bonusEarned,
    passed: card.passed,
    vetoed: card.vetoed,
    dimensions: card.dimensions,
  };
}

function printCard(ctx: CommandContext, card: Scorecard, out: string | undefined): void {
  // One language per line: each Chinese line is followed by its English line; tables have two header rows.
  const stdout = ctx.io.stdout;
  const statusZh = card.vetoed ? '单项否决' : card.passed ? '合格' : '不合格';
  const statusEn = card.vetoed ? 'VETOED' : card.passed ? 'PASSED' : 'FAILED';
  const unit = card.unit.name ?? card.unit.id;
  writeLine(stdout, `${publicText(card.setName.zh)}（${card.setId}@${card.setVersion}）`);
  writeLine(stdout, `${publicText(card.setName.en)} (${card.setId}@${card.setVersion})`);
  writeLine(
    stdout,
    `单位“${unit}” · 考核期 ${card.period}（${card.start} 至 ${card.end}）· 截至 ${card.asOf}`,
  );
  writeLine(
    stdout,
    `unit ${unit} · period ${card.period} (${card.start} – ${card.end}) · as of ${card.asOf}`,
  );
  const bonus = card.bonusEarned > 0;
  writeLine(
    stdout,
    `总分 ${card.total} / ${card.deductionPoints}，${statusZh}${bonus ? `（加分 ${card.bonusEarned}）` : ''}`,
  );
  writeLine(
    stdout,
    `total ${card.total} / ${card.deductionPoints} — ${statusEn}${bonus ? ` (bonus ${card.bonusEarned})` : ''}`,
  );
  // Two header rows (Chinese, then English); each dimension's Chinese name, then its English name below.
  const rows = [
    ['维度', '得分', '满分'],
    ['dimension', 'score', 'points'],
    ...card.dimensions.flatMap((d) => [
      [d.dimension, String(d.score), String(d.points)],
      [d.nameEn, '', ''],
    ]),
  ];
  for (const line of formatTable(rows)) writeLine(stdout, `  ${line}`);
  const deducted = card.indicators.filter((i) => i.deducted > 0).sort((a, b) => b.deducted - a.deducted);
  if (deducted.length > 0) {
    writeLine(stdout, '扣分项：');
    writeLine(stdout, 'deductions:');
    const items = deducted.map((i) => [`-${i.deducted}`, i.id, i.name.zh]);
    const itemsEn = deducted.map((i) => ['', '', i.name.en]);
    const table = formatTable(items.flatMap((row, k) => [row, itemsEn[k]!]));
    for (const line of table) writeLine(stdout, `  ${line}`);
  }
  if (out !== undefined) {
    writeLine(stdout, `已写入：${out}`);
    writeLine(stdout, `written: ${out}`);
  }
}

function listSets(ctx: CommandContext): ExitCodeValue {
  const sets = Object.values(shippedSets).map((s) => ({
    id: s.id,
    version: s.version,
    name: s.name,
    indicators: s.indicators.length,
    deductionPoints: s.conventions.deductionPoints,
    passMark: s.conventions.passMark,
  }));
  if (ctx.json) {
    writeJson(ctx.io.stdout, sets);
    return ExitCode.Ok;
  }
  // Two header rows (Chinese, then English); each set's name on two lines likewise.
  const rows = [
    ['编号', '版本', '指标数', '名称'],
    ['id', 'version', 'indicators', 'name'],
    ...sets.flatMap((s) => [
      [s.id, s.version, String(s.indicators), publicText(s.name.zh)],
      ['', '', '', publicText(s.name.en)],
    ]),
  ];
  for (const line of formatTable(rows)) writeLine(ctx.io.stdout, line);
  return ExitCode.Ok;
}
