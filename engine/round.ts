// Rounding half away from zero at a precision, and fixed-point text, as a person rounds a written decimal (not as binary floating point does).
const POWERS_OF_TEN = [1, 10, 100, 1000, 10000, 100000, 1000000];

/**
 * Rounds half away from zero to `precision` decimal places, as a person rounds a written
 * decimal: 1.005 → 1.01 although 1.005 is stored as 1.00499999999999989...
 */
export function roundHalfUp(value: number, precision: number): number {
  const factor = POWERS_OF_TEN[precision] ?? 10 ** precision;
  const scaled = Math.abs(value) * factor;
  // A few units in the last place lift a decimal that binary storage left just below the half.
  const rounded = Math.floor(scaled + 0.5 + scaled * 4 * Number.EPSILON);
  const result = rounded / factor;
  return value < 0 && result !== 0 ? -result : result;
}

/** Formats a number with exactly `precision` decimals (2.00, 12.01). */
export function formatFixed(value: number, precision: number): string {
  return roundHalfUp(value, precision).toFixed(precision);
}
