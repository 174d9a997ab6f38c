import { kernel } from '../src/draw/kernel.js';
import { ticket } from '../src/index.js';

const N = 1e6;
const words = new Int32Array(8 * 1024);
for (let i = 0; i < words.length; i++) words[i] = (Math.random() * 2 ** 32) | 0;
const mid = kernel.midstate('0123456789abcdef'.repeat(4));
const out = new Int32Array(8);
const ids = Array.from({ length: N }, (_, i) => `91330100${String(i).padStart(10, '0')}`);
for (const s of ids) s.charCodeAt(0);
for (let r = 0; r < 3; r++) {
  let c0 = process.cpuUsage();
  let s = 0;
  for (let i = 0; i < N; i++) s += kernel.ticket(words, 8 * (i & 1023)).length;
  let c = process.cpuUsage(c0);
  console.log('ticket conv', (((c.user + c.system) * 1000) / N).toFixed(0), 'ns');
  c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) kernel.hashId(mid, ids[i]!, out);
  c = process.cpuUsage(c0);
  console.log('hashId', (((c.user + c.system) * 1000) / N).toFixed(0), 'ns');
  c0 = process.cpuUsage();
  for (let i = 0; i < N; i++) s += ticket('20237331128159211123', ids[i]!).length;
  c = process.cpuUsage(c0);
  console.log('public ticket', (((c.user + c.system) * 1000) / N).toFixed(0), 'ns');
}
