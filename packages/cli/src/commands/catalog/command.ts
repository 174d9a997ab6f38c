import type { CommandContext, CommandSpec } from '../../runtime/args.js';
import { closest, helpHint, valueOption } from '../../runtime/args.js';
import { usageError } from '../../runtime/errors.js';
import type { ExitCodeValue } from '../../runtime/exit-codes.js';
import { COMMAND_SUMMARIES } from '../summaries.js';
import { runGap } from './gap.js';
import { runDiff, runMatch } from './match.js';

const NAME = 'catalog';

/** The subcommands of `jianguan catalog` and the options each takes. */
const SUBCOMMANDS: Readonly<
  Record<string, { run: (ctx: CommandContext) => Promise<ExitCodeValue>; options: readonly string[] }>
> = {
  gap: {
    run: runGap,
    options: ['claims', 'records', 'inspection-lists', 'quarter', 'today', 'department', 'department-code'],
  },
  match: { run: runMatch, options: ['top', 'min-score'] },
  diff: { run: runDiff, options: ['lang'] },
};

/**
 * `jianguan catalog` — the regulatory-item catalog (监管事项目录) with `@jianguan/catalog`: the claim gap report
 * (认领缺口), local ↔ provincial matching by shared legal basis (法定依据同源) and the changelog between versions.
 */
export const catalogCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.catalog,
  usage: [
    'jianguan catalog gap <provincial-catalog.csv> --claims <claims.csv|json> [--records <file>] [--inspection-lists <file>] [--quarter 2025-Q3] [--json]',
    'jianguan catalog match <local.csv> <provincial.csv> [--top N] [--min-score 0.3] [--json]',
    'jianguan catalog diff <old.csv> <new.csv> [--lang zh|en] [--json]',
  ],
  description: [
    'gap    the claim gap report 认领缺口报告 of one department against the provincial catalog: 应领未领, claims of',
    '       items not in the catalog, claimed items missing mandatory elements (质检 on the item merged with',
    '       the elements the department filled), claimed items without a 检查实施清单, and claimed items with no',
    '       behaviour record in the quarter (China civil dates). Exit 1 when there is any gap, 0 when none.',
    'match  local ↔ provincial pairs proposed by shared legal basis (法定依据同源) and name similarity, best',
    '       first, each with its evidence, for a person to confirm. Exit 1 when a local item has no candidate.',
    'diff   the changelog 变更说明 between two catalog versions (added, removed, changed elements, possibly',
    '       recoded items), in Chinese then English (--lang picks one). Exit 0.',
    '',
    'Input formats 输入格式:',
    '  catalog CSV   监管事项目录 exported from Excel or the provincial system, UTF-8 or GBK, one item per row,',
    '                Chinese headers: 监管事项目录编码 (14 digits, required), 主项名称, 子项名称, 监管方式, 设定依据,',
    '                监管部门, 监管部门编码, 监管层级, 监管对象, 监管流程, 监管结果, 检查实施清单编号, …',
    '                (aliases and a leading * tolerated; unknown headers ignored; bad rows reported).',
    '  --claims      认领清单: CSV with one claimed item per row — 监管事项目录编码, optional 子项编码, 认领日期,',
    '                认领部门, 认领部门编码 and any catalog element column the department filled (监管流程, 监管结果,',
    '                …); or JSON {"id","version","department","departmentCode","claims":[{"itemCode",',
    '                "subItemCode","claimedDate","local":{…}}]}. Items whose 监管部门编码 equals the department',
    '                code (or whose 监管部门 is the department) must be claimed (应领).',
    '  --records     behaviour records 监管行为 (CSV with the exchange headers and a kind/记录类型 column or',
    '                inferred type; JSON array; JSONL): each counts for its 监管事项目录编码 when its act date',
    '                (检查时间, 作出行政处罚决定日期, …) is in the quarter. Without it that check is skipped.',
    '  --inspection-lists  检查实施清单: CSV/JSON/JSONL rows with 监管事项目录编码; an item whose catalog row',
    '                has a 检查实施清单编号 counts as listed too.',
    '  --quarter     YYYY-Qn, default the current quarter in China; --today sets "today" (YYYY-MM-DD).',
  ],
  options: {
    claims: valueOption('<file>', { zh: '认领清单（CSV 或 JSON）', en: 'the claim list (CSV or JSON)' }),
    records: valueOption('<file>', {
      zh: '监管行为记录（CSV/JSON/JSONL）',
      en: 'behaviour records (CSV/JSON/JSONL)',
    }),
    'inspection-lists': valueOption('<file>', {
      zh: '检查实施清单（CSV/JSON/JSONL，含监管事项目录编码）',
      en: 'inspection implementation lists (CSV/JSON/JSONL with the item code)',
    }),
    quarter: valueOption('<YYYY-Qn>', {
      zh: '统计季度，如 2025-Q3（默认北京时间本季度）',
      en: 'the quarter, e.g. 2025-Q3 (default: this quarter in China)',
    }),
    today: valueOption('<date>', { zh: '“今天”的日期', en: "today's date" }),
    department: valueOption('<name>', {
      zh: '认领部门名称（覆盖认领清单中的）',
      en: 'the claiming department (overrides the claim list)',
    }),
    'department-code': valueOption('<code>', {
      zh: '认领部门的监管部门编码',
      en: "the claiming department's code",
    }),
    top: valueOption('<n>', {
      zh: '每个本地事项列出的候选数（默认 3）',
      en: 'candidates per local item (default 3)',
    }),
    'min-score': valueOption('<0..1>', {
      zh: '候选的最低得分（默认 0.3）',
      en: 'lowest candidate score (default 0.3)',
    }),
    lang: valueOption('zh|en', {
      zh: '变更说明只用一种语言',
      en: 'print the changelog in one language only',
    }),
  },
  examples: [
    'jianguan catalog gap examples/data/catalog/provincial.csv --claims examples/data/catalog/claims.csv \\',
    '    --records examples/data/catalog/behaviours.jsonl --quarter 2025-Q3',
    'jianguan catalog match examples/data/catalog/local.csv examples/data/catalog/provincial.csv --top 2',
    'jianguan catalog diff examples/data/catalog/provincial-2025.1.csv examples/data/catalog/provincial.csv',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    const sub = ctx.positionals[0];
    const names = Object.keys(SUBCOMMANDS);
    if (sub === undefined || !Object.hasOwn(SUBCOMMANDS, sub)) {
      const suggestion = sub === undefined ? undefined : closest(sub, names);
      throw usageError(
        sub === undefined ? 'missing_argument' : 'unknown_command',
        sub === undefined
          ? { zh: `缺少子命令（${names.join('、')}）`, en: `missing subcommand (${names.join(', ')})` }
          : {
              zh: `未知子命令：${sub}${suggestion ? `（是否想用 ${suggestion}？）` : ''}（可选 ${names.join('、')}）`,
              en: `unknown subcommand: ${sub}${suggestion ? ` (did you mean ${suggestion}?)` : ''} (one of ${names.join(', ')})`,
            },
        { hint: helpHint(NAME) },
      );
    }
    const spec = SUBCOMMANDS[sub]!;
    for (const [option, value] of Object.entries(ctx.values)) {
      if (value === undefined || option === 'json' || option === 'help') continue;
      if (!spec.options.includes(option)) {
        throw usageError(
          'option_not_for_subcommand',
          {
            zh: `选项 --${option} 不适用于 catalog ${sub}`,
            en: `option --${option} does not apply to catalog ${sub}`,
          },
          { details: { option, subcommand: sub }, hint: helpHint(NAME) },
        );
      }
    }
    return spec.run(ctx);
  },
};
