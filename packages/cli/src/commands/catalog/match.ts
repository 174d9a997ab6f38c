import { catalogChangelog, diffCatalogs, proposeMappings } from '@jianguan/catalog';
import type { CommandContext } from '../../runtime/args.js';
import {
  helpHint,
  integerArgument,
  noExtraPositionals,
  ratioArgument,
  requiredPositional,
  stringOption,
} from '../../runtime/args.js';
import { usageError } from '../../runtime/errors.js';
import type { ExitCodeValue } from '../../runtime/exit-codes.js';
import { ExitCode } from '../../runtime/exit-codes.js';
import { writeJson, writeLine } from '../../runtime/io.js';
import { loadCatalogFile, rejectedRows } from './load.js';

/** `jianguan catalog match <local.csv> <provincial.csv> [--top N] [--min-score x]`. */
export async function runMatch(ctx: CommandContext): Promise<ExitCodeValue> {
  const name = 'catalog match';
  const localFile = requiredPositional(name, ctx.positionals, 1, 'local.csv');
  const provincialFile = requiredPositional(name, ctx.positionals, 2, 'provincial.csv');
  noExtraPositionals(name, ctx.positionals, 3);
  const topText = stringOption(ctx.values, 'top');
  const top = topText === undefined ? 3 : integerArgument(name, '--top', topText);
  if (top < 1) {
    throw usageError(
      'bad_integer',
      { zh: `--top 须为正整数，收到 ${topText}`, en: `--top must be a positive integer, got ${topText}` },
      { hint: helpHint(name) },
    );
  }
  const minText = stringOption(ctx.values, 'min-score');
  const minScore = minText === undefined ? undefined : ratioArgument(name, '--min-score', minText);
  const local = await loadCatalogFile(ctx.io.cwd, localFile, 'county');
  const provincial = await loadCatalogFile(ctx.io.cwd, provincialFile, 'provincial');
  const proposals = proposeMappings(local.catalog.items, provincial.catalog.items, {
    top,
    ...(minScore === undefined ? {} : { minScore }),
  });
  const unmatched = proposals.filter((p) => p.candidates.length === 0);
  const rejected = [...rejectedRows(local, localFile), ...rejectedRows(provincial, provincialFile)];
  if (ctx.json) {
    writeJson(ctx.io.stdout, {
      ok: unmatched.length === 0,
      local: localFile,
      provincial: provincialFile,
      proposals,
      unmatched: unmatched.map((p) => p.key),
      rejectedRows: rejected,
    });
    return unmatched.length === 0 ? ExitCode.Ok : ExitCode.Findings;
  }
  const out = ctx.io.stdout;
  writeLine(
    out,
    `法定依据同源匹配建议：${localFile}（${proposals.length} 项）→ ${provincialFile}；须人工确认`,
  );
  writeLine(
    out,
    `Proposed pairs by shared legal basis: ${localFile} (${proposals.length} items) → ${provincialFile}; for a person to confirm`,
  );
  for (const r of rejected) {
    writeLine(out, `  警告：${r.file} 第 ${r.line} 行未读入目录：${r.message.zh}`);
    writeLine(out, `  warning: ${r.file} line ${r.line} not taken into the catalog: ${r.message.en}`);
  }
  for (const p of proposals) {
    writeLine(out, '');
    writeLine(out, `${p.key}  ${p.name}`);
    if (p.candidates.length === 0) {
      writeLine(out, '  无候选事项，请人工对应');
      writeLine(out, '  no candidate: map it by hand');
      continue;
    }
    p.candidates.forEach((c, i) => {
      const e = c.evidence;
      // One language per line: the English lines quote the (Chinese) law names.
      const list = (xs: readonly string[]) => (xs.length === 0 ? '—' : xs.join('、'));
      const quoted = (xs: readonly string[]) => (xs.length === 0 ? '—' : xs.map((x) => `"${x}"`).join(', '));
      const score = c.score.toFixed(3);
      writeLine(out, `  ${i + 1}. ${c.key}  ${c.name}  得分 ${score}`);
      writeLine(out, `     共同引用条款：${list(e.sharedCitations)}；共同法律：${list(e.sharedLaws)}`);
      writeLine(
        out,
        `     score ${score}; shared articles: ${quoted(e.sharedCitations)}; shared laws: ${quoted(e.sharedLaws)}`,
      );
      writeLine(
        out,
        `     名称相似度 ${e.nameSimilarity.toFixed(3)}；仅本地引用：${list(e.localOnlyLaws)}；仅省级引用：${list(e.candidateOnlyLaws)}`,
      );
      writeLine(
        out,
        `     name similarity ${e.nameSimilarity.toFixed(3)}; only local cites: ${quoted(e.localOnlyLaws)}; only provincial cites: ${quoted(e.candidateOnlyLaws)}`,
      );
    });
  }
  writeLine(out, '');
  writeLine(out, `${proposals.length - unmatched.length} 项有候选，${unmatched.length} 项无候选。`);
  writeLine(
    out,
    `${proposals.length - unmatched.length} items with candidates, ${unmatched.length} without.`,
  );
  return unmatched.length === 0 ? ExitCode.Ok : ExitCode.Findings;
}

/** `jianguan catalog diff <old.csv> <new.csv> [--lang zh|en]`: the changelog between two catalog versions. */
export async function runDiff(ctx: CommandContext): Promise<ExitCodeValue> {
  const name = 'catalog diff';
  const oldFile = requiredPositional(name, ctx.positionals, 1, 'old.csv');
  const newFile = requiredPositional(name, ctx.positionals, 2, 'new.csv');
  noExtraPositionals(name, ctx.positionals, 3);
  const lang = stringOption(ctx.values, 'lang');
  if (lang !== undefined && lang !== 'zh' && lang !== 'en') {
    throw usageError(
      'bad_lang',
      { zh: `--lang 须为 zh 或 en，收到 ${lang}`, en: `--lang must be zh or en, got ${lang}` },
      { hint: helpHint(name) },
    );
  }
  const before = await loadCatalogFile(ctx.io.cwd, oldFile, 'provincial');
  const after = await loadCatalogFile(ctx.io.cwd, newFile, 'provincial');
  const diff = diffCatalogs(before.catalog, after.catalog);
  const rejected = [...rejectedRows(before, oldFile), ...rejectedRows(after, newFile)];
  if (ctx.json) {
    writeJson(ctx.io.stdout, { ok: true, ...diff, rejectedRows: rejected });
    return ExitCode.Ok;
  }
  for (const r of rejected) {
    writeLine(ctx.io.stderr, `警告：${r.file} 第 ${r.line} 行未读入目录：${r.message.zh}`);
    writeLine(ctx.io.stderr, `warning: ${r.file} line ${r.line} not taken into the catalog: ${r.message.en}`);
  }
  const langs: ('zh' | 'en')[] = lang === undefined ? ['zh', 'en'] : [lang];
  langs.forEach((l, i) => {
    if (i > 0) writeLine(ctx.io.stdout, '');
    // The versions are files here: name them by path instead of the library's id/version/date heading.
    const heading =
      l === 'zh'
        ? `# 监管事项目录变更：${oldFile} → ${newFile}`
        : `# Catalog changes: ${oldFile} → ${newFile}`;
    const text = catalogChangelog(diff, l).replace(/^# .*$/m, heading);
    ctx.io.stdout.write(text.replace(/\n*$/, '\n'));
  });
  return ExitCode.Ok;
}
