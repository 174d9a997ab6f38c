/**
 * Example: a citizen (or an auditor) re-runs a published spot-check draw (第三方核验抽取结果).
 *
 *   node --conditions=@jianguan/source --import tsx examples/src/examples/verify-published-draw.ts [record.json population.json]
 *
 * Under 双随机、一公开 the bureau publishes a verification bundle (`publishDraw`): a draw record over neutral
 * strata S1…Sn (the frame commitment, the public seed, the picks) and the eligible ids with their stratum
 * label — no credit grade, name or inspection history. The internal record (strata by grade) and the full
 * directory go to authorised auditors only. Anyone can re-run the public draw and get a yes/no with reasons.
 * Without arguments, this example first plays the bureau (makes and publishes a small draw into a temp
 * directory); with two file arguments it checks those files instead — e.g. the county demo's
 * `examples/out/draw-record.json examples/out/draw-population.json`.
 * It then shows that a tampered copy of the record is rejected, and says why.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  commitPopulation,
  type DirectoryEntity,
  type DrawRecord,
  type DrawVerification,
  drawTask,
  publicFrame,
  publishDraw,
  type SpotCheckTask,
  verifyDraw,
} from '@jianguan/sampling';
import { syntheticEntities } from '@jianguan/sampling/synthetic';

/** Plays the bureau: draws a task over a synthetic directory by grade and writes the two public files. */
function publishExampleDraw(dir: string): { recordFile: string; populationFile: string } {
  const directory = [...syntheticEntities({ count: 5_000, seed: 'verify-example' })];
  const task: SpotCheckTask = {
    id: '2026-SC-EXAMPLE',
    department: 'SAMR-330122',
    items: ['SC-GS'],
    asOf: '2026-04-01',
    strata: [
      { key: 'D', where: { grade: ['D'] }, keySupervision: true },
      { key: 'C', where: { grade: ['C'] }, ratio: 0.3 },
      { key: 'B', where: { grade: ['B'] }, ratio: 0.05 },
    ],
  };
  // published BEFORE the seed is known: the public frame's commitment (labels S1…Sn, no grades)
  const commitment = commitPopulation(task, directory);
  console.log(`public commitment ${publicFrame(task, directory).commitment.commitmentDigest.slice(0, 16)}…`);
  const internal = drawTask(task, directory, { seed: '20260401093000123456', commitment });
  // internal: the record by grade, the directory and the salt, for authorised auditors only
  mkdirSync(join(dir, 'internal'));
  const bundle = publishDraw(internal, directory);
  writeFileSync(join(dir, 'internal', 'draw-record.internal.json'), JSON.stringify(internal, null, 2));
  writeFileSync(join(dir, 'internal', 'salt.txt'), bundle.salt);
  const recordFile = join(dir, 'draw-record.json');
  const populationFile = join(dir, 'draw-population.json');
  writeFileSync(recordFile, JSON.stringify(bundle.record, null, 2));
  writeFileSync(populationFile, JSON.stringify(bundle.population));
  return { recordFile, populationFile };
}

/** Prints the verdict of one verification the way a citizen wants to read it. */
function report(title: string, v: DrawVerification): void {
  console.log(
    `${title}: ${v.ok ? 'YES — the published result is exactly what the seed and the directory give' : 'NO'}`,
  );
  for (const m of v.mismatches.slice(0, 5)) {
    console.log(`  ✗ [${m.code}] ${m.path.join('.')}: ${m.message.en}（${m.message.zh}）`);
  }
  if (v.mismatches.length > 5) console.log(`  … and ${v.mismatches.length - 5} more`);
}

const [recordArg, populationArg] = process.argv.slice(2);
const files =
  recordArg !== undefined && populationArg !== undefined
    ? { recordFile: recordArg, populationFile: populationArg }
    : publishExampleDraw(mkdtempSync(join(tmpdir(), 'jianguan-draw-')));

// --- the citizen's side: two files in, yes/no out ---
const record = JSON.parse(readFileSync(files.recordFile, 'utf8')) as DrawRecord;
const population = JSON.parse(readFileSync(files.populationFile, 'utf8')) as DirectoryEntity[];
console.log(`record     ${files.recordFile}`);
console.log(`population ${files.populationFile} (${population.length} entities)`);
console.log(
  `task ${record.task.id}, seed ${record.seed}, algorithm ${record.algorithm.id}/${record.algorithm.version}`,
);
for (const s of record.strata)
  console.log(`  stratum ${s.key}: ${s.sampleSize} drawn of ${s.populationSize}`);
const fields = new Set(population.flatMap((e) => [...Object.keys(e), ...Object.keys(e.attributes ?? {})]));
console.log(`fields per entity: ${[...fields].sort().join(', ')}`);
const genuine = verifyDraw(record, population);
report('Does the published draw verify', genuine);

// --- a tampered copy: someone swaps a drawn entity for a friendlier one ---
const stratum = record.strata.find((s) => s.picks.length > 0)!;
const drawn = new Set(stratum.picks.map((p) => p.id));
const replacement = population.find((e) => !drawn.has(e.id))!;
const tampered: DrawRecord = {
  ...record,
  strata: record.strata.map((s) =>
    s === stratum ? { ...s, picks: s.picks.map((p, i) => (i === 0 ? { ...p, id: replacement.id } : p)) } : s,
  ),
};
report(`Does a copy with pick #1 of stratum ${stratum.key} swapped verify`, verifyDraw(tampered, population));

// --- and a copy whose seed was changed after the fact ---
report(
  'Does a copy with a different seed verify',
  verifyDraw({ ...record, seed: '11111111111111111111' }, population),
);

process.exitCode = genuine.ok ? 0 : 1;
