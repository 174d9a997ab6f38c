import seedrandom from 'seedrandom';
import type { CreditFact, EntityCreditProfile } from '../src/index.js';
import { addCalendar } from '../src/index.js';

/** Deterministic synthetic entities with about five facts each (seeded; same every run). */
export function makeGenerator(seed: string) {
  const rng = seedrandom(seed);
  const day = (from: string, span: number) => addCalendar(from, { days: Math.floor(rng() * span) });
  let n = 0;
  return function next(): EntityCreditProfile {
    const i = n++;
    const facts: CreditFact[] = [];
    const count = 3 + Math.floor(rng() * 5); // 3..7, mean 5
    for (let k = 0; k < count; k++) {
      const r = rng();
      const id = `F${i}-${k}`;
      if (r < 0.4)
        facts.push({
          kind: 'spot_check',
          id,
          date: day('2019-01-01', 2800),
          resultCodes: [rng() < 0.85 ? '1' : rng() < 0.5 ? 'E' : 'A'],
        });
      else if (r < 0.6)
        facts.push({
          kind: 'complaint',
          id,
          receivedAt: day('2022-01-01', 1780),
          substantiated: rng() < 0.3,
        });
      else if (r < 0.78)
        facts.push({
          kind: 'penalty',
          id,
          decisionDate: day('2019-01-01', 2880),
          penaltyKinds: [rng() < 0.3 ? '01' : rng() < 0.95 ? '02' : '05'],
          fineAmount: Math.floor(rng() * 80000),
        });
      else if (r < 0.86)
        facts.push({
          kind: 'external_grade',
          id,
          source: 'public-credit',
          grade: 'ABCD'[Math.floor(rng() * 4)]!,
          issuedAt: day('2023-01-01', 1400),
        });
      else if (r < 0.93) {
        const listedAt = day('2019-01-01', 2880);
        facts.push(
          rng() < 0.6
            ? {
                kind: 'abnormal_list',
                id,
                reason: '1',
                listedAt,
                removedAt: addCalendar(listedAt, { days: 30 + Math.floor(rng() * 900) }),
              }
            : { kind: 'abnormal_list', id, reason: '4', listedAt },
        );
      } else if (r < 0.97)
        facts.push({
          kind: 'commitment_breach',
          id,
          commitmentId: `K${i}`,
          date: day('2022-01-01', 1780),
          outcome: 'missed',
        });
      else if (r < 0.99) facts.push({ kind: 'court_dishonesty', id, listedAt: day('2020-01-01', 2500) });
      else facts.push({ kind: 'serious_list', id, listedAt: day('2020-01-01', 2500) });
    }
    return { entityId: `91${String(i).padStart(16, '0')}`, registeredAt: day('2005-01-01', 7900), facts };
  };
}
