/**
 * @internal The largest eigenvalue of the softmax Hessian diag(p) − ppᵀ,
 * computed independently of any bound: by Cauchy interlacing it lies in
 * [p₍₂₎, p₍₁₎] (the two largest entries), where it is the root of the secular
 * equation f(λ) = 1 − Σ_i p_i²/(p_i − λ) = 0 (f decreases on that interval).
 * Bisection to adjacent doubles. If p₍₁₎ = p₍₂₎ the eigenvalue is p₍₁₎.
 */
export function softmaxHessianTop(p: ArrayLike<number>): number {
  let p1 = -Infinity;
  let p2 = -Infinity;
  for (let i = 0; i < p.length; i++) {
    const v = p[i];
    if (v > p1) {
      p2 = p1;
      p1 = v;
    } else if (v > p2) p2 = v;
  }
  if (!(p1 > p2)) return p1;
  let lo = p2;
  let hi = p1;
  for (let it = 0; it < 200; it++) {
    const mid = 0.5 * (lo + hi);
    if (mid <= lo || mid >= hi) break;
    let f = 1;
    for (let i = 0; i < p.length; i++) if (p[i] !== 0) f -= (p[i] * p[i]) / (p[i] - mid);
    // f → −∞ as λ → p₍₁₎⁻ and f → +∞ as λ → p₍₂₎⁺ (when p₍₂₎ > 0): f > 0 means the root is above
    if (f > 0) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
