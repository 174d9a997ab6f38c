import { SamplingInputError } from '../errors.js';

/** Parses a finite non-negative number into an exact fraction num/den from its shortest decimal form. */
function toFraction(ratio: number): { num: bigint; den: bigint } {
  const text = String(ratio);
  const match = /^(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text);
  if (match === null) {
    throw new SamplingInputError(
      'invalid_ratio',
      { zh: '抽查比例必须是 0 到 1 之间的数', en: 'a ratio must be a number between 0 and 1' },
      { details: { ratio } },
    );
  }
  const whole = match[1]!;
  const fraction = match[2] ?? '';
  const exponent = Number(match[3] ?? 0) - fraction.length;
  let num = BigInt(whole + fraction);
  let den = 1n;
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den = 10n ** BigInt(-exponent);
  return { num, den };
}

/**
 * The number of entities to draw from a stratum of `size` at `ratio` (抽取数量), computed exactly on the
 * decimal value of `ratio` (so 5 % of 2000 is 100, not 101 from `0.05 * 2000 = 100.00000000000001`), with
 * an explicit rounding rule: `ceil` ("不少于 x%", the default), `round` (half up) or `floor`.
 *
 * @example
 * ratioCount(2000, 0.05); // 100
 * ratioCount(2001, 0.05); // 101 (ceil)
 * ratioCount(2001, 0.05, 'floor'); // 100
 */
export function ratioCount(
  size: number,
  ratio: number,
  rounding: 'ceil' | 'round' | 'floor' = 'ceil',
): number {
  if (!Number.isSafeInteger(size) || size < 0) {
    throw new SamplingInputError(
      'invalid_count',
      { zh: '总体数量必须是非负整数', en: 'the population size must be a non-negative integer' },
      { details: { size } },
    );
  }
  if (typeof ratio !== 'number' || !(ratio >= 0 && ratio <= 1)) {
    throw new SamplingInputError(
      'invalid_ratio',
      { zh: '抽查比例必须在 0 到 1 之间', en: 'a ratio must be between 0 and 1' },
      { details: { ratio } },
    );
  }
  const { num, den } = toFraction(ratio);
  const product = BigInt(size) * num;
  const q = product / den;
  const r = product % den;
  let n = q;
  if (rounding === 'ceil' && r > 0n) n += 1n;
  if (rounding === 'round' && 2n * r >= den) n += 1n;
  return Number(n);
}
