/**
 * Precision / recall of the legal-basis matcher (法定依据同源) on the labelled set built from published lists
 * (bench/labelled-set.ts, sources cited there), plus its speed. Run:
 *   npm run bench -w @jianguan/catalog
 */
import { Bench } from 'tinybench';
import {
  DEFAULT_MATCH_WEIGHTS,
  evaluateProposals,
  type MatchableItem,
  proposeMappings,
} from '../src/index.js';
import { type LabelledRow, LOCAL, UPPER } from './labelled-set.js';

const asItem = (row: LabelledRow, prefix: string): MatchableItem => ({
  itemCode: `${prefix}${row.id.slice(1).padStart(13, '0')}`,
  mainItemName: row.name,
  legalBasis: row.legalBasis,
});
const upper = UPPER.map((r) => asItem(r, '5'));
const local = LOCAL.map((r) => asItem(r, '9'));
const idOf = new Map([
  ...UPPER.map((r, i) => [upper[i]!.itemCode, r.id] as const),
  ...LOCAL.map((r, i) => [local[i]!.itemCode, r.id] as const),
]);
const truth = new Map(
  LOCAL.map(
    (r, i) =>
      [
        local[i]!.itemCode,
        r.truth === null ? null : upper[UPPER.findIndex((u) => u.id === r.truth)]!.itemCode,
      ] as const,
  ),
);

const proposals = proposeMappings(local, upper, { top: 3 });
const e = evaluateProposals(proposals, truth);
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
console.log(
  `labelled set: ${LOCAL.length} local rows (${e.positives} with a counterpart) against ${UPPER.length} upper rows`,
);
console.log(`weights ${JSON.stringify(DEFAULT_MATCH_WEIGHTS)}`);
console.log(
  `top-1 precision ${pct(e.precision)} (${e.correct}/${e.proposed})  recall ${pct(e.recall)} (${e.correct}/${e.positives})  recall@${e.k} ${pct(e.recallAtK)}`,
);
for (const r of e.rows) {
  const mark = r.first === r.truth ? 'ok ' : 'MISS';
  console.log(
    `  ${mark} ${idOf.get(r.key)} truth=${r.truth === null ? '-' : idOf.get(r.truth)} first=${r.first === null ? '-' : `${idOf.get(r.first)} (${r.firstScore})`}`,
  );
}
const realOnly = evaluateProposals(
  proposals,
  new Map([...truth].filter(([k]) => !['L12', 'L11'].includes(idOf.get(k)!))),
);
console.log(
  `published rows only (without control L11 and derived L12): precision ${pct(realOnly.precision)}  recall ${pct(realOnly.recall)}`,
);

const bench = new Bench({ time: 300 });
bench.add(`proposeMappings ${local.length}×${upper.length}`, () => {
  proposeMappings(local, upper);
});
await bench.run();
console.table(bench.table());
