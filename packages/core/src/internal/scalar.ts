/** @internal σ(z) without overflow: branches on the sign of z. */
export function sigmoidScalar(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** @internal log(1 + e^z) = max(z, 0) + log1p(e^{−|z|}). */
export function softplusScalar(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
