/**
 * Benchmark: USCC validations per second — jianguan `uscc.isValid` / `uscc.check` against a named peer in the
 * same run: a straightforward regex + weighted-sum loop, written the way hutool's `CreditCodeUtil` and most
 * departmental validators do it (no paste normalisation, no allow-list, no component warnings).
 *
 * Run: npm run bench -w packages/core   (or: node --conditions=@jianguan/source --import tsx bench/identifiers.bench.ts)
 * Env: IDS_BENCH_N (codes, default 200_000), IDS_BENCH_SEED (default 'jianguan-ids-bench').
 */
import seedrandom from 'seedrandom';
import { residentId, uscc } from '../src/index.js';

const N = Number(process.env.IDS_BENCH_N ?? 200_000);
const SEED = process.env.IDS_BENCH_SEED ?? 'jianguan-ids-bench';
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const REGIONS = ['330106', '320102', '110101', '440305', '310115', '420102', '140105', '510104'];

// ---- the peer: a plain regex + loop validator (hutool CreditCodeUtil style) ----
const PEER_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const PEER_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function peerIsValid(code: string): boolean {
  if (!PEER_RE.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(code.charAt(i)) * PEER_WEIGHTS[i]!;
  return ALPHABET.charAt((31 - (sum % 31)) % 31) === code.charAt(17);
}

// ---- deterministic input: 95% valid codes, 5% with a wrong check character ----
const rng = seedrandom(SEED);
const codes: string[] = [];
for (let i = 0; i < N; i++) {
  let body = `9${rng() < 0.8 ? '1' : '2'}${REGIONS[Math.floor(rng() * REGIONS.length)]}`;
  for (let j = 0; j < 9; j++) body += ALPHABET.charAt(Math.floor(rng() * 31));
  const check = uscc.calcCheckDigit(body);
  codes.push(rng() < 0.05 ? body + (check === '0' ? '1' : '0') : body + check);
}

function measure(
  name: string,
  fn: (code: string) => boolean,
): { name: string; opsPerSec: number; valid: number } {
  let valid = 0;
  for (let i = 0; i < Math.min(N, 20_000); i++) if (fn(codes[i]!)) valid++; // warm-up
  valid = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) if (fn(codes[i]!)) valid++;
  const ns = Number(process.hrtime.bigint() - start);
  return { name, opsPerSec: (N / ns) * 1e9, valid };
}

const peer = measure('peer: regex + loop (hutool style)', peerIsValid);
const ours = measure('jianguan uscc.isValid', (c) => uscc.isValid(c));
const oursCheck = measure('jianguan uscc.check (with warnings)', (c) => uscc.check(c).valid);
const rid = residentId.calcCheckDigit('34052419800101001');

if (ours.valid !== peer.valid || oursCheck.valid !== peer.valid) {
  throw new Error(`verdicts differ: peer ${peer.valid}, isValid ${ours.valid}, check ${oursCheck.valid}`);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`\nUSCC validation — ${fmt(N)} codes (seed ${SEED}), Node ${process.version}`);
for (const r of [peer, ours, oursCheck])
  console.log(`  ${r.name.padEnd(40)} ${fmt(r.opsPerSec).padStart(12)} ops/s   (${fmt(r.valid)} valid)`);
console.log(
  `  ratio isValid / peer: ${(ours.opsPerSec / peer.opsPerSec).toFixed(2)}×   check / peer: ${(oursCheck.opsPerSec / peer.opsPerSec).toFixed(2)}×`,
);
console.log(`  (sanity: residentId check digit of 34052419800101001 = ${rid})`);
