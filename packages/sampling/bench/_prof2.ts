import * as crypto from 'node:crypto';

const N = Number(process.env.N ?? 1_000_000);
const id = (i: number) => `91330100${String(i).padStart(10, '0')}`;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const seedHex = crypto.createHash('sha256').update('20237331128159211123').digest('hex');
let c = cpu();
{
  let s = 0;
  for (let i = 0; i < N; i++)
    s += crypto
      .createHash('sha256')
      .update(seedHex + id(i))
      .digest()[0]!;
  if (s < 0) throw 0;
}
console.log('createHash concat', (N / (cpu() - c) / 1e6).toFixed(2), 'M/s');
c = cpu();
const pre = crypto.createHash('sha256').update(seedHex);
{
  let s = 0;
  for (let i = 0; i < N; i++) s += pre.copy().update(id(i)).digest()[0]!;
  if (s < 0) throw 0;
}
console.log('copy prefix', (N / (cpu() - c) / 1e6).toFixed(2), 'M/s');
const h = (crypto as unknown as { hash?: (a: string, d: string, o: string) => Buffer }).hash;
if (h) {
  c = cpu();
  {
    let s = 0;
    for (let i = 0; i < N; i++) s += h('sha256', seedHex + id(i), 'buffer')[0]!;
    if (s < 0) throw 0;
  }
  console.log('crypto.hash buffer', (N / (cpu() - c) / 1e6).toFixed(2), 'M/s');
  c = cpu();
  {
    let s = 0;
    for (let i = 0; i < N; i++) s += h('sha256', seedHex + id(i), 'hex').length;
    if (s < 0) throw 0;
  }
  console.log('crypto.hash hex', (N / (cpu() - c) / 1e6).toFixed(2), 'M/s');
} else console.log('no crypto.hash');
