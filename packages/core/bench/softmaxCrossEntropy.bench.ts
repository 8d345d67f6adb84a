import { mPerSecond, type Timing, time, timed, timeInterleaved } from '@lslab/test-utils/bench';
import * as tf from '@tensorflow/tfjs';
import { type Matrix, softmaxCrossEntropy } from '../src/index.ts';
import { benchInputs } from './internal/inputs.ts';

/** Smoothing α of every run (TF.js `labelSmoothing`, PyTorch `label_smoothing`). */
const ALPHA = 0.1;
/** N×K shapes: many small rows, and few wide ones. */
const SIZES: readonly [number, number][] = [
  [200_000, 10],
  [20_000, 1000],
];
/** Goals of issue 2 §5. */
const TARGET_VS_EXP = 0.8;
const TARGET_VS_TF = 50;
/** Relative agreement of our float64 loss with TF.js's float32 loss. */
const LOSS_RTOL = 1e-5;

/** One line of the results table. */
export interface SoftmaxCrossEntropyBenchRow {
  n: number;
  k: number;
  dtype: 'float64' | 'float32';
  /** a new gradient array each call (the default) */
  ours: Timing;
  /** the same gradient buffer passed as `options.out` each call */
  oursOut: Timing;
  expOnly: Timing;
  tfjs: Timing;
  lossOurs: number;
  lossTf: number;
  /** max |grad_ours − grad_tf| / max |grad_ours| */
  gradRelDiff: number;
}

function reps(count: number): { warmup: number; reps: number } {
  return count > 5e6 ? { warmup: 1, reps: 5 } : { warmup: 3, reps: 15 };
}

function finiteAll(a: ArrayLike<number>, what: string): void {
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i])) throw new Error(`${what}: element ${i} is ${a[i]}, not finite`);
  }
}

// Two monomorphic loops: the bound we compare against is the fastest exp loop V8 gives us.
function exp64(z: Float64Array, out: Float64Array): Float64Array {
  for (let i = 0; i < z.length; i++) out[i] = Math.exp(z[i]);
  return out;
}
function exp32(z: Float32Array, out: Float32Array): Float32Array {
  for (let i = 0; i < z.length; i++) out[i] = Math.exp(z[i]);
  return out;
}

/** Loss + gradient with TF.js on its CPU backend; the tensors it makes are disposed. */
function tfLossAndGrad(
  vg: (z: tf.Tensor2D) => { value: tf.Scalar; grad: tf.Tensor },
  z: tf.Tensor2D,
): { loss: number; grad: Float32Array } {
  const { value, grad } = tf.tidy(() => vg(z));
  const loss = value.dataSync()[0];
  const g = grad.dataSync() as Float32Array;
  value.dispose();
  grad.dispose();
  return { loss, grad: g };
}

async function benchSize(n: number, k: number): Promise<SoftmaxCrossEntropyBenchRow[]> {
  const count = n * k;
  const { logits64, logits32, labels } = benchInputs(n, k, 20_260_000 + k);
  const plan = reps(count);

  // TF.js: float32 only, so one timing per size serves both rows.
  const onehot = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, 'int32'), k).toFloat());
  const zT = tf.tensor2d(logits32, [n, k], 'float32');
  const f = (z: tf.Tensor2D) =>
    tf.losses.softmaxCrossEntropy(onehot, z, undefined, ALPHA) as tf.Scalar;
  const vg = tf.valueAndGrad(f);
  const tensorsBefore = tf.memory().numTensors;
  let tfOut: { loss: number; grad: Float32Array } = { loss: Number.NaN, grad: new Float32Array(0) };
  const tfjs = time(() => (tfOut = tfLossAndGrad(vg, zT)), {
    // the small size runs first and warms TF.js's kernels up for the large one
    warmup: count > 5e6 ? 0 : 1,
    reps: count > 5e6 ? 2 : 5,
    guard: (r) => {
      if (!Number.isFinite(r.loss)) throw new Error(`TF.js loss is ${r.loss}`);
    },
  });
  finiteAll(tfOut.grad, 'TF.js grad');
  if (tf.memory().numTensors !== tensorsBefore) throw new Error('TF.js tensors leaked');
  onehot.dispose();
  zT.dispose();

  const rows: SoftmaxCrossEntropyBenchRow[] = [];
  for (const dtype of ['float64', 'float32'] as const) {
    const logits: Matrix = { rows: n, cols: k, data: dtype === 'float64' ? logits64 : logits32 };
    const options = { labelSmoothing: ALPHA, reduction: 'mean', dtype } as const;
    const guard = (r: { loss: number }) => {
      if (!Number.isFinite(r.loss)) throw new Error(`softmaxCrossEntropy loss is ${r.loss}`);
    };
    const out = dtype === 'float64' ? new Float64Array(count) : new Float32Array(count);
    const expOut64 = new Float64Array(dtype === 'float64' ? count : 0);
    const expOut32 = new Float32Array(dtype === 'float32' ? count : 0);
    const expGuard = (o: Float64Array | Float32Array) => {
      if (!Number.isFinite(o[o.length - 1])) throw new Error('exp-only output is not finite');
    };
    const { expOnly, ours, oursOut } = timeInterleaved(
      {
        expOnly:
          dtype === 'float64'
            ? timed(() => exp64(logits64, expOut64), expGuard)
            : timed(() => exp32(logits32, expOut32), expGuard),
        ours: timed(() => softmaxCrossEntropy(logits, labels, options), guard),
        oursOut: timed(() => softmaxCrossEntropy(logits, labels, { ...options, out }), guard),
      },
      plan,
    );
    finiteAll(dtype === 'float64' ? expOut64 : expOut32, 'exp-only output');
    finiteAll(out, 'softmaxCrossEntropy grad in options.out');
    const result = softmaxCrossEntropy(logits, labels, options);
    finiteAll(result.grad.data, 'softmaxCrossEntropy grad');

    let gmax = 0;
    let dmax = 0;
    const g = result.grad.data;
    for (let i = 0; i < count; i++) {
      gmax = Math.max(gmax, Math.abs(g[i]));
      dmax = Math.max(dmax, Math.abs(g[i] - tfOut.grad[i]));
    }
    rows.push({
      n,
      k,
      dtype,
      ours,
      oursOut,
      expOnly,
      tfjs,
      lossOurs: result.loss,
      lossTf: tfOut.loss,
      gradRelDiff: dmax / gmax,
    });
  }
  return rows;
}

