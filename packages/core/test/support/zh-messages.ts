// Test support shared by core, credit-rules and kpi: break valid data one field at a time and collect every
// Chinese message line the library produces, to check that no raw zod English reaches a Chinese line.
import { isJianguanError } from '../../src/index.js';

/** zod's own English words and phrases (what an untranslated issue message contains). */
export const RAW_ZOD_ENGLISH =
  /\b(Invalid|invalid|expected|Expected|received|Too small|Too big|too small|too big|Unrecognized|unrecognized|Required|required|must|input|option)\b/;

/** Two English words in a row (prose), after removing field paths such as `rules.0.when.of`. */
const ENGLISH_PROSE = /\b[A-Za-z]{2,} [A-Za-z]{2,}\b/;

/** The problem with one Chinese line, or `undefined` when it is fine. */
export function zhLineProblem(line: string): string | undefined {
  if (!/[\u4e00-\u9fff]/.test(line)) return `no Chinese in a zh line: ${line}`;
  if (RAW_ZOD_ENGLISH.test(line)) return `raw zod English in a zh line: ${line}`;
  if (ENGLISH_PROSE.test(line)) return `English prose in a zh line: ${line}`;
  return undefined;
}

const WRONG_VALUES: readonly unknown[] = [
  undefined,
  null,
  'x',
  '',
  -1,
  1.5,
  true,
  [],
  {},
  '2025-02-30',
  'x'.repeat(300),
];

type Path = readonly (string | number)[];

function leaves(value: unknown, path: Path, out: Path[], depth: number): void {
  out.push(path);
  if (depth === 0 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const [i, v] of value.slice(0, 3).entries()) leaves(v, [...path, i], out, depth - 1);
  } else for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out, depth - 1);
}

function replaced(value: unknown, path: Path, wrong: unknown): unknown {
  if (path.length === 0) return wrong;
  const [head, ...rest] = path;
  const copy: Record<string | number, unknown> | unknown[] = Array.isArray(value)
    ? [...value]
    : { ...(value as object) };
  const next = replaced((value as Record<string | number, unknown>)[head as string], rest, wrong);
  if (next === undefined && !Array.isArray(copy)) delete (copy as Record<string, unknown>)[head as string];
  else (copy as Record<string | number, unknown>)[head as string] = next;
  return copy;
}

/**
 * One-field breakages of `valid` (paths down to `depth`, each with every wrong value in turn, plus an unknown
 * key at the root), with the path that was broken: all of them, or `limit` spread evenly over all of them.
 */
export function* breakages(
  valid: unknown,
  depth = 6,
  limit = 120,
): Generator<{ path: Path; wrong: unknown; data: unknown }> {
  const paths: Path[] = [];
  leaves(valid, [], paths, depth);
  const total = paths.length * WRONG_VALUES.length;
  const step = Math.max(1, total / limit);
  for (let k = 0; k < total; k += step) {
    const i = Math.floor(k);
    const path = paths[Math.floor(i / WRONG_VALUES.length)]!;
    const wrong = WRONG_VALUES[i % WRONG_VALUES.length];
    yield { path, wrong, data: replaced(valid, path, wrong) };
  }
  yield { path: ['unexpectedField'], wrong: 1, data: { ...(valid as object), unexpectedField: 1 } };
}

/** Every Chinese line of an error: its message and the `zh` of any issue listed in its details. */
export function zhLines(error: unknown): string[] {
  if (!isJianguanError(error)) throw error;
  const lines = [error.messages.zh];
  const issues = (error.details as { issues?: unknown }).issues;
  if (Array.isArray(issues))
    for (const issue of issues) {
      const m = (issue as { message?: unknown }).message;
      if (m && typeof m === 'object' && 'zh' in m) lines.push(String((m as { zh: unknown }).zh));
      else if (m !== undefined) lines.push(String(m));
    }
  return lines;
}

/**
 * Feeds every breakage of `valid` to `parse` and returns the Chinese lines that carry English, plus how many
 * breakages were rejected (so a test can check the inputs really were invalid).
 */
export function checkZhMessages(
  valid: unknown,
  parse: (data: unknown) => unknown,
  depth?: number,
): { rejected: number; problems: string[] } {
  let rejected = 0;
  const problems = new Set<string>();
  for (const { path, wrong, data } of breakages(valid, depth)) {
    let error: unknown;
    try {
      parse(data);
      continue;
    } catch (e) {
      error = e;
    }
    rejected++;
    for (const line of zhLines(error)) {
      const problem = zhLineProblem(line);
      if (problem) problems.add(`${path.join('.')} = ${JSON.stringify(wrong)?.slice(0, 20)}: ${problem}`);
    }
  }
  return { rejected, problems: [...problems] };
}
