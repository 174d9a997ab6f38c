import type { ClaimGapReport, GapKind } from '@jianguan/catalog';
import { CatalogError, claimGapReport, parseQuarter } from '@jianguan/catalog';
import { tryBehaviourActDate } from '@jianguan/core';
import type { CommandContext } from '../../runtime/args.js';
import {
  dateArgument,
  helpHint,
  noExtraPositionals,
  requiredOption,
  requiredPositional,
  stringOption,
} from '../../runtime/args.js';
import { usageError } from '../../runtime/errors.js';
import type { ExitCodeValue } from '../../runtime/exit-codes.js';
import { ExitCode } from '../../runtime/exit-codes.js';
import { writeJson, writeLine } from '../../runtime/io.js';
import { writeSource } from '../../runtime/sources.js';
import { loadBehaviours, loadCatalogFile, loadClaims, loadInspectionLists, rejectedRows } from './load.js';

const NAME = 'catalog gap';

/** Gap kinds in print order, with their bilingual headings. */
export const GAP_HEADINGS: Readonly<Record<GapKind, { zh: string; en: string }>> = {
  unclaimed: { zh: '应领未领', en: 'must be claimed but are not' },
  unknown_claim: { zh: '认领的事项不在目录中', en: 'claims of items not in the catalog' },
  missing_elements: { zh: '已认领但要素缺失', en: 'claimed but missing mandatory elements' },
  no_inspection_list: { zh: '已认领但未编制检查实施清单', en: 'claimed but without an inspection list' },
  no_behaviour_this_quarter: {
    zh: '本季度无监管行为数据',
    en: 'no behaviour record this quarter',
  },
};

/** `jianguan catalog gap <provincial.csv> --claims <file> [--records <file>] [--quarter YYYY-Qn]`. */
export async function runGap(ctx: CommandContext): Promise<ExitCodeValue> {
  const file = requiredPositional(NAME, ctx.positionals, 1, 'provincial-catalog.csv');
  noExtraPositionals(NAME, ctx.positionals, 2);
  const claimsFile = requiredOption(NAME, ctx.values, 'claims');
  const quarterText = stringOption(ctx.values, 'quarter');
  const todayText = stringOption(ctx.values, 'today');
  const today = todayText === undefined ? undefined : dateArgument(NAME, '--today', todayText);
  if (quarterText !== undefined) {
    try {
      parseQuarter(quarterText);
    } catch (error) {
      if (!(error instanceof CatalogError)) throw error;
      throw usageError(
        'bad_quarter',
        {
          zh: `--quarter 须为 YYYY-Qn（如 2025-Q3），收到 "${quarterText}"`,
          en: `--quarter must be YYYY-Qn (e.g. 2025-Q3), got "${quarterText}"`,
        },
        { details: { value: quarterText }, hint: helpHint(NAME) },
      );
    }
  }
  const load = await loadCatalogFile(ctx.io.cwd, file, 'provincial');
  const claims = await loadClaims(ctx.io.cwd, claimsFile, {
    department: stringOption(ctx.values, 'department'),
    departmentCode: stringOption(ctx.values, 'department-code'),
  });
  const recordsFile = stringOption(ctx.values, 'records');
  const listsFile = stringOption(ctx.values, 'inspection-lists');
  const behaviours = recordsFile === undefined ? undefined : await loadBehaviours(ctx.io.cwd, recordsFile);
  // Records that cannot count for any item (no item code or no readable act date) are reported, not dropped.
  const ignored = (behaviours ?? [])
    .filter(({ record }) => {
      const code =
        record !== null && typeof record === 'object'
          ? (record as { itemCode?: unknown }).itemCode
          : undefined;
      return typeof code !== 'string' || tryBehaviourActDate(record) === undefined;
    })
    .map((r) => r.line);
  const report = claimGapReport({
    catalog: load.catalog,
    claims,
    // Without a list file the catalog's own 检查实施清单编码 element still counts.
    inspectionLists: listsFile === undefined ? [] : await loadInspectionLists(ctx.io.cwd, listsFile),
    ...(behaviours === undefined ? {} : { behaviours: behaviours.map((b) => b.record) }),
    ...(quarterText === undefined ? {} : { quarter: quarterText }),
    ...(today === undefined ? {} : { today }),
  });
  const rejected = rejectedRows(load, file);
  const findings = report.gaps.length > 0;
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok: !findings,
      ...report,
      rejectedRows: rejected,
      ignoredRecords: { file: recordsFile, lines: ignored },
    });
  } else {
    printGapReport(ctx, report, file, rejected, recordsFile, ignored);
  }
  return findings ? ExitCode.Findings : ExitCode.Ok;
}

