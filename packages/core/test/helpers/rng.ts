import { fromRows, type Matrix, type Rng } from '../../src/index.ts';

/** An N×K Float64 matrix of N(0, scale²) logits. */
export function randomLogits(rng: Rng, n: number, k: number, scale = 3): Matrix {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: k }, () => scale * rng.normal()));
  return fromRows(rows);
}

/** N class indices uniform in [0, K). */
export function randomLabels(rng: Rng, n: number, k: number): number[] {
  return Array.from({ length: n }, () => rng.int(k));
}

/**
 * An N×K matrix of probability rows with every entry > 0 (a softmax of normal
 * draws, renormalised so each row sums to 1 within a few EPS).
 */
export function randomDistributionRows(rng: Rng, n: number, k: number): Matrix {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const e = Array.from({ length: k }, () => Math.exp(1.5 * rng.normal()));
    const s = e.reduce((a, b) => a + b, 0);
    rows.push(e.map((x) => x / s));
  }
  return fromRows(rows);
}

/** Positive class weights in [0.25, 4), log-uniform. */
export function randomWeights(rng: Rng, k: number): number[] {
  return Array.from({ length: k }, () => 2 ** (4 * rng.uniform() - 2));
}
