/**
 * Formats a number for the report table: 12 significant digits, exponent
 * notation for very small or large magnitudes, `NaN`/`∞` spelled out.
 *
 * @param x - any number (or `null`, printed as `–`)
 * @param digits - significant digits, default 12
 * @example
 * formatNumber(0.7826237921249264); // '0.782623792125'
 * formatNumber(8.5e-18);            // '8.5e-18'
 */
export function formatNumber(x: number | null, digits = 12): string {
  if (x === null) return '–';
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a < 1e-4 || a >= 1e9) return String(Number(x.toExponential(digits - 1)));
  return String(Number(x.toPrecision(digits)));
}
