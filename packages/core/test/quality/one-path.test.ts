// The quality check's fast identifier paths and the identifier modules are one implementation: the check
// characters come from identifiers/checksum.ts, and the quality check's verdict on any value is the
// identifier module's own.
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { mod11_2CheckChar, mod31CheckCode, orgCheckCode } from '../../src/identifiers/checksum.js';
import { orgCode, residentId, uscc } from '../../src/index.js';
import { checkResidentId, checkUscc, isUsccPrefixValid } from '../../src/quality/adapters.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const usccChar = fc.constantFrom(...USCC_ALPHABET);
const digit = fc.constantFrom(...'0123456789');
const anyChar = fc.constantFrom(...`${USCC_ALPHABET}IOSVZabx -\u00e9\uff10`);

/** A USCC-shaped value: valid, one character changed, or random characters. */
const usccLike = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('91', '92', '93', '11', '12', '51', '52', 'Y1', 'N2'),
      fc.constantFrom('330106', '110101', '440305', '990000', '000000'),
      fc.array(usccChar, { minLength: 9, maxLength: 9 }),
    )
    .map(([a, r, rest]) => {
      const body = `${a}${r}${rest.join('')}`;
      return body + uscc.calcCheckDigit(body);
    }),
  fc.tuple(fc.array(usccChar, { minLength: 17, maxLength: 17 }), usccChar).map(([b, c]) => b.join('') + c),
  fc.array(anyChar, { minLength: 16, maxLength: 19 }).map((a) => a.join('')),
);

const verdictOf = (r: {
  valid: boolean;
  errors: readonly { message: unknown }[];
  warnings: readonly { message: unknown }[];
}) => ({
  valid: r.valid,
  errors: r.errors.map((e) => e.message),
  warnings: r.warnings.map((w) => w.message),
});

describe('one checksum path for USCC and resident ID', () => {
  test.prop([usccLike], { numRuns: 2000 })(
    "the quality check's USCC verdict is uscc.check's, on valid, near-valid and random values",
    (value) => {
      expect(checkUscc(value)).toEqual(verdictOf(uscc.check(value)));
      expect(isUsccPrefixValid(value)).toBe(value.length >= 18 && uscc.check(value.slice(0, 18)).valid);
    },
  );

  test.prop([fc.array(usccChar, { minLength: 17, maxLength: 17 }).map((a) => a.join(''))])(
    'the allocation-free check codes are the check characters the identifier modules compute',
    (body) => {
      expect(String.fromCharCode(mod31CheckCode(body))).toBe(uscc.calcCheckDigit(body));
      expect(String.fromCharCode(orgCheckCode(body, 8))).toBe(orgCode.calcCheckDigit(body.slice(8, 16)));
      // Read at an offset, the same.
      expect(mod31CheckCode(`xx${body}`, 2)).toBe(mod31CheckCode(body));
    },
  );

  const residentIdLike = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('110101', '330106', '440305', '810000', '990000'),
        fc.integer({ min: 1840, max: 2030 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.array(digit, { minLength: 3, maxLength: 3 }),
      )
      .map(([a, y, m, d, s]) => {
        const body = `${a}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${s.join('')}`;
        return body + (mod11_2CheckChar(body) ?? '0');
      }),
    fc.array(digit, { minLength: 18, maxLength: 18 }).map((a) => a.join('')),
  );
  test.prop([residentIdLike, fc.constantFrom('2024-02-29', '2000-01-01', '2030-12-31')], { numRuns: 2000 })(
    "the quality check's resident-ID verdict is residentId.check's (birth dates by the one calendar rule)",
    (value, today) => {
      expect(checkResidentId(value, today)).toEqual(verdictOf(residentId.check(value, { asOf: today })));
    },
  );

  test.prop([fc.array(digit, { minLength: 17, maxLength: 17 }).map((a) => a.join(''))])(
    'the resident-ID check character is calcCheckDigit',
    (body) => {
      expect(mod11_2CheckChar(body)).toBe(residentId.calcCheckDigit(body));
    },
  );
});
