/**
 * A small seeded generator for benchmark inputs: a Weyl sequence (step
 * 0x9e3779b9) passed through a 32-bit integer finaliser. Core cannot import
 * `@lslab/models` (it sits below it), and benchmark inputs need only be
 * reproducible, not of research quality.
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
    x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
    x ^= x >>> 16;
    return (x >>> 0) / 4294967296;
  };
}

/** N×K logits uniform in [−spread, spread) and N labels uniform in [0, K). */
export function benchInputs(
  n: number,
  k: number,
  seed: number,
  spread = 5,
): { logits64: Float64Array; logits32: Float32Array; labels: Int32Array } {
  const u = seededUniform(seed);
  const logits64 = new Float64Array(n * k);
  for (let i = 0; i < logits64.length; i++) logits64[i] = spread * (2 * u() - 1);
  // the Float32 run sees the same values, rounded once
  const logits32 = Float32Array.from(logits64);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = Math.floor(u() * k);
  return { logits64, logits32, labels };
}
