import { kernel } from '../src/draw/kernel.js';
import { ticket } from '../src/index.js';

const mid = kernel.midstate('a'.repeat(64));
const out = new Int32Array(8);
const ids = Array.from({ length: 1_000_000 }, (_, i) => `91330100${String(i).padStart(10, '0')}`);
for (const s of ids) s.charCodeAt(0);
const t = (l: string, f: () => void) => {
  for (let r = 0; r < 3; r++) {
    const c0 = process.cpuUsage();
    f();
    const c = process.cpuUsage(c0);
    console.log(l, (((c.user + c.system) / ids.length) * 1000).toFixed(0), 'ns/id');
  }
};
t('hashId', () => {
  for (const s of ids) kernel.hashId(mid, s, out);
});
t('hashId+prefix6', () => {
  let x = 0;
  for (const s of ids) {
    kernel.hashId(mid, s, out);
    x += kernel.prefix6(out);
  }
});
t('hashId+key', () => {
  let x = 0;
  for (const s of ids) {
    kernel.hashId(mid, s, out);
    x += kernel.key(out);
  }
});
t('hashId+ticket', () => {
  let x = 0;
  for (const s of ids) {
    kernel.hashId(mid, s, out);
    x += kernel.ticket(out).length;
  }
});
t('public ticket', () => {
  let x = 0;
  for (const s of ids) {
    x += ticket('20237331128159211123', s).length;
  }
});
