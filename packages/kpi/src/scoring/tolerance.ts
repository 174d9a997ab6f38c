/**
 * The one tolerance policy of `@jianguan/kpi` (比较容差). Ratios are quotients of integers and points are
 * sums of products, so binary floating point leaves noise in the 16th digit (`0.3 / 3` is
 * `0.09999999999999999`). Every comparison the scorer makes — a ratio against its target, a veto against its
 * threshold, a bonus above its line, "is anything lost" — goes through the helpers below, which treat two
 * numbers closer than {@link KPI_TOLERANCE} as equal. Rounding for display ({@link roundTo}) uses the same
 * constant to undo the noise before rounding half away from zero.
 *
 * @example
 * atLeast(0.1 * 3 / 3, 0.1); // true, though 0.09999999999999999 < 0.1
 */
export const KPI_TOLERANCE = 1e-9;

/**
 * `value ≥ target`, up to {@link KPI_TOLERANCE}.
 *
 * @example
 * atLeast(0.09999999999999999, 0.1); // true
 */
export function atLeast(value: number, target: number): boolean {
  return value >= target - KPI_TOLERANCE;
}

/**
 * `value < threshold` by more than {@link KPI_TOLERANCE} (the negation of {@link atLeast}).
 *
 * @example
 * below(0.09999999999999999, 0.1); // false
 */
export function below(value: number, threshold: number): boolean {
  return !atLeast(value, threshold);
}

/**
 * `value > line` by more than {@link KPI_TOLERANCE}.
 *
 * @example
 * above(0.4000000000000001, 0.4); // false
 */
export function above(value: number, line: number): boolean {
  return value > line + KPI_TOLERANCE;
}

/**
 * The amount by which `value` exceeds `line`, or 0 when it does not (up to the tolerance).
 *
 * @example
 * excess(0.75, 0.4); // 0.35
 * excess(0.4000000000000001, 0.4); // 0
 */
export function excess(value: number, line: number): number {
  return above(value, line) ? value - line : 0;
}

/**
 * `a = b` up to {@link KPI_TOLERANCE} (equal totals share a rank).
 *
 * @example
 * nearlyEqual(0.1 + 0.2, 0.3); // true
 */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= KPI_TOLERANCE;
}

/**
 * Whether a number of points is really positive (not noise).
 *
 * @example
 * isPositive(1e-15); // false
 */
export function isPositive(points: number): boolean {
  return points > KPI_TOLERANCE;
}

/**
 * Rounds half away from zero to `decimals`, after undoing floating-point noise (2.675 → 2.68).
 *
 * @example
 * roundTo(2.675, 2); // 2.68
 */
export function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(Math.abs(x) * f + KPI_TOLERANCE) / f;
  return x < 0 ? -r : r + 0;
}
