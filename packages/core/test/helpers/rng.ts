import { fromRows, type Matrix } from '../../src/index.ts';

/** A small seeded generator for test inputs (a 32-bit multiply–xorshift mix over a Weyl sequence). */
export interface TestRng {
  /** Uniform in [0, 1), 32 bits of resolution. */
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
}

/**
 * Creates a deterministic generator from an integer seed. Test inputs only: the
 * package code takes randomness from `@lslab/models`, which core may not import.
 */
export function seededRng(seed: number): TestRng {
  let state = seed >>> 0;
  const next32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let x = state;
    x = Math.imul(x ^ (x >>> 16), 0x21f0aaad);
    x = Math.imul(x ^ (x >>> 15), 0x735a2d97);
    return (x ^ (x >>> 15)) >>> 0;
  };
  const uniform = (): number => next32() / 4294967296;
  return {
    uniform,
    normal() {
      const u1 = 1 - uniform(); // (0, 1]
      const u2 = uniform();
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    },
    int(n) {
      return Math.floor(uniform() * n);
    },
  };
}

/** An N×K Float64 matrix of N(0, scale²) logits. */
export function randomLogits(rng: TestRng, n: number, k: number, scale = 3): Matrix {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) rows.push(Array.from({ length: k }, () => scale * rng.normal()));
  return fromRows(rows);
}

/** N class indices uniform in [0, K). */
export function randomLabels(rng: TestRng, n: number, k: number): number[] {
  return Array.from({ length: n }, () => rng.int(k));
}

/**
 * An N×K matrix of probability rows with every entry > 0 (a softmax of normal
 * draws, renormalised so each row sums to 1 within a few EPS).
 */
export function randomDistributionRows(rng: TestRng, n: number, k: number): Matrix {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const e = Array.from({ length: k }, () => Math.exp(1.5 * rng.normal()));
    const s = e.reduce((a, b) => a + b, 0);
    rows.push(e.map((x) => x / s));
  }
  return fromRows(rows);
}

/** Positive class weights in [0.25, 4), log-uniform. */
export function randomWeights(rng: TestRng, k: number): number[] {
  return Array.from({ length: k }, () => 2 ** (4 * rng.uniform() - 2));
}
