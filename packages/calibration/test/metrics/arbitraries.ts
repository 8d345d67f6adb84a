import { type Matrix, matrix } from '@lslab/core';
import fc from 'fast-check';

/** Probability rows and labels, with exact ties, zeros, ones and i/4 values mixed in. */
export interface Case {
  probs: Matrix;
  labels: number[];
}

const entry = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }),
  fc.constantFrom(0, 0.25, 0.5, 0.75, 1),
);

/** N×K cases with 2 ≤ K ≤ maxK and 1 ≤ N ≤ maxN; rows are normalised weights. */
export function probabilityCase(maxN = 60, maxK = 5): fc.Arbitrary<Case> {
  return fc.integer({ min: 2, max: maxK }).chain((k) =>
    fc
      .array(fc.tuple(fc.array(entry, { minLength: k, maxLength: k }), fc.nat(k - 1)), {
        minLength: 1,
        maxLength: maxN,
      })
      .map((rows) => {
        const data = new Float64Array(rows.length * k);
        rows.forEach(([w, _], i) => {
          const s = w.reduce((a, b) => a + b, 0);
          for (let c = 0; c < k; c++) data[i * k + c] = s > 0 ? w[c] / s : 1 / k;
        });
        return { probs: matrix(rows.length, k, data), labels: rows.map(([, y]) => y) };
      }),
  );
}

/** Binary cases: a vector of p(y = 1) and 0/1 labels. */
export function binaryCase(maxN = 60): fc.Arbitrary<{ p: number[]; y: number[] }> {
  return fc
    .array(fc.tuple(entry, fc.constantFrom(0, 1)), { minLength: 1, maxLength: maxN })
    .map((rows) => ({ p: rows.map(([p]) => p), y: rows.map(([, y]) => y) }));
}

/** Rows of `m` in the order `perm`. */
export function permuteRows(m: Matrix, labels: number[], perm: ArrayLike<number>): Case {
  const out = new Float64Array(m.data.length);
  const y: number[] = [];
  for (let i = 0; i < perm.length; i++) {
    out.set(m.data.subarray(perm[i] * m.cols, (perm[i] + 1) * m.cols), i * m.cols);
    y.push(labels[perm[i]]);
  }
  return { probs: matrix(m.rows, m.cols, out), labels: y };
}

/** Rows [from, to) of a case. */
export function sliceRows(c: Case, from: number, to: number): Case {
  const k = c.probs.cols;
  return {
    probs: matrix(to - from, k, c.probs.data.slice(from * k, to * k)),
    labels: c.labels.slice(from, to),
  };
}
