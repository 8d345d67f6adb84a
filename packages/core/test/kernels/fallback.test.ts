/**
 * The JavaScript fallback gives the same bits as the WebAssembly SIMD
 * kernels, for every public function on the kernel layer and every option,
 * on seeded inputs (odd and even K, Float32 and Float64, spread logits).
 */
import { afterAll, describe, expect, it } from 'vitest';
import {
  createRng,
  fromRows,
  logSoftmax,
  logSumExp,
  type Matrix,
  type Reduction,
  sigmoidCrossEntropy,
  softmax,
  softmaxCrossEntropy,
} from '../../src/index.ts';
import { setKernelBackend } from '../../src/kernels/backend.ts';
import {
  randomDistributionRows,
  randomLabels,
  randomLogits,
  randomWeights,
} from '../helpers/index.ts';

afterAll(() => {
  setKernelBackend('auto');
});

/** Every number a call returns, flattened (Matrices, typed arrays, numbers, nested objects). */
function numbers(v: unknown, out: number[] = []): number[] {
  if (typeof v === 'number') out.push(v);
  else if (ArrayBuffer.isView(v)) out.push(...(v as unknown as ArrayLike<number>[]).map(Number));
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) numbers(x, out);
  return out;
}

/** Runs f on both backends and asserts the results are the same bits. */
function sameBits(label: string, f: () => unknown): void {
  expect(setKernelBackend('auto'), 'this engine has WebAssembly SIMD').toBe('wasm');
  const a = numbers(f());
  setKernelBackend('js');
  const b = numbers(f());
  setKernelBackend('auto');
  expect(b.length, label).toBe(a.length);
  const ba = new Uint8Array(Float64Array.from(a).buffer);
  const bb = new Uint8Array(Float64Array.from(b).buffer);
  // NaN never occurs here; Object.is keeps −0 apart from 0
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) expect.fail(`${label}: element ${i}: wasm ${a[i]} vs js ${b[i]}`);
  }
  expect(Buffer.compare(ba, bb), label).toBe(0);
}

function f32(m: Matrix): Matrix {
  return { rows: m.rows, cols: m.cols, data: Float32Array.from(m.data) };
}

const rng = createRng(20261201);
const SHAPES: [number, number][] = [
  [33, 2],
  [17, 3],
  [40, 10],
  [9, 101],
  [3, 1000],
];
const LOGITS = SHAPES.map(([n, k]) => randomLogits(rng, n, k, 8));

describe('kernels: JavaScript fallback = WebAssembly SIMD, bit for bit', () => {
  it('softmax, logSoftmax, logSumExp (Float64 and Float32 in and out, vectors, K = 1)', () => {
    const wide = fromRows([[1e300, -1e300, 0]]); // not representable in Float32
    for (const z of [...LOGITS, randomLogits(rng, 5, 1), wide]) {
      for (const zz of z === wide ? [z] : [z, f32(z)]) {
        const tag = `${z.rows}×${z.cols} ${zz.data.constructor.name}`;
        sameBits(`softmax ${tag}`, () => [softmax(zz), softmax(zz, { dtype: 'float32' })]);
        sameBits(`logSoftmax ${tag}`, () => [logSoftmax(zz), logSoftmax(zz, { dtype: 'float32' })]);
        sameBits(`logSumExp ${tag}`, () => logSumExp(zz));
      }
    }
    sameBits('vector', () => [softmax([0, -0, 3]), logSoftmax([-0, 0]), logSumExp([-3.25])]);
  });

  it('softmaxCrossEntropy, index targets: every option', () => {
    const reductions: Reduction[] = ['mean', 'sum', 'none'];
    for (const z of LOGITS) {
      const { rows: n, cols: k } = z;
      const labels = randomLabels(rng, n, k);
      const ignored = labels.map((y, i) => (i % 5 === 2 ? -100 : y));
      const w = randomWeights(rng, k);
      for (const zz of [z, f32(z)])
        for (const labelSmoothing of [0, 0.1, 1])
          for (const convention of ['uniform', 'others'] as const)
            for (const weight of [undefined, w])
              for (const weightMode of ['target', 'sample'] as const)
                for (const reduction of reductions)
                  for (const dtype of ['float64', 'float32'] as const) {
                    const opts = {
                      labelSmoothing,
                      convention,
                      weight,
                      weightMode,
                      reduction,
                      dtype,
                    };
                    const tag = `${n}×${k} ${JSON.stringify(opts)}`;
                    sameBits(tag, () => softmaxCrossEntropy(zz, labels, opts));
                    sameBits(`${tag} ignoreIndex`, () =>
                      softmaxCrossEntropy(zz, ignored, { ...opts, ignoreIndex: -100 }),
                    );
                  }
    }
  });

  it('softmaxCrossEntropy, probability targets: every option', () => {
    for (const z of LOGITS) {
      const t = randomDistributionRows(rng, z.rows, z.cols);
      const w = randomWeights(rng, z.cols);
      for (const zz of [z, f32(z)])
        for (const labelSmoothing of [0, 0.2])
          for (const convention of ['uniform', 'others'] as const)
            for (const weight of [undefined, w])
              for (const weightMode of ['target', 'sample'] as const)
                for (const reduction of ['mean', 'sum', 'none'] as const) {
                  const opts = { labelSmoothing, convention, weight, weightMode, reduction };
                  sameBits(`${z.rows}×${z.cols} ${JSON.stringify(opts)}`, () =>
                    softmaxCrossEntropy(zz, t, opts),
                  );
                }
    }
  });

  it('sigmoidCrossEntropy: binary and multi-label, posWeight, conventions, reductions', () => {
    const x = Array.from({ length: 301 }, () => 30 * (2 * rng.uniform() - 1));
    x.push(0, -0, 1e300, -1e300, 745.5, -745.5);
    const t = x.map(() => (rng.uniform() < 0.3 ? rng.uniform() : rng.int(2)));
    const X = randomLogits(rng, 20, 7, 6);
    const T = fromRows(
      Array.from({ length: 20 }, () => Array.from({ length: 7 }, () => rng.int(2))),
    );
    const pw = randomWeights(rng, 7);
    for (const labelSmoothing of [0, 0.1])
      for (const convention of ['uniform', 'others'] as const)
        for (const reduction of ['mean', 'sum', 'none'] as const) {
          const opts = { labelSmoothing, convention, reduction };
          sameBits(`binary ${JSON.stringify(opts)}`, () => sigmoidCrossEntropy(x, t, opts));
          sameBits(`binary posWeight ${JSON.stringify(opts)}`, () =>
            sigmoidCrossEntropy(Float32Array.from(x.slice(0, 301)), t.slice(0, 301), {
              ...opts,
              posWeight: 2.5,
            }),
          );
          sameBits(`matrix ${JSON.stringify(opts)}`, () =>
            sigmoidCrossEntropy(X, T, { ...opts, posWeight: pw }),
          );
        }
  });
});
