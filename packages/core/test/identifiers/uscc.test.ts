import { describe, expect, it } from 'vitest';
import { InvalidChecksumError, InvalidLengthError, isJianguanError, uscc } from '../../src/index.js';

describe('uscc — done-when checks', () => {
  it('accepts Alibaba and computes the PetroChina check X', () => {
    expect(uscc.isValid('91330100799655058B')).toBe(true);
    expect(uscc.calcCheckDigit('91110000710925462')).toBe('X');
  });

  it('accepts a full-width paste with a label, spaces, hyphens and lower case', () => {
    expect(uscc.isValid('９１３３０１００７９９６５５０５８Ｂ')).toBe(true);
    expect(uscc.validate('统一社会信用代码：９１３３ ０１００-７９９６５５０５８ｂ')).toBe(
      '91330100799655058B',
    );
    expect(uscc.compact('USCC: 9133-0100-7996-5505-8b')).toBe('91330100799655058B');
    expect(uscc.compact('  91330100799655058B（已核验）')).toBe('91330100799655058B');
  });
});

describe('uscc — errors', () => {
  it('throws typed errors with code, details and both languages', () => {
    try {
      uscc.validate('91330100799655058A');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidChecksumError);
      expect(isJianguanError(error)).toBe(true);
      const e = error as InvalidChecksumError;
      expect(e.name).toBe('InvalidChecksumError');
      expect(e.code).toBe('invalid_checksum');
      expect(e.details).toMatchObject({ expected: 'B', actual: 'A' });
      expect(e.messages.zh).toContain('B');
    }
    expect(() => uscc.validate('9133')).toThrow(InvalidLengthError);
  });

  it('reports the position of a forbidden character', () => {
    expect(uscc.check('9133010079965505IB').errors[0]).toMatchObject({
      code: 'invalid_format',
      details: { position: 17, character: 'I' },
    });
  });
});

describe('uscc — policy', () => {
  it("checksumPolicy 'warn' accepts a wrong check character with a warning", () => {
    expect(uscc.isValid('91330100799655058A')).toBe(false);
    const r = uscc.check('91330100799655058A', { checksumPolicy: 'warn' });
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['checksum_policy_warn']);
    expect(uscc.validate('91330100799655058A', { checksumPolicy: 'warn' })).toBe('91330100799655058A');
  });

  it('a custom allow-list replaces the default one', () => {
    expect(uscc.isValid('91330100799655058A', { allowList: ['91330100799655058a'] })).toBe(true);
    expect(uscc.isValid('91350211M0000XUF46', { allowList: ['91330100799655058A'] })).toBe(false);
  });

  it('warns, not rejects, on unknown authority/type pairs and regions', () => {
    const body = '94330100799655058';
    const code = body + uscc.calcCheckDigit(body);
    const r = uscc.check(code);
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('unknown_organisation_type');
    const body2 = `91339900799655058`;
    const r2 = uscc.check(body2 + uscc.calcCheckDigit(body2));
    expect(r2.valid).toBe(true);
    expect(r2.warnings.map((w) => w.code)).toContain('unknown_region');
  });

  it('reports a failing embedded organisation code separately', () => {
    const body = '91330100799655059'; // org code 799655059: GB 11714 check should be 8
    const code = body + uscc.calcCheckDigit(body);
    expect(uscc.isValid(code)).toBe(true);
    expect(uscc.check(code).warnings.map((w) => w.code)).toEqual(['org_code_checksum']);
    expect(uscc.decode(code).orgCodeValid).toBe(false);
  });
});

describe('uscc — decode', () => {
  it('decodes Tencent (org-code check X)', () => {
    const d = uscc.decode('9144030071526726XG');
    expect(d.registrationAuthority).toMatchObject({ code: '9', label: '工商' });
    expect(d.organisationType).toMatchObject({ code: '91', label: '企业' });
    expect(d.regionCode).toBe('440300');
    expect(d.region?.name).toBe('深圳市');
    expect(d.region?.province?.name).toBe('广东省');
    expect(d.orgCode).toBe('71526726X');
    expect(d.orgCodeValid).toBe(true);
    expect(d.checksumValid).toBe(true);
  });

  it('decodes a public institution and a national registration', () => {
    expect(uscc.decode('12440600MB2C07549J').organisationType?.label).toBe('事业单位');
    const body = '91100000710925462';
    const national = uscc.decode(body + uscc.calcCheckDigit(body));
    expect(national.national).toBe(true);
    expect(national.region).toBeUndefined();
  });

  it('format is the compact form', () => {
    expect(uscc.format('9133 0100 7996 5505 8b')).toBe('91330100799655058B');
  });
});

describe('uscc — region part', () => {
  it('an impossible province in the region part is a warning, not an error', () => {
    const body = '91990000799655058';
    const r = uscc.check(body + uscc.calcCheckDigit(body));
    expect(r.valid).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['unknown_region']);
    expect(uscc.decode(body + uscc.calcCheckDigit(body)).region).toBeUndefined();
  });
});
