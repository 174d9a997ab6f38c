import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InvalidFormatError, orgCode, regionCode, residentId, uscc } from '../../src/index.js';

interface Vector {
  value: string;
  code?: string;
  warning?: string;
  source: string;
  [key: string]: unknown;
}
interface VectorFile {
  identifier: string;
  valid: Vector[];
  invalid: Vector[];
  allowListed?: Vector[];
  legacy?: Vector[];
}

function load(name: string): VectorFile {
  return JSON.parse(readFileSync(new URL(`../vectors/${name}.json`, import.meta.url), 'utf8')) as VectorFile;
}

const modules = { uscc, orgCode, residentId, regionCode } as const;
const files = ['uscc', 'org-code', 'resident-id', 'region-code'].map(load);

function errorCode(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidFormatError);
    return (error as InvalidFormatError).code;
  }
}

describe.each(files)('vectors: $identifier', (file) => {
  const mod = modules[file.identifier as keyof typeof modules];

  it('every vector names its source', () => {
    for (const v of [...file.valid, ...file.invalid, ...(file.allowListed ?? [])])
      expect(v.source).toMatch(/\S/);
  });

  it.each(file.valid)('valid: $value', (v) => {
    expect(mod.isValid(v.value)).toBe(true);
    expect(mod.validate(v.value)).toBe(mod.compact(v.value));
    const warnings = mod.check(v.value).warnings.map((w) => w.code);
    if (v.warning) expect(warnings).toContain(v.warning);
    else expect(warnings).toEqual([]);
  });

  it.each(file.invalid)('invalid: $value → $code', (v) => {
    expect(mod.isValid(v.value)).toBe(false);
    expect(errorCode(() => mod.validate(v.value))).toBe(v.code);
    expect(mod.check(v.value).errors[0]?.code).toBe(v.code);
  });
});

describe('vector details', () => {
  const usccFile = files[0]!;
  it.each(usccFile.allowListed ?? [])(
    'allow-listed USCC $value passes with a warning, fails without the list',
    (v) => {
      expect(uscc.isValid(v.value)).toBe(true);
      expect(uscc.check(v.value).warnings.map((w) => w.code)).toContain('checksum_allow_listed');
      expect(uscc.isValid(v.value, { allowList: [] })).toBe(false);
      expect(uscc.decode(v.value).checksumValid).toBe(false);
      if (typeof v.expected === 'string') expect(uscc.calcCheckDigit(v.value)).toBe(v.expected);
    },
  );

  const ridFile = files[2]!;
  it.each(ridFile.valid)('resident ID $value decodes', (v) => {
    const d = residentId.decode(v.value);
    expect(d.birthDate).toBe(v.birthDate);
    expect(d.sex).toBe(v.sex);
    if (typeof v.region === 'string') expect(d.region?.name).toBe(v.region);
  });
  it.each(ridFile.legacy ?? [])('legacy $value → $to18', (v) => {
    expect(residentId.to18(v.value)).toBe(v.to18);
    expect(residentId.isValid(v.value, { allowLegacy: true })).toBe(true);
  });

  const regionFile = files[3]!;
  it.each(regionFile.valid)('region $value is a $level', (v) => {
    const info = regionCode.lookup(v.value);
    expect(info?.level).toBe(v.level);
    if (typeof v.name === 'string') expect(info?.name).toBe(v.name);
  });
});
