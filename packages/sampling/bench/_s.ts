import { sampleIds } from '../src/index.js';

const ids = Array.from({ length: 200000 }, (_, i) => `91330100${String(i).padStart(10, '0')}`);
for (let r = 0; r < 15; r++) sampleIds(ids, { seed: '20237331128159211123', digits: Infinity });
