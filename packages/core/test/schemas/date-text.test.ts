import { describe, expect, it } from 'vitest';
import { InvalidOptionsError, parseDateText } from '../../src/index.js';

describe('parseDateText', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
    ['2026.12.1', '2026-12-01'],
    ['2026年12月1日', '2026-12-01'],
    [' 2026 / 2 / 3 ', '2026-02-03'],
    ['20261201', '2026-12-01'],
    ['45930', '2025-09-30'],
    ['45930.0', '2025-09-30'],
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['2024/2/29', '2024-02-29'],
  ])('reads %j as %s', (text, expected) => {
    expect(parseDateText(text)).toBe(expected);
  });

  it.each(['2025/2/29', '2026/13/1', '2026-12-32', '60', '0', 'tomorrow', '', '2026/12', '123456'])(
    'refuses %j',
    (text) => {
      expect(parseDateText(text)).toBeUndefined();
    },
  );

  it('can refuse Excel serials', () => {
    expect(parseDateText('45930', { excelSerial: false })).toBeUndefined();
  });

  it('refuses options that are not an object, with a typed error', () => {
    expect(() => parseDateText('2026-12-01', null as never)).toThrow(InvalidOptionsError);
    expect(() => parseDateText('2026-12-01', { excelSerial: 'no' } as never)).toThrow(/excelSerial/);
  });
});
