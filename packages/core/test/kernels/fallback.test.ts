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
import { CHUNK_BYTES } from '../../src/kernels/chunks.ts';
import {
  randomDistributionRows,
  randomLabels,
  randomLogits,
  randomWeights,
  thrownLslabError,
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

describe('kernels: batches larger than the WebAssembly scratch region', () => {
  // The WebAssembly path runs a batch a chunk of rows at a time (CHUNK_BYTES of
  // logits): several chunks, a partial last one, and rows longer than a chunk.
  const rows = Math.ceil((3.5 * CHUNK_BYTES) / (13 * 8));
  const big = [randomLogits(rng, rows, 13, 8), randomLogits(rng, 3, CHUNK_BYTES / 8 + 1, 8)];

  it('give the same bits on both backends, every kernel', () => {
    for (const z of big) {
      const { rows: n, cols: k } = z;
      const tag = `${n}×${k}`;
      const labels = randomLabels(rng, n, k).map((y, i) => (i % 5 === 2 ? -100 : y));
      const t = randomDistributionRows(rng, n, k);
      const weight = randomWeights(rng, k);
      sameBits(`softmax ${tag}`, () => [softmax(z), softmax(f32(z))]);
      sameBits(`logSoftmax ${tag}`, () => [logSoftmax(z), logSumExp(z)]);
      for (const reduction of ['mean', 'sum', 'none'] as const) {
        const opts = { labelSmoothing: 0.1, weight, reduction, ignoreIndex: -100 };
        sameBits(`index ${tag} ${reduction}`, () => softmaxCrossEntropy(z, labels, opts));
        sameBits(`index f32 ${tag} ${reduction}`, () =>
          softmaxCrossEntropy(f32(z), labels, { ...opts, dtype: 'float32' }),
        );
        sameBits(`probability ${tag} ${reduction}`, () =>
          softmaxCrossEntropy(z, t, { labelSmoothing: 0.1, weight, reduction }),
        );
        const bits = fromRows(
          Array.from({ length: n }, () => Array.from({ length: k }, () => rng.int(2))),
        );
        sameBits(`sigmoid ${tag} ${reduction}`, () => sigmoidCrossEntropy(z, bits, { reduction }));
      }
    }
  });

  it('name the bad row of a later chunk on both backends', () => {
    const z = big[0];
    const data = Float64Array.from(z.data);
    const row = z.rows - 2;
    data[row * z.cols + 4] = Number.NaN;
    const labels = randomLabels(rng, z.rows, z.cols);
    for (const backend of ['auto', 'js'] as const) {
      setKernelBackend(backend);
      const e = thrownLslabError(
        () => softmaxCrossEntropy({ rows: z.rows, cols: z.cols, data }, labels),
        'E_NOT_FINITE',
      );
      expect(e.details, backend).toMatchObject({ row, column: 4 });
    }
    setKernelBackend('auto');
  });
});
