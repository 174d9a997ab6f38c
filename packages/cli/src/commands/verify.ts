import type { DrawRecord } from '@jianguan/sampling';
import { verifyDraw } from '@jianguan/sampling';
import type { CommandContext, CommandSpec } from '../runtime/args.js';
import { noExtraPositionals, requiredPositional } from '../runtime/args.js';
import { inputError } from '../runtime/errors.js';
import type { ExitCodeValue } from '../runtime/exit-codes.js';
import { ExitCode } from '../runtime/exit-codes.js';
import { readJsonFile } from '../runtime/files.js';
import { writeJson, writeLine } from '../runtime/io.js';
import { populationOptions, readPopulation } from '../runtime/population.js';
import { COMMAND_SUMMARIES } from './summaries.js';

const NAME = 'verify';

/** `jianguan verify` — re-run a published draw record against the population (第三方核验). */
export const verifyCommand: CommandSpec = {
  name: NAME,
  summary: COMMAND_SUMMARIES.verify,
  usage: ['jianguan verify <record.json> <population> [--id-field <column>] [--json]'],
  // One language per line: each Chinese line, then its English line.
  description: [
    '由名录文件重新计算抽取名录（分层、排除、数量、摘要），由种子重新计算抽中对象，并核对记录自身的摘要。',
    '核验通过退出码为 0；否则退出码为 1，并列出每一处不一致（种子、名录、结果被改动或记录被篡改）。',
    '名录须与交给 `jianguan draw` 的完全相同（同一文件、同一 --id-field）：公开核验包的',
    '*.population.public.json，或抽取时的原始名录（CSV、JSON 或 JSONL）。',
    'Recomputes the frame (strata, exclusions, sizes, digests) from the population file and the picks from',
    "the seed, and checks the record's own digests. Exit 0 if the record verifies; exit 1 naming every",
    'mismatch (a changed seed, population, result or a tampered record) otherwise.',
    'Read the population exactly as it was given to `jianguan draw` (same file, same --id-field): the public',
    "bundle's *.population.public.json, or the original population file (CSV, JSON or JSONL).",
  ],
  options: populationOptions,
  examples: [
    'jianguan verify draw.json entities.csv',
    'jianguan verify draw.json entities.csv --json | jq .mismatches',
  ],
  async run(ctx: CommandContext): Promise<ExitCodeValue> {
    const recordFile = requiredPositional(NAME, ctx.positionals, 0, 'record.json');
    const populationFile = requiredPositional(NAME, ctx.positionals, 1, 'population');
    noExtraPositionals(NAME, ctx.positionals, 2);
    const record = await readJsonFile(ctx.io.cwd, recordFile);
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      throw inputError(
        'invalid_draw_record',
        {
          zh: `${recordFile} 不是抽查记录（应为 JSON 对象）`,
          en: `${recordFile} is not a draw record (expected a JSON object)`,
        },
        { details: { file: recordFile } },
      );
    }
    const entities = await readPopulation(ctx, populationFile);
    const result = verifyDraw(record as DrawRecord, entities);
    const r = record as Partial<DrawRecord>;
    const drawn = Array.isArray(r.strata) ? r.strata.reduce((n, s) => n + (s?.picks?.length ?? 0), 0) : 0;
    if (ctx.json) {
      writeJson(ctx.io.stdout, {
        ok: result.ok,
        taskId: r.task?.id,
        seed: r.seed,
        recordDigest: r.recordDigest,
        populationSize: entities.length,
        drawn,
        mismatches: result.mismatches,
      });
      return result.ok ? ExitCode.Ok : ExitCode.Findings;
    }
    const out = ctx.io.stdout;
    if (result.ok) {
      writeLine(out, `核验通过：${recordFile}`);
      writeLine(out, `VERIFIED: ${recordFile}`);
      writeLine(
        out,
        `  任务 ${r.task?.id ?? '?'}，种子 ${r.seed ?? '?'}，从 ${entities.length} 户中抽中 ${drawn} 户`,
      );
      writeLine(
        out,
        `  task ${r.task?.id ?? '?'}, seed ${r.seed ?? '?'}, ${drawn} drawn from ${entities.length} entities`,
      );
      writeLine(out, `  记录摘要 ${r.recordDigest ?? '?'}`);
      writeLine(out, `  record digest ${r.recordDigest ?? '?'}`);
      return ExitCode.Ok;
    }
    writeLine(out, `核验未通过：${recordFile}，${result.mismatches.length} 处不一致`);
    writeLine(out, `NOT VERIFIED: ${recordFile} — ${result.mismatches.length} mismatch(es)`);
    for (const m of result.mismatches) {
      const where = m.path.length === 0 ? '(record)' : m.path.join('.');
      writeLine(out, `  ${where}：${m.message.zh}`);
      writeLine(out, `  ${m.code} at ${where}: ${m.message.en}`);
      if (m.expected !== undefined || m.actual !== undefined) {
        writeLine(out, `      应为 ${short(m.expected)}，实为 ${short(m.actual)}`);
        writeLine(out, `      expected ${short(m.expected)}, found ${short(m.actual)}`);
      }
    }
    return ExitCode.Findings;
  },
};

function short(value: unknown): string {
  if (value === undefined) return '—';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
