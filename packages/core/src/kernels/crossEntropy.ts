import { align, reserve, wasmKernels } from './backend.js';
import { crossEntropyIndexJs, crossEntropyProbabilityJs } from './crossEntropyJs.js';
import { sigmoidCrossEntropyJs } from './sigmoidJs.js';
import type { IndexArgs, ProbabilityArgs, SigmoidArgs } from './types.js';

// Runs a loss kernel in WebAssembly when the engine has SIMD (inputs copied
// into its memory, gradient and losses copied out), else in JavaScript. Both
// give the same bits. Memory: slot 0 (the loss sum), then the regions below.

const SLOT = 16;

/**
 * Runs a JavaScript kernel with a Float64 gradient (the kernels keep e^{z−m}
 * in it on the way) and rounds it into a Float32 one at the end.
 */
function inFloat64<A extends { grad: Float64Array | Float32Array }>(
  a: A,
  run: (a: A & { grad: Float64Array }) => number,
): number {
  const g = a.grad;
  if (g instanceof Float64Array) return run(a as A & { grad: Float64Array });
  const tmp = { ...a, grad: new Float64Array(g.length) };
  const bad = run(tmp);
  g.set(tmp.grad);
  (a as { total?: number }).total = (tmp as { total?: number }).total;
  return bad;
}

/** @internal Index-target softmax cross-entropy; −1 or the first row that is not finite. */
export function crossEntropyIndex(a: IndexArgs): number {
  const wk = wasmKernels();
  if (wk === null) return inFloat64(a, crossEntropyIndexJs);
  const { n, k, w } = a;
  const nk = n * k;
  const zOff = SLOT;
  const yOff = align(zOff + nk * 8);
  const wOff = align(yOff + n * 4);
  const gOff = align(wOff + k * 8);
  const lOff = align(gOff + nk * 8);
  const buf = reserve(wk, lOff + n * 8);
  new Float64Array(buf, zOff, nk).set(a.z);
  const y = new Int32Array(buf, yOff, n);
  const { labels, ignoreIndex } = a;
  for (let i = 0; i < n; i++) {
    const v = labels[i];
    y[i] = v === ignoreIndex ? -1 : v;
  }
  if (w !== undefined) new Float64Array(buf, wOff, k).set(w);
  const bad = wk.crossEntropyIndex(
    zOff,
    yOff,
    wOff,
    gOff,
    lOff,
    n,
    k,
    a.on,
    a.off,
    a.scale,
    a.mode,
    w === undefined ? 0 : 1,
    a.wSum,
    a.cmp,
  );
  if (bad >= 0) return bad;
  a.grad.set(new Float64Array(buf, gOff, nk));
  a.loss.set(new Float64Array(buf, lOff, n));
  a.total = new Float64Array(buf, 0, 1)[0];
  return -1;
}

/** @internal Probability-target softmax cross-entropy; −1 or the first row that is not finite. */
export function crossEntropyProbability(a: ProbabilityArgs): number {
  const wk = wasmKernels();
  if (wk === null) return inFloat64(a, crossEntropyProbabilityJs);
  const { n, k, w } = a;
  const nk = n * k;
  const zOff = SLOT;
  const tOff = align(zOff + nk * 8);
  const wOff = align(tOff + nk * 8);
  const gOff = align(wOff + k * 8);
  const lOff = align(gOff + nk * 8);
  const buf = reserve(wk, lOff + n * 8);
  new Float64Array(buf, zOff, nk).set(a.z);
  new Float64Array(buf, tOff, nk).set(a.t);
  if (w !== undefined) new Float64Array(buf, wOff, k).set(w);
  const bad = wk.crossEntropyProbability(
    zOff,
    tOff,
    wOff,
    gOff,
    lOff,
    n,
    k,
    a.keep,
    a.u,
    a.scale,
    a.mode,
  );
  if (bad >= 0) return bad;
  a.grad.set(new Float64Array(buf, gOff, nk));
  a.loss.set(new Float64Array(buf, lOff, n));
  a.total = new Float64Array(buf, 0, 1)[0];
  return -1;
}

/** @internal Sigmoid cross-entropy per element. */
export function sigmoidCrossEntropyKernel(a: SigmoidArgs): void {
  const wk = wasmKernels();
  if (wk === null) {
    sigmoidCrossEntropyJs(a);
    return;
  }
  const { count, cols } = a;
  const xOff = SLOT;
  const tOff = align(xOff + count * 8);
  const wOff = align(tOff + count * 8);
  const gOff = align(wOff + cols * 8);
  const lOff = align(gOff + count * 8);
  const buf = reserve(wk, lOff + count * 8);
  new Float64Array(buf, xOff, count).set(a.x);
  new Float64Array(buf, tOff, count).set(a.t);
  new Float64Array(buf, wOff, cols).set(a.wpos);
  wk.sigmoidCrossEntropy(xOff, tOff, wOff, gOff, lOff, count, cols, a.keep, a.shift, a.div);
  a.grad.set(new Float64Array(buf, gOff, count));
  a.loss.set(new Float64Array(buf, lOff, count));
  a.total = new Float64Array(buf, 0, 1)[0];
}
