import { wasmKernels } from './backend.js';
import { chunkRows, eachChunk, layout, part } from './chunks.js';
import { crossEntropyIndexJs, crossEntropyProbabilityJs } from './crossEntropyJs.js';
import { sigmoidCrossEntropyJs } from './sigmoidJs.js';
import type { IndexArgs, ProbabilityArgs, SigmoidArgs } from './types.js';

// Runs a loss kernel in WebAssembly when the engine has SIMD, a chunk of rows
// at a time through a fixed scratch region (chunks.ts), else in JavaScript.
// Both give the same bits: each chunk's kernel call starts from the running
// loss sum of the chunks before it, so the sum is formed in row order.

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
  const { n, k, w, z, labels, ignoreIndex, grad, loss } = a;
  const rows = chunkRows(k * 8);
  const { buf, at } = layout(wk, [k * 8, rows * k * 8, rows * 4, rows * k * 8, rows * 8]);
  const [wOff, zOff, yOff, gOff, lOff] = at;
  if (w !== undefined) new Float64Array(buf, wOff, k).set(w);
  const zc = new Float64Array(buf, zOff, rows * k);
  const yc = new Int32Array(buf, yOff, rows);
  const gc = new Float64Array(buf, gOff, rows * k);
  const lc = new Float64Array(buf, lOff, rows);
  const hasW = w === undefined ? 0 : 1;
  let total = 0;
  const bad = eachChunk(n, rows, (r0, r1) => {
    const m = r1 - r0;
    zc.set(part(z, r0 * k, r1 * k));
    for (let i = 0; i < m; i++) {
      const v = labels[r0 + i];
      yc[i] = v === ignoreIndex ? -1 : v;
    }
    const b = wk.crossEntropyIndex(
      zOff,
      yOff,
      wOff,
      gOff,
      lOff,
      m,
      k,
      a.on,
      a.off,
      a.scale,
      a.mode,
      hasW,
      a.wSum,
      a.cmp,
      total,
    );
    if (b >= 0) return b;
    grad.set(m === rows ? gc : gc.subarray(0, m * k), r0 * k);
    loss.set(m === rows ? lc : lc.subarray(0, m), r0);
    total = new Float64Array(buf, 0, 1)[0];
    return -1;
  });
  a.total = total;
  return bad;
}

/** @internal Probability-target softmax cross-entropy; −1 or the first row that is not finite. */
export function crossEntropyProbability(a: ProbabilityArgs): number {
  const wk = wasmKernels();
  if (wk === null) return inFloat64(a, crossEntropyProbabilityJs);
  const { n, k, w, z, t, grad, loss } = a;
  const rows = chunkRows(k * 8);
  const { buf, at } = layout(wk, [k * 8, rows * k * 8, rows * k * 8, rows * k * 8, rows * 8]);
  const [wOff, zOff, tOff, gOff, lOff] = at;
  if (w !== undefined) new Float64Array(buf, wOff, k).set(w);
  const zc = new Float64Array(buf, zOff, rows * k);
  const tc = new Float64Array(buf, tOff, rows * k);
  const gc = new Float64Array(buf, gOff, rows * k);
  const lc = new Float64Array(buf, lOff, rows);
  let total = 0;
  const bad = eachChunk(n, rows, (r0, r1) => {
    const m = r1 - r0;
    zc.set(part(z, r0 * k, r1 * k));
    tc.set(part(t, r0 * k, r1 * k));
    const b = wk.crossEntropyProbability(
      zOff,
      tOff,
      wOff,
      gOff,
      lOff,
      m,
      k,
      a.keep,
      a.u,
      a.scale,
      a.mode,
      total,
    );
    if (b >= 0) return b;
    grad.set(m === rows ? gc : gc.subarray(0, m * k), r0 * k);
    loss.set(m === rows ? lc : lc.subarray(0, m), r0);
    total = new Float64Array(buf, 0, 1)[0];
    return -1;
  });
  a.total = total;
  return bad;
}

/** @internal Sigmoid cross-entropy per element, in chunks of whole rows of `cols` elements. */
export function sigmoidCrossEntropyKernel(a: SigmoidArgs): void {
  const wk = wasmKernels();
  if (wk === null) {
    sigmoidCrossEntropyJs(a);
    return;
  }
  const { count, cols, x, t, grad, loss } = a;
  const per = chunkRows(cols * 8) * cols;
  const { buf, at } = layout(wk, [cols * 8, per * 8, per * 8, per * 8, per * 8]);
  const [wOff, xOff, tOff, gOff, lOff] = at;
  new Float64Array(buf, wOff, cols).set(a.wpos);
  const xc = new Float64Array(buf, xOff, per);
  const tc = new Float64Array(buf, tOff, per);
  const gc = new Float64Array(buf, gOff, per);
  const lc = new Float64Array(buf, lOff, per);
  let total = 0;
  eachChunk(count, per, (e0, e1) => {
    const m = e1 - e0;
    xc.set(part(x, e0, e1));
    tc.set(part(t, e0, e1));
    wk.sigmoidCrossEntropy(xOff, tOff, wOff, gOff, lOff, m, cols, a.keep, a.shift, a.div, total);
    grad.set(m === per ? gc : gc.subarray(0, m), e0);
    loss.set(m === per ? lc : lc.subarray(0, m), e0);
    total = new Float64Array(buf, 0, 1)[0];
    return -1;
  });
  a.total = total;
}