function printGapReport(
  ctx: CommandContext,
  report: ClaimGapReport,
  file: string,
  rejected: ReturnType<typeof rejectedRows>,
  recordsFile: string | undefined,
  ignored: readonly number[],
): void {
  const out = ctx.io.stdout;
  const s = report.summary;
  const q = report.quarter;
  const rate = `${(s.claimRate * 100).toFixed(1)}%`;
  writeLine(out, `认领缺口报告：${report.department}，目录 ${file}，${q.id}（${q.start}至${q.end}）`);
  writeLine(
    out,
    `Claim gap report: "${report.department}", catalog ${file}, ${q.id} (${q.start} – ${q.end})`,
  );
  writeLine(
    out,
    `  应领 ${s.mustClaim} 项，已认领 ${s.claimed} 项，应领未领 ${s.unclaimed} 项（认领率 ${rate}）；认领不在目录 ${s.unknownClaims}，要素缺失 ${s.missingElements}，无检查实施清单 ${s.withoutInspectionList}，本季度无行为 ${s.withoutBehaviour}`,
  );
  writeLine(
    out,
    `  must claim ${s.mustClaim}, claimed ${s.claimed}, unclaimed ${s.unclaimed} (claim rate ${rate}); unknown claims ${s.unknownClaims}, missing elements ${s.missingElements}, without inspection list ${s.withoutInspectionList}, without behaviour ${s.withoutBehaviour}`,
  );
  for (const r of rejected) {
    writeLine(out, `  警告：${file} 第 ${r.line} 行未读入目录：${r.message.zh}`);
    writeLine(out, `  warning: ${file} line ${r.line} not taken into the catalog: ${r.message.en}`);
  }
  if (ignored.length > 0) {
    const lines = ignored.slice(0, 20).join(', ');
    writeLine(
      out,
      `  警告：${recordsFile} 中 ${ignored.length} 条记录缺少监管事项目录编码或行为日期，未计入（行 ${lines}）`,
    );
    writeLine(
      out,
      `  warning: ${ignored.length} records of ${recordsFile} have no item code or act date and were not counted (lines ${lines})`,
    );
  }
  for (const kind of Object.keys(GAP_HEADINGS) as GapKind[]) {
    const gaps = report.gaps.filter((g) => g.kind === kind);
    if (gaps.length === 0) continue;
    const h = GAP_HEADINGS[kind];
    writeLine(out, '');
    writeLine(out, `${h.zh}（${gaps.length}）`);
    writeLine(out, `${h.en} (${gaps.length})`);
    for (const g of gaps) {
      writeLine(out, `  ${g.itemKey}  ${g.itemName}`);
      writeLine(out, `      ${g.message.zh}`);
      writeLine(out, `      ${g.message.en}`);
      writeSource(out, '      ', g.source);
    }
  }
  writeLine(out, '');
  if (report.gaps.length === 0) {
    writeLine(out, '没有缺口。');
    writeLine(out, 'No gaps.');
  } else {
    writeLine(out, `共 ${report.gaps.length} 个缺口。`);
    writeLine(out, `${report.gaps.length} gaps.`);
  }
}
