import type { CommandContext, CommandSpec } from '../../runtime/args.js';
import { helpHint, subcommandArgument, valueOption } from '../../runtime/args.js';
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
  // One language per line: each Chinese line, then its English line.
  description: [
    'gap    某部门对照省级目录的认领缺口报告：应领未领、认领了目录中没有的事项、已认领事项缺少必填要素',
    '       （对事项与部门填写的要素合并后质检）、已认领事项没有检查实施清单、已认领事项本季度没有监管行为',
    '       （按北京时间日期）。有缺口时退出码为 1，没有为 0。',
    '       the claim gap report of one department against the provincial catalog: items to claim not claimed,',
    '       claims of items not in the catalog, claimed items missing mandatory elements (the quality check on',
    '       the item merged with the elements the department filled), claimed items without an inspection',
    '       implementation list, and claimed items with no behaviour record in the quarter (China civil dates).',
    '       Exit 1 when there is any gap, 0 when none.',
    'match  按法定依据同源和名称相似度提出本地事项 ↔ 省级事项的对应建议，按得分排序并列出依据，须人工确认。',
    '       有本地事项没有候选时退出码为 1。',
    '       local ↔ provincial pairs proposed by shared legal basis and name similarity, best first, each with',
    '       its evidence, for a person to confirm. Exit 1 when a local item has no candidate.',
    'diff   两个目录版本之间的变更说明（新增、取消、要素调整、疑似改码），先中文后英文（--lang 只用一种）。',
    '       退出码为 0。',
    '       the changelog between two catalog versions (added, removed, changed elements, possibly recoded',
    '       items), in Chinese then English (--lang picks one). Exit 0.',
    '',
    '输入格式：',
    'Input formats:',
    '  目录 CSV      监管事项目录，从 Excel 或省级系统导出，UTF-8 或 GBK，每行一个事项。中文表头：',
    '                监管事项目录编码（14 位数字，必填）、主项名称、子项名称、监管方式、设定依据、监管部门、',
    '                监管部门编码、监管层级、监管对象、监管流程、监管结果、检查实施清单编号、…',
    '                （可用别名，表头前的 * 可有可无；未知表头忽略；有问题的行会报告）。',
    '  catalog CSV   the regulatory-item catalog exported from Excel or the provincial system, UTF-8 or GBK,',
    '                one item per row, with the Chinese headers above (the 14-digit item code is required;',
    '                aliases and a leading * tolerated; unknown headers ignored; bad rows reported).',
    '  --claims      认领清单：CSV，每行一个已认领事项，列为 监管事项目录编码、子项编码（可选）、认领日期、',
    '                认领部门、认领部门编码，以及部门填写的任何目录要素列（监管流程、监管结果、…）；',
    '                或 JSON（格式见下）。监管部门编码等于认领部门编码（或监管部门即该部门）的事项为应领事项。',
    '                the claim list: CSV with one claimed item per row and the columns above plus any catalog',
    '                element the department filled; or JSON as below. Items whose department code equals the',
    '                claiming department code (or whose department is the claiming one) must be claimed.',
    '                {"id","version","department","departmentCode","claims":[{"itemCode","subItemCode",',
    '                 "claimedDate","local":{…}}]}',
    '  --records     监管行为记录（CSV，用交换格式表头并带 `kind` 或 记录类型 列，或按表头推断类型；JSON 数组；',
    '                JSONL）：行为日期（检查时间、作出行政处罚决定日期、…）在本季度内的记录计入其监管事项目录编码。',
    '                不给出时跳过该项检查。',
    '                behaviour records (CSV with the exchange headers and a kind column or an inferred type;',
    '                a JSON array; JSONL): each counts for its item code when its act date is in the quarter.',
    '                Without it that check is skipped.',
    '  --inspection-lists  检查实施清单：CSV/JSON/JSONL，每行带监管事项目录编码；目录行有检查实施清单编号的',
    '                事项也算已有清单。',
    '                inspection implementation lists: CSV/JSON/JSONL rows with the item code; an item whose',
    '                catalog row has a list number counts as listed too.',
    '  --quarter     YYYY-Qn，默认北京时间本季度；--today 指定“今天”（YYYY-MM-DD，也可写 2025/9/30、',
    '                2025年9月30日或 Excel 日期序号）。',
    '                YYYY-Qn, default the current quarter in China; --today sets today (YYYY-MM-DD, also',
    '                2025/9/30 or an Excel serial day number).',
    '文件中的日期列（认领日期、检查时间、…）写作 YYYY-MM-DD。',
    'Date columns in the files (claim date, inspection date, …) are YYYY-MM-DD.',
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
    const sub = subcommandArgument(NAME, ctx.positionals, Object.keys(SUBCOMMANDS));
    const spec = SUBCOMMANDS[sub]!;
    for (const [option, value] of Object.entries(ctx.values)) {
      if (value === undefined || option === 'json' || option === 'help') continue;
      if (!spec.options.includes(option)) {
        throw usageError(
          'option_not_for_subcommand',
          {
            zh: `选项 --${option} 不适用于 \`jianguan catalog ${sub}\``,
            en: `option --${option} does not apply to catalog ${sub}`,
          },
          { details: { option, subcommand: sub }, hint: helpHint(NAME) },
        );
      }
    }
    return spec.run(ctx);
  },
};
