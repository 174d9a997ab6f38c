// Records/s uploaded to the sandbox over loopback: our client (batches of 500, 2 in flight, signed, local 质检)
// vs posting one record per request with plain ky (2 in flight, unsigned), measured in the same run.
// Run: npm run bench -w @jianguan/provincial-client

import { SANDBOX_CREDENTIALS, startSandbox, syntheticInspectionRecords } from '@jianguan/sandbox';
import ky from 'ky';
import { createHmacSha256Signer, createProvincialClient, recordIdempotencyKey } from '../src/index.js';

const BATCHED = Number(process.env.BENCH_RECORDS ?? 20_000);
const SINGLE = Number(process.env.BENCH_SINGLE ?? 2_000);

const sandbox = await startSandbox({
  seed: 'bench',
  auth: { secrets: { [SANDBOX_CREDENTIALS.appKey]: SANDBOX_CREDENTIALS.secret } },
});
const openSandbox = await startSandbox({ seed: 'bench-peer', auth: 'none' });

const client = createProvincialClient({
  baseUrl: sandbox.url,
  source: '330100-BENCH',
  signer: createHmacSha256Signer(SANDBOX_CREDENTIALS),
  batchSize: 500,
  concurrency: 2,
});
// warm-up
await client.uploadBehaviours(syntheticInspectionRecords('warm', 500, { prefix: 'W' }));

const records = syntheticInspectionRecords('bench', BATCHED, { prefix: 'B' });
let t = process.hrtime.bigint();
const result = await client.uploadBehaviours(records);
const oursSeconds = Number(process.hrtime.bigint() - t) / 1e9;
if (result.stored !== BATCHED) throw new Error(`stored ${result.stored} of ${BATCHED}`);
const ours = BATCHED / oursSeconds;

const peerRecords = syntheticInspectionRecords('bench', SINGLE, { prefix: 'S' });
const api = ky.create({ prefixUrl: `${openSandbox.url}/` });
let next = 0;
let day = 0;
const worker = async () => {
  while (next < peerRecords.length) {
    const record = peerRecords[next++]!;
    const idempotencyKey = recordIdempotencyKey({
      source: 'peer',
      kind: 'behaviours',
      recordId: String(record.recordId),
      operation: 'I',
      record,
    });
    const batchNo = `20260101${String((day++ % 99_999) + 1).padStart(5, '0')}`;
    await api.post('v1/behaviours/batches', {
      json: {
        batchNo,
        source: 'peer',
        items: [{ recordId: record.recordId, operation: 'I', idempotencyKey, record }],
      },
      headers: { 'idempotency-key': idempotencyKey },
    });
  }
};
t = process.hrtime.bigint();
await Promise.all([worker(), worker()]);
const peerSeconds = Number(process.hrtime.bigint() - t) / 1e9;
const peer = SINGLE / peerSeconds;
if (openSandbox.state.writes.length !== SINGLE) throw new Error('peer writes mismatch');

await sandbox.stop();
await openSandbox.stop();
console.log(
  `@jianguan/provincial-client (batches of 500, signed, local 质检): ${ours.toFixed(0)} records/s  (${BATCHED} records in ${oursSeconds.toFixed(2)} s)`,
);
console.log(
  `plain ky, one record per request:                            ${peer.toFixed(0)} records/s  (${SINGLE} records in ${peerSeconds.toFixed(2)} s)`,
);
console.log(`ratio: ${(ours / peer).toFixed(1)}×`);
