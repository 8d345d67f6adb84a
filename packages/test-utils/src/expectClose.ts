/** Machine epsilon of IEEE-754 binary64: 2^-52. */
export const EPS = Number.EPSILON;

/**
 * Tolerance of a numeric comparison, each bound written as a multiple of
 * machine epsilon: `{ rtol: 4 }` accepts |a − e| ≤ 4·EPS·|e|.
 * The comparison passes when |a − e| ≤ atol·EPS + rtol·EPS·|e|.
 */
export interface Tolerance {
  /** Relative tolerance, in multiples of EPS (default 1). */
  rtol?: number;
  /** Absolute tolerance, in multiples of EPS (default 0). */
  atol?: number;
  /** Words that say what is being compared; printed on failure. */
  label?: string;
}

function describe(x: unknown): string {
  if (typeof x === 'number') return Number.isNaN(x) ? 'NaN' : String(x);
  return JSON.stringify(x);
}

function check(actual: number, expected: number, tol: Tolerance): string | null {
  if (Object.is(actual, expected) || actual === expected) return null;
  if (Number.isNaN(actual) || Number.isNaN(expected)) return 'NaN on one side only';
  if (!Number.isFinite(actual) || !Number.isFinite(expected)) return 'non-finite mismatch';
  const rtol = (tol.rtol ?? 1) * EPS;
  const atol = (tol.atol ?? 0) * EPS;
  const delta = Math.abs(actual - expected);
  const bound = atol + rtol * Math.abs(expected);
  if (delta <= bound) return null;
  return `|Δ| = ${delta.toExponential(3)} > tol = ${bound.toExponential(3)} (rtol ${tol.rtol ?? 1}·EPS, atol ${tol.atol ?? 0}·EPS; |Δ|/EPS = ${(delta / EPS).toPrecision(4)}, relative |Δ|/|e| = ${(delta / Math.abs(expected)).toExponential(3)})`;
}

/**
 * Asserts that `actual` equals `expected` within the tolerance. Exact equality
 * (including equal infinities) passes first; NaN never passes unless both are
 * NaN. Throws an `Error` whose message shows the inputs, Δ and the tolerance.
 *
 * @example
 * expectClose(0.1 + 0.2, 0.3, { rtol: 1 }); // passes: |Δ| = 5.55e-17 ≤ EPS·0.3
 */
export function expectClose(actual: number, expected: number, tol: Tolerance = {}): void {
  const err = check(actual, expected, tol);
  if (err !== null) {
    const what = tol.label ? `${tol.label}: ` : '';
    throw new Error(`${what}expected ${describe(expected)}, got ${describe(actual)}; ${err}`);
  }
}

/**
 * Element-wise {@link expectClose} over two array-likes of the same length.
 * The failure message names the first failing index and the count of failures.
 *
 * @example
 * expectArraysClose(new Float64Array([1, 2]), [1, 2 + 1e-16], { rtol: 2 }); // passes
 */
export function expectArraysClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  tol: Tolerance = {},
): void {
  const what = tol.label ? `${tol.label}: ` : '';
  if (actual.length !== expected.length) {
    throw new Error(`${what}length ${actual.length} ≠ expected length ${expected.length}`);
  }
  let first = -1;
  let firstErr = '';
  let failures = 0;
  for (let i = 0; i < actual.length; i++) {
    const err = check(actual[i], expected[i], tol);
    if (err !== null) {
      failures++;
      if (first < 0) {
        first = i;
        firstErr = err;
      }
    }
  }
  if (failures > 0) {
    throw new Error(
      `${what}${failures} of ${actual.length} elements differ; first at [${first}]: expected ${describe(expected[first])}, got ${describe(actual[first])}; ${firstErr}`,
    );
  }
}
