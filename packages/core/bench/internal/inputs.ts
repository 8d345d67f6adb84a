import { createRng } from '../../src/index.ts';

/** N×K logits uniform in [−spread, spread) and N labels uniform in [0, K), from the seeded generator. */
export function benchInputs(
  n: number,
  k: number,
  seed: number,
  spread = 5,
): { logits64: Float64Array; logits32: Float32Array; labels: Int32Array } {
  const rng = createRng(seed);
  const logits64 = new Float64Array(n * k);
  for (let i = 0; i < logits64.length; i++) logits64[i] = spread * (2 * rng.uniform() - 1);
  // the Float32 run sees the same values, rounded once
  const logits32 = Float32Array.from(logits64);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = rng.int(k);
  return { logits64, logits32, labels };
}
