// The CLI's rule for terminal text (issue 18, item 4): every line is Chinese or English, never both. A Chinese
// line may carry codes — commands, flags, file names, numbers, units, record-type codes, field names — but no
// English prose; its English twin is the next line.
//
// The rule, precisely. A line MIXES when, after the code-like tokens and quotations below are removed, it still
// holds a Han character and an English word: a run of 3 or more ASCII letters that is not in ALLOWED_WORDS and not an
// all-capitals acronym (CSV, GBK, USCC, YYYY). Removed as code before looking for words:
//   - anything in backticks (`jianguan draw --help`) and a double-quoted token without spaces ("entityId");
//   - a verbatim quotation in Chinese quotation marks, “…” or 「…」, and a title in 《…》: a user's value, a
//     cited source or a law's title, which is data, quoted as it is (「seed 002 art. 9 (及时认领)」);
//   - `jianguan`/`jianguan-sandbox` followed by a command and a subcommand name (jianguan catalog gap);
//   - flags (--type, -h, --type=inspection), placeholders (<file>), URLs (postgres://…);
//   - file names and paths (a.csv, docs/guides/x.md), slash lists (CSV/JSON, name/名称), alternatives (csv|json);
//   - field paths (commitment.strata.0.populationSize) and identifiers: camelCase (entityId), snake_case (risk_clue), words with digits (SM3, I65), hyphenated
//     lower-case names (samr-baseline, holiday-cn);
//   - the term of a definition list: the first word of an indented line when two spaces follow it
//     (`  gap    认领缺口报告`, `  "officers"  执法人员  officerId, …`);
//   - a list of two or more single words separated by commas or 、 (field names, type and status codes:
//     `reason, listedAt, removedAt?`, `inspection、penalty、enterprise`).
import { fieldDictionary } from '@jianguan/core';

/** Han characters (CJK ideographs) and the full-width punctuation of Chinese text. */
export const HAN = /[\p{Script=Han}]/u;

/** The command and subcommand names `jianguan …` may be followed by. */
const COMMAND_WORDS = [
  'check',
  'workday',
  'grade',
  'draw',
  'verify',
  'kpi',
  'sandbox',
  'catalog',
  'tasks',
  'db',
  'help',
  'info',
  'add',
  'between',
  'deadline',
  'due',
  'gap',
  'match',
  'diff',
  'migrate',
  'status',
];

/**
 * Words allowed in a Chinese line: record-type codes (the keys of core's field dictionary), proper nouns and
 * product names, and JSON literals.
 */
export const ALLOWED_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(fieldDictionary),
  'jianguan',
  'Excel',
  'PGlite',
  'PostgreSQL',
  'Rivest',
  'Windows',
  'Ctrl',
  'true',
  'false',
  'null',
]);

const COMMAND = new RegExp(
  String.raw`\bjianguan(?:-sandbox)?(?: (?:${COMMAND_WORDS.join('|')})){0,2}\b`,
  'g',
);

const CODE_PATTERNS: readonly RegExp[] = [
  /`[^`]*`/g, // backticks
  /"[^"\s]*"/g, // a quoted token without spaces
  /“[^“”]*”|「[^「」]*」|《[^《》]*》/g, // verbatim quotations, titles
  COMMAND,
  /\b[a-z][a-z0-9+.-]*:\/\/\S*/g, // URLs
  /<[^<>]*>/g, // placeholders
  /(?<![\w-])--?[A-Za-z0-9][\w-]*(?:=\S*)?/g, // flags
  /(?:[\p{L}\p{N}_.~*-]*[/\\|])+[\p{L}\p{N}_.~*-]+/gu, // paths, slash lists (CSV/JSON, name/名称), alternatives (csv|json)
  /[\p{L}\p{N}_-]*(?:\.[\p{L}\p{N}_-]+)*\.[a-z][a-z0-9]{0,4}(?![\p{L}\p{N}])/gu, // file names, extensions
  /^\s+"?[\w-]+"?\??(?= {2,})/g, // the term of a definition list
  /\b\w+\??(?:\s*[,、]\s*\w+\??)+/g, // code lists
  /\b[A-Za-z_]\w*(?:\.\w+)+\b/g, // field paths (commitment.strata.0.populationSize)
  /\b\w*(?:[a-z][A-Z]|_|\d)\w*\b/g, // camelCase, snake_case, words with digits
  /\b[a-z]+(?:-[a-z0-9]+)+\b/g, // hyphenated names
];

/** `line` with its code-like tokens and quotations blanked out: the text in either language. */
function prose(line: string): string {
  let rest = line;
  for (const pattern of CODE_PATTERNS) rest = rest.replace(pattern, ' ');
  return rest;
}

/**
 * The English words of `line` when it also holds Chinese text (what makes a line mixed), once its code-like
 * tokens and quotations are removed; `[]` for a line in one language.
 */
export function englishWords(line: string): string[] {
  const rest = prose(line);
  if (!HAN.test(rest)) return [];
  return (rest.match(/[A-Za-z]{3,}/g) ?? []).filter((w) => !ALLOWED_WORDS.has(w) && !/^[A-Z]+$/.test(w));
}

/** The lines of `text` that mix Chinese and English, each followed by the offending words. */
export function mixedLines(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => englishWords(line).length > 0)
    .map((line) => `${line}    ← ${englishWords(line).join(', ')}`);
}
