/**
 * Gradient of `f` at `x` by the fourth-order central stencil
 * (−f(x+2h) + 8f(x+h) − 8f(x−h) + f(x−2h)) / (12h), one coordinate at a time.
 *
 * Truncation error is O(h⁴·|f⁽⁵⁾|) and rounding error about EPS·|f|/h; with the
 * default h = 1e-3 and smooth losses of size O(10) both stay near 1e-12, so a
 * comparison at an absolute 1e-9 leaves a wide margin and still catches any
 * real error in a gradient formula (those show up at 1e-3 or more).
 *
 * @param f - a scalar function of a vector; it must not keep `x`
 * @param x - the point (not modified)
 * @param h - step, default 1e-3
 */
export function centralDifference(
  f: (x: Float64Array) => number,
  x: ArrayLike<number>,
  h = 1e-3,
): Float64Array {
  const p = Float64Array.from(x);
  const g = new Float64Array(p.length);
  for (let j = 0; j < p.length; j++) {
    const x0 = p[j];
    p[j] = x0 + 2 * h;
    const f2 = f(p);
    p[j] = x0 + h;
    const f1 = f(p);
    p[j] = x0 - h;
    const fm1 = f(p);
    p[j] = x0 - 2 * h;
    const fm2 = f(p);
    p[j] = x0;
    g[j] = (-f2 + 8 * f1 - 8 * fm1 + fm2) / (12 * h);
  }
  return g;
}
