/** The vector norms the Lipschitz functions accept. */
export type LipschitzNorm = 'l1' | 'l2' | 'linf';

/** @internal The accepted norm names, the first is the default. */
export const NORMS: readonly LipschitzNorm[] = ['l2', 'l1', 'linf'];

/**
 * @internal ‖v‖ of a vector given by its entries: Σ|v| (l1), √Σv² (l2) or
 * max|v| (linf). The sums are compensated (Neumaier), so the result is within
 * a few ulps whatever the length K, not K·ε.
 */
export function vectorNorm(v: ArrayLike<number>, norm: LipschitzNorm): number {
  if (norm === 'linf') {
    let m = 0;
    for (let j = 0; j < v.length; j++) m = Math.max(m, Math.abs(v[j]));
    return m;
  }
  let s = 0;
  let c = 0;
  for (let j = 0; j < v.length; j++) {
    const a = norm === 'l1' ? Math.abs(v[j]) : v[j] * v[j];
    const t = s + a;
    c += Math.abs(s) >= a ? s - t + a : a - t + s;
    s = t;
  }
  return norm === 'l2' ? Math.sqrt(s + c) : s + c;
}
