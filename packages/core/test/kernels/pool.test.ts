/**
 * A kernel pool splits large batches over worker threads with the same bits
 * as one thread. The workers run the built package (dist/), so this test
 * imports it from there (`pnpm build` first; `pnpm test` does).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Core from '../../src/index.ts';
import { createRng } from '../../src/index.ts';
import { COPY_COST, callerRows } from '../../src/kernels/pool.ts';
import { randomDistributionRows, randomLabels, randomWeights } from '../helpers/index.ts';

// dist/, not src/: a worker thread runs JavaScript (turbo builds core before its tests)
const dist = new URL('../../dist/index.js', import.meta.url).href;
const { createKernelPool, softmaxCrossEntropy } = (await import(dist)) as typeof Core;
let pool: Core.KernelPool;

beforeAll(async () => {
  pool = await createKernelPool({ threads: 3 });
});
afterAll(async () => {
  await pool.close();
});

function bits(r: { loss: number | Float64Array; grad: { data: ArrayLike<number> } }): Uint8Array[] {
  const loss = typeof r.loss === 'number' ? Float64Array.of(r.loss) : r.loss;
  const g = r.grad.data as Float64Array | Float32Array;
  return [
    new Uint8Array(loss.buffer, loss.byteOffset, loss.byteLength),
    new Uint8Array(g.buffer, g.byteOffset, g.byteLength),
  ];
}

function expectSameBits(label: string, a: ReturnType<typeof bits>, b: ReturnType<typeof bits>) {
  for (let i = 0; i < a.length; i++)
    expect(Buffer.compare(Buffer.from(a[i]), Buffer.from(b[i])), label).toBe(0);
}

describe('createKernelPool({ threads })', () => {
  const rng = createRng(424242);
  const n = 100_003;
  const k = 11; // 1.1e6 logits: above the pool's threshold; odd K and an odd split
  const z = {
    rows: n,
    cols: k,
    data: Float64Array.from({ length: n * k }, () => 12 * (rng.uniform() - 0.5)),
  };
  const labels = randomLabels(rng, n, k).map((y, i) => (i % 7 === 3 ? -1 : y));
  const w = randomWeights(rng, k);

  it('gives the bits of one thread, index targets, every option', () => {
    for (const weight of [undefined, w])
      for (const weightMode of ['target', 'sample'] as const)
        for (const reduction of ['mean', 'sum', 'none'] as const)
          for (const dtype of ['float64', 'float32'] as const) {
            const opts = {
              labelSmoothing: 0.1,
              weight,
              weightMode,
              reduction,
              dtype,
              ignoreIndex: -1,
            };
            const one = bits(softmaxCrossEntropy(z, labels, opts));
            const many = bits(softmaxCrossEntropy(z, labels, { ...opts, pool }));
            expectSameBits(
              JSON.stringify({ weighted: !!weight, weightMode, reduction, dtype }),
              one,
              many,
            );
          }
    const z32 = { ...z, data: Float32Array.from(z.data) };
    expectSameBits(
      'Float32 logits',
      bits(
        softmaxCrossEntropy(z32, labels, {
          ignoreIndex: -1,
          convention: 'others',
          labelSmoothing: 0.2,
        }),
      ),
      bits(
        softmaxCrossEntropy(z32, labels, {
          ignoreIndex: -1,
          convention: 'others',
          labelSmoothing: 0.2,
          pool,
        }),
      ),
    );
  });

  it('gives the bits of one thread, probability targets', () => {
    const m = 100_000;
    const t = randomDistributionRows(rng, m, 10);
    const zz = { rows: m, cols: 10, data: z.data.subarray(0, m * 10) };
    for (const weight of [undefined, w.slice(0, 10)])
      for (const weightMode of ['target', 'sample'] as const) {
        const opts = { labelSmoothing: 0.05, weight, weightMode, reduction: 'none' as const };
        expectSameBits(
          `probability ${weightMode}`,
          bits(softmaxCrossEntropy(zz, t, opts)),
          bits(softmaxCrossEntropy(zz, t, { ...opts, pool })),
        );
      }
  });

  it('reads and writes arrays on a SharedArrayBuffer in place, with the same bits', () => {
    /** A copy of v on a SharedArrayBuffer, at a byte offset, as the caller may hold it. */
    function onShared<T extends Float64Array | Float32Array>(v: T): T {
      const C = v.constructor as new (b: SharedArrayBuffer, o: number, l: number) => T;
      const bytes = v.BYTES_PER_ELEMENT;
      const c = new C(new SharedArrayBuffer((v.length + 2) * bytes), 2 * bytes, v.length);
      c.set(v);
      return c;
    }
    const zs = { ...z, data: onShared(z.data) };
    const z32 = { ...z, data: Float32Array.from(z.data) };
    const zs32 = { ...z, data: onShared(z32.data) };
    for (const [logits, plain] of [
      [zs, z],
      [zs32, z32],
    ] as const)
      for (const outShared of [false, true])
        for (const dtype of ['float64', 'float32'] as const) {
          const out = (dtype === 'float64' ? new Float64Array(n * k) : new Float32Array(n * k)) as
            | Float64Array
            | Float32Array;
          const opts = {
            labelSmoothing: 0.1,
            weight: w,
            ignoreIndex: -1,
            reduction: 'sum' as const,
          };
          const one = bits(softmaxCrossEntropy(plain, labels, { ...opts, dtype }));
          const many = bits(
            softmaxCrossEntropy(logits, labels, {
              ...opts,
              out: outShared ? onShared(out) : out,
              pool,
            }),
          );
          expectSameBits(
            `${logits.data.constructor.name} out ${dtype} shared ${outShared}`,
            one,
            many,
          );
        }
    const m = 100_000;
    const t = randomDistributionRows(rng, m, 10);
    const zz = { rows: m, cols: 10, data: z.data.subarray(0, m * 10) };
    const ts = { ...t, data: onShared(t.data as Float64Array) };
    expectSameBits(
      'probability targets on shared memory',
      bits(softmaxCrossEntropy(zz, t, { labelSmoothing: 0.05 })),
      bits(
        softmaxCrossEntropy({ ...zz, data: onShared(zz.data) }, ts, {
          labelSmoothing: 0.05,
          out: onShared(new Float64Array(m * 10)),
          pool,
        }),
      ),
    );
  });

  it('keeps fewer rows on the calling thread when it copies for the workers', () => {
    // r + (n − r)·c = (n − r)/(threads − 1), c = COPY_COST
    const c = COPY_COST;
    expect(callerRows(1000, 2, false)).toBe(500);
    expect(callerRows(999, 3, false)).toBe(333);
    expect(callerRows(1_000_000, 2, true)).toBe(Math.round(1e6 * ((1 - c) / (2 - c))));
    expect(callerRows(1_000_000, 3, true)).toBe(Math.round(1e6 * ((0.5 - c) / (1.5 - c))));
    expect(callerRows(1000, 64, true)).toBe(0);
  });

  it('names the row of a non-finite logit found by a worker', () => {
    const bad = Float64Array.from(z.data);
    bad[(n - 5) * k + 2] = Number.NaN;
    expect(() =>
      softmaxCrossEntropy({ ...z, data: bad }, labels, { ignoreIndex: -1, pool }),
    ).toThrow(`logits[${n - 5}][2] = NaN`);
  });

  it('rejects a bad thread count and a closed pool', async () => {
    await expect(createKernelPool({ threads: 0 })).rejects.toMatchObject({ code: 'E_RANGE' });
    await expect(createKernelPool({ threads: 1.5 })).rejects.toMatchObject({ code: 'E_RANGE' });
    const p = await createKernelPool({ threads: 2 });
    await p.close();
    expect(() => softmaxCrossEntropy(z, labels, { ignoreIndex: -1, pool: p })).toThrow(
      'options.pool: must be an open pool',
    );
  });
});
