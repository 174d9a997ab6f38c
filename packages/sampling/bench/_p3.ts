import { TicketPool } from '../src/draw/parallel.js';
import { commitPopulationStream, type DirectoryEntity, drawTaskStream, type SpotCheckTask } from '../src/index.js';
const N = Number(process.env.N ?? 3_000_000);
const GRADES = ['A', 'A', 'A', 'A', 'A', 'A', 'B', 'B', 'B', 'C'];
function* population(n: number): Generator<DirectoryEntity> {
  for (let i = 0; i < n; i++) {
    const h = Math.imul(i ^ (i >>> 15), 0x2c1b3c6d) >>> 0;
    yield { id: `91330100${String(i).padStart(10, '0')}`, grade: GRADES[h % 10]! };
  }
}
const task: SpotCheckTask = { id: 'B', department: 'SAMR', items: ['SC-001'], asOf: '2026-04-01',
  strata: ['A', 'B', 'C'].map((g) => ({ key: g, where: { grade: [g] }, ratio: 0.05 })) };
let sendNs = 0n; let sends = 0; let drainNs = 0n; let drains = 0;
const proto = TicketPool.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
const send = proto.send!; proto.send = function (this: unknown, ...a: unknown[]) { const t = process.hrtime.bigint(); const r = send.apply(this, a); sendNs += process.hrtime.bigint() - t; sends++; return r; };
const drain = proto.drain!; proto.drain = async function (this: unknown, ...a: unknown[]) { const t = process.hrtime.bigint(); const r = await drain.apply(this, a); drainNs += process.hrtime.bigint() - t; drains++; return r; };
const commitment = await commitPopulationStream(task, population(N));
const t0 = performance.now();
await drawTaskStream(task, population(N), { seed: '1', commitment, workers: 2 });
console.log('wall', ((performance.now() - t0) / 1000).toFixed(2), 'sends', sends, 'send ms', Number(sendNs / 1000000n), 'drains', drains, 'drain ms', Number(drainNs / 1000000n));