/**
 * Times softmaxCrossEntropy loss + gradient (index targets, α = 0.1, 'mean')
 * against an exp-only loop and TF.js's CPU backend, at every size and dtype.
 */
export async function benchSoftmaxCrossEntropy(): Promise<SoftmaxCrossEntropyBenchRow[]> {
  await tf.setBackend('cpu');
  await tf.ready();
  const rows: SoftmaxCrossEntropyBenchRow[] = [];
  for (const [n, k] of SIZES) rows.push(...(await benchSize(n, k)));
  return rows;
}

function fmt(x: number, digits = 1): string {
  return x.toFixed(digits);
}

function met(ok: boolean): string {
  return ok ? 'met' : '**missed**';
}

/**
 * The results as a markdown table (throughput as "median (best)" in M
 * logits/s; ratios of medians, for a new gradient each call / for a reused
 * `options.out`) followed by the accuracy check of each row. Throws when our
 * loss and TF.js's disagree beyond float32 tolerance.
 */
export function softmaxCrossEntropyTable(rows: SoftmaxCrossEntropyBenchRow[]): string[] {
  const out = [
    '| N × K | logits | softmaxCrossEntropy | with `out` reused | exp-only loop | TF.js CPU | ' +
      `÷ exp-only (≥ ${TARGET_VS_EXP}) | ÷ TF.js (≥ ${TARGET_VS_TF}) |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  const checks: string[] = [];
  let disagree = false;
  for (const r of rows) {
    const count = r.n * r.k;
    const med = (t: Timing) => mPerSecond(count, t.medianMs);
    const cell = (t: Timing, d = 1) => `${fmt(med(t), d)} (${fmt(mPerSecond(count, t.minMs), d)})`;
    const ratios = (base: Timing, target: number, d: number) =>
      [r.ours, r.oursOut]
        .map((t) => {
          const x = med(t) / med(base);
          return `${fmt(x, d)} ${met(x >= target)}`;
        })
        .join(' / ');
    out.push(
      `| ${r.n} × ${r.k} | ${r.dtype === 'float64' ? 'Float64' : 'Float32'} | ${cell(r.ours)} | ` +
        `${cell(r.oursOut)} | ${cell(r.expOnly)} | ${cell(r.tfjs, 2)} | ` +
        `${ratios(r.expOnly, TARGET_VS_EXP, 2)} | ${ratios(r.tfjs, TARGET_VS_TF, 0)} |`,
    );
    const rel = Math.abs(r.lossOurs - r.lossTf) / Math.abs(r.lossTf);
    const ok = rel <= LOSS_RTOL;
    if (!ok) disagree = true;
    checks.push(
      `- ${r.n} × ${r.k} ${r.dtype}: loss ${r.lossOurs.toPrecision(10)} vs TF.js ${r.lossTf.toPrecision(8)}, ` +
        `relative difference ${rel.toExponential(2)} (${ok ? 'agrees' : 'DISAGREES'} within ${LOSS_RTOL}); ` +
        `gradient max |Δ| / max |g| = ${r.gradRelDiff.toExponential(2)}`,
    );
  }
  if (disagree) throw new Error(`loss disagrees with TF.js:\n${checks.join('\n')}`);
  return [
    ...out,
    '',
    'Throughput in M logits/s: median of the timed runs, best run in parentheses. Ratios compare ' +
      'medians, first for a new gradient array per call (the default), then with one buffer passed ' +
      'as `options.out` every call; the exp-only loop also writes into a buffer allocated once.',
    '',
    ...checks,
  ];
}
