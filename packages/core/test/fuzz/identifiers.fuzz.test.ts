import { describe, it } from 'vitest';
import { KNOWN_CHECKSUM_EXCEPTIONS } from '../../src/identifiers/uscc-tables.js';
import { orgCode, regionCode, residentId, uscc } from '../../src/index.js';
import { expectClean, fc, fuzz, jsonish, runs, type Tally, target, thrown } from './harness.js';

// Independent reference check characters (GB 32100-2015, GB 11714-1997, ISO 7064 MOD 11-2).
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function refUsccOk(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(code[i]!) * (3 ** i % 31);
  return USCC_CHARS[(31 - (sum % 31)) % 31] === code[17] || KNOWN_CHECKSUM_EXCEPTIONS.includes(code);
}
function refOrgOk(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(code[i]!, 36) * w[i]!;
  const c = 11 - (sum % 11);
  return (c === 10 ? 'X' : c === 11 ? '0' : String(c)) === code[8];
}
function refIdOk(code: string): boolean {
  if (!/^[0-9]{17}[0-9X]$/.test(code)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(code[i]) * (2 ** (17 - i) % 11);
  return '10X98765432'[sum % 11] === code[17];
}

/** Characters the normalisation is documented to map or drop (ASCII, full-width, spaces, separators, labels). */
const DOCUMENTED =
  /^[\p{ASCII}\uFF01-\uFF5E\s\u00A0\u200B-\u200D\u2060\uFEFF\u3000\u2010-\u2015\u2212\uFE58\uFE63·•\p{Script=Han}\p{P}]$/u;

/** Characters that look like, or upper-case into, code characters — never accepted. */
const CONFUSABLES = [
  'ı',
  'ﬀ',
  'ﬁ',
  'ſ',
  'ß',
  'K',
  'Å',
  'ǆ',
  'ǰ',
  'ŉ',
  '\u0445',
  '\u0392',
  '\u041E',
  '\u0661',
  '\u0668',
  '\u06F0',
  '\u0966',
  '\uD835\uDFCE',
  '\u2160',
  '\u2460',
  '\u00B9',
  '\u00B2',
  'ǅ',
  'ǈ',
  'ﬅ',
  'ᾳ',
  'ΐ',
];

const anyChar = fc.oneof(
  fc.constantFrom(...CONFUSABLES),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcxyz-_ .:：'),
  fc.integer({ min: 0xff10, max: 0xff5a }).map((c) => String.fromCharCode(c)),
);

interface Mutation {
  readonly text: string;
  /** Undocumented characters the mutation put in. */
  readonly alien: boolean;
}

/** One to three edits of a valid code: substitute, insert, delete, swap neighbours. */
function mutations(valid: fc.Arbitrary<string>): fc.Arbitrary<Mutation> {
  const edit = fc.tuple(fc.constantFrom('sub', 'ins', 'del', 'swap', 'confuse'), fc.nat(), anyChar);
  return fc.tuple(valid, fc.array(edit, { minLength: 1, maxLength: 3 })).map(([code, edits]) => {
    let chars = [...code];
    for (const [op, n, c] of edits) {
      const at = chars.length === 0 ? 0 : n % chars.length;
      if (op === 'sub') chars[at] = c;
      else if (op === 'ins') chars.splice(n % (chars.length + 1), 0, c);
      else if (op === 'del') chars.splice(at, 1);
      else if (op === 'confuse') {
        // Replace letters by the non-ASCII characters String#toUpperCase maps onto them.
        const text = chars.join('');
        const hits = [...text.matchAll(/FF|FI|ST|SS|I|S|K|A/g)];
        const hit = hits[n % Math.max(1, hits.length)];
        if (hit?.index !== undefined) {
          const look =
            { FF: 'ﬀ', FI: 'ﬁ', ST: 'ﬅ', SS: 'ß', I: 'ı', S: 'ſ', K: 'ǩ', A: 'ᾳ' }[hit[0]] ?? hit[0];
          chars = [...text.slice(0, hit.index), look, ...text.slice(hit.index + hit[0].length)];
        }
      } else if (chars.length > 1) {
        const j = (at + 1) % chars.length;
        [chars[at], chars[j]] = [chars[j]!, chars[at]!];
      }
      chars = [...chars.join('')];
    }
    const text = chars.join('');
    // A label before the last colon (ASCII or full-width) is documented to be dropped whatever it holds.
    const colon = Math.max(text.lastIndexOf(':'), text.lastIndexOf('：'));
    return { text, alien: [...text.slice(colon + 1)].some((x) => !DOCUMENTED.test(x)) };
  });
}

const usccArb = fc
  .tuple(
    fc.constantFrom('91', '92', '93', '11', '12', '51', '52', '53', 'Y1', 'N1'),
    fc.constantFrom('330100', '110101', '440305', '100000', '330106'),
    fc.array(fc.constantFrom(...USCC_CHARS), { minLength: 9, maxLength: 9 }),
  )
  .map(([a, r, b]) => {
    const body = a + r + b.join('');
    return body + uscc.calcCheckDigit(body);
  });
const orgArb = fc
  .array(fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'), { minLength: 8, maxLength: 8 })
  .map((b) => b.join('') + orgCode.calcCheckDigit(b.join('')));
const idArb = fc
  .tuple(
    fc.constantFrom('110101', '330106', '440305', '340524', '510104'),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    fc.integer({ min: 0, max: 999 }),
  )
  .map(([r, d, s]) => {
    const body = `${r}${d.toISOString().slice(0, 10).replace(/-/g, '')}${String(s).padStart(3, '0')}`;
    return body + residentId.calcCheckDigit(body);
  });
const regionArb = fc.constantFrom(
  '110000',
  '110101',
  '330100',
  '330106',
  '440305',
  '650000',
  '810000',
  '100000',
);

const ID_OPTIONS = { asOf: '2026-12-02' } as const;

interface Module {
  readonly name: string;
  isValid(v: unknown, o?: unknown): boolean;
  check(v: unknown, o?: unknown): { valid: boolean; value: string | undefined };
  validate(v: unknown, o?: unknown): string;
  compact(v: unknown): string;
  format(v: unknown): string;
  ref(code: string): boolean;
  options?: unknown;
  extra?: (v: unknown) => void;
}

const modules: Module[] = [
  {
    ...(uscc as unknown as Module),
    name: 'uscc',
    ref: refUsccOk,
    extra: (v) => void thrownOnlyTyped(() => uscc.decode(v)),
  },
  { ...(orgCode as unknown as Module), name: 'orgCode', ref: refOrgOk },
  {
    ...(residentId as unknown as Module),
    name: 'residentId',
    ref: refIdOk,
    options: ID_OPTIONS,
    extra: (v) => {
      thrownOnlyTyped(() => residentId.decode(v, ID_OPTIONS));
      thrownOnlyTyped(() => residentId.to18(v));
    },
  },
  {
    ...(regionCode as unknown as Module),
    name: 'regionCode',
    ref: (c) => /^[1-9][0-9]{5}$/.test(c),
    extra: (v) => {
      regionCode.lookup(v);
      thrownOnlyTyped(() => regionCode.parse(v));
      thrownOnlyTyped(() => regionCode.level(v));
    },
  },
];

function thrownOnlyTyped(fn: () => unknown): void {
  const error = thrown(fn);
  if (error !== undefined && !(error as { code?: unknown }).code) throw error;
  if (error !== undefined && !(error as { messages?: unknown }).messages) throw error;
}

/** The consistency every identifier module owes: isValid = check.valid = validate passes; typed throws only. */
function probe(m: Module, input: unknown): string | undefined {
  const valid = m.isValid(input, m.options);
  const checked = m.check(input, m.options);
  if (typeof valid !== 'boolean' || typeof checked?.valid !== 'boolean')
    throw new Error('not a boolean verdict');
  const error = thrown(() => m.validate(input, m.options));
  if (error !== undefined && !(error as { code?: unknown }).code) throw error;
  if (valid !== checked.valid || valid !== (error === undefined)) {
    return `${m.name}: isValid ${valid}, check ${checked.valid}, validate ${error === undefined ? 'passes' : 'throws'}`;
  }
  thrownOnlyTyped(() => m.compact(input));
  thrownOnlyTyped(() => m.format(input));
  m.extra?.(input);
  if (valid) {
    const code = m.validate(input, m.options);
    if (!/^[0-9A-Z]+$/.test(code) || !m.ref(code))
      return `${m.name}: accepted ${code}, which fails the reference check`;
  }
  return undefined;
}

describe('fuzz: identifiers', () => {
  for (const m of modules) {
    it(`${m.name}: JSON junk and random strings`, () => {
      const t: Tally = target(`core ${m.name} (junk)`);
      fuzz(
        t,
        fc.oneof(jsonish, fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 })),
        runs(300, 80_000),
        'never',
        (input) => probe(m, input),
      );
      expectClean(t);
    });
  }

  for (const [m, arb] of [
    [modules[0]!, usccArb],
    [modules[1]!, orgArb],
    [modules[2]!, idArb],
    [modules[3]!, regionArb],
  ] as const) {
    it(`${m.name}: mutations of valid codes`, () => {
      const t = target(`core ${m.name} (mutations)`);
      fuzz(t, mutations(arb), runs(400, 150_000), 'never', ({ text, alien }) => {
        const silent = probe(m, text);
        if (silent) return silent;
        if (alien && m.isValid(text, m.options)) return `${m.name}: accepted undocumented characters`;
        return undefined;
      });
      expectClean(t);
    });
  }

  it('options from untyped callers', () => {
    const t = target('core identifier options (junk)');
    fuzz(
      t,
      fc.tuple(fc.constantFrom(...modules.slice(0, 3)), usccArb, jsonish),
      runs(300, 40_000),
      'never',
      ([m, code, options]) => {
        const valid = m.isValid(code, options);
        const checked = m.check(code, options);
        const error = thrown(() => m.validate(code, options));
        if (error !== undefined && !(error as { code?: unknown }).code) throw error;
        if (valid !== checked.valid || valid !== (error === undefined))
          return `${m.name}: verdicts differ under options`;
        return undefined;
      },
    );
    expectClean(t);
  });
});
