import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { orgCode, regionCode, residentId, uscc } from '../../src/index.js';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const usccChar = fc.constantFrom(...USCC_ALPHABET);
const digit = fc.constantFrom(...'0123456789');
const usccBody = fc
  .tuple(
    fc.array(usccChar, { minLength: 2, maxLength: 2 }),
    fc.array(digit, { minLength: 6, maxLength: 6 }),
    fc.array(usccChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([a, b, c]) => [...a, ...b, ...c].join(''));
const validUscc = usccBody.map((body) => body + uscc.calcCheckDigit(body));

const orgBody = fc
  .array(fc.constantFrom(...ORG_ALPHABET), { minLength: 8, maxLength: 8 })
  .map((a) => a.join(''));
const validOrg = orgBody.map((b) => b + orgCode.calcCheckDigit(b));

const province = fc.constantFrom(...regionCode.PROVINCE_PREFIXES.filter((p) => p !== '81' && p !== '82'));
const validResidentId = fc
  .tuple(
    province,
    fc.array(digit, { minLength: 4, maxLength: 4 }),
    fc.date({ min: new Date('1900-01-01'), max: new Date('2020-12-31'), noInvalidDate: true }),
    fc.array(digit, { minLength: 3, maxLength: 3 }),
  )
  .map(([p, area, date, seq]) => {
    const body = `${p}${area.join('')}${date.toISOString().slice(0, 10).replaceAll('-', '')}${seq.join('')}`;
    return body + residentId.calcCheckDigit(body);
  });

/** Messes up a valid code the way people paste it: spaces, hyphens, full-width, lower case, a label. */
const messUp = (code: string) =>
  fc
    .tuple(
      fc.boolean(),
      fc.boolean(),
      fc.boolean(),
      fc.constantFrom('', '代码：', 'No: ', '号码:', '统一社会信用代码 '),
    )
    .map(([fw, lower, spaced, label]) => {
      let s = spaced ? code.replace(/(.{4})/g, '$1 ').trim() : code;
      if (lower) s = s.toLowerCase();
      if (fw)
        s = [...s]
          .map((c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)))
          .join('');
      return label + s;
    });

describe('properties', () => {
  test.prop([validUscc.chain((c) => fc.tuple(fc.constant(c), messUp(c)))])(
    'uscc: validate(format(x)) === compact(x), for pasted variants too',
    ([code, pasted]) => {
      expect(uscc.validate(uscc.format(pasted))).toBe(uscc.compact(pasted));
      expect(uscc.compact(pasted)).toBe(code);
    },
  );

  test.prop([validUscc, fc.integer({ min: 0, max: 17 }), usccChar])(
    'uscc: changing one character breaks the check (MOD 31-3 detects every single substitution)',
    (code, pos, c) => {
      fc.pre(code.charAt(pos) !== c && !(pos >= 2 && pos < 8 && !/\d/.test(c)));
      const changed = code.slice(0, pos) + c + code.slice(pos + 1);
      expect(uscc.isValid(changed, { allowList: [] })).toBe(false);
    },
  );

  test.prop([usccBody])('uscc: the check character is the only one that validates', (body) => {
    const valid = [...USCC_ALPHABET].filter((c) => uscc.isValid(body + c, { allowList: [] }));
    expect(valid).toEqual([uscc.calcCheckDigit(body)]);
  });

  test.prop([validOrg.chain((c) => fc.tuple(fc.constant(c), messUp(c)))])(
    'orgCode: validate(format(x)) === compact(x)',
    ([code, pasted]) => {
      expect(orgCode.validate(orgCode.format(pasted))).toBe(orgCode.compact(pasted));
      expect(orgCode.validate(orgCode.format(code))).toBe(code);
      expect(orgCode.format(code)).toMatch(/^[0-9A-Z]{8}-[0-9X]$/);
    },
  );

  test.prop([orgBody])('orgCode: exactly one check character validates', (body) => {
    const valid = [...'0123456789X'].filter((c) => orgCode.isValid(body + c));
    expect(valid).toEqual([orgCode.calcCheckDigit(body)]);
  });

  test.prop([validResidentId.chain((c) => fc.tuple(fc.constant(c), messUp(c)))])(
    'residentId: validate(format(x)) === compact(x)',
    ([code, pasted]) => {
      expect(residentId.validate(residentId.format(pasted))).toBe(residentId.compact(pasted));
      expect(residentId.compact(pasted)).toBe(code);
    },
  );

  test.prop([validResidentId])(
    'residentId: exactly one check character validates; 18 → 15 → 18 round-trips for 19xx',
    (id) => {
      const body = id.slice(0, 17);
      expect([...'0123456789X'].filter((c) => residentId.isValid(body + c))).toEqual([id.charAt(17)]);
      if (id.slice(6, 8) === '19') expect(residentId.to18(id.slice(0, 6) + id.slice(8, 17))).toBe(id);
    },
  );
});
