import { wasmKernels } from './backend.js';
import { chunkRows, eachChunk, layout, part } from './chunks.js';
import { logSumExpJs, softmaxJs } from './fallback.js';

// The softmax family on n×k finite values, in WebAssembly when the engine has
// SIMD (a chunk of rows at a time, see chunks.ts), else in JavaScript, with
// the same bits.

/** @internal Row-wise softmax into out (Float64, n·k). */
export function softmaxRows(z: ArrayLike<number>, out: Float64Array, n: number, k: number): void {
  const wk = wasmKernels();
  if (wk === null) {
    softmaxJs(z, out, n, k);
    return;
  }
  const rows = chunkRows(k * 8);
  const { buf, at } = layout(wk, [rows * k * 8, rows * k * 8]);
  const [zOff, oOff] = at;
  const zc = new Float64Array(buf, zOff, rows * k);
  const oc = new Float64Array(buf, oOff, rows * k);
  eachChunk(n, rows, (r0, r1) => {
    const m = r1 - r0;
    zc.set(part(z, r0 * k, r1 * k));
    wk.softmax(zOff, oOff, m, k);
    out.set(m === rows ? oc : oc.subarray(0, m * k), r0 * k);
    return -1;
  });
}

/**
 * @internal Row-wise log-sum-exp into lse (n values) and, when out is given,
 * log-softmax z − lse into out (n·k).
 */
export function logSumExpRows(
  z: ArrayLike<number>,
  lse: Float64Array,
  out: Float64Array | undefined,
  n: number,
  k: number,
): void {
  const wk = wasmKernels();
  if (wk === null) {
    logSumExpJs(z, lse, out, n, k);
    return;
  }
  const rows = chunkRows(k * 8);
  const withOut = out !== undefined;
  const { buf, at } = layout(wk, [rows * k * 8, rows * 8, k * 8, withOut ? rows * k * 8 : 0]);
  const [zOff, lOff, sOff, oOff] = at;
  const zc = new Float64Array(buf, zOff, rows * k);
  const lc = new Float64Array(buf, lOff, rows);
  const oc = new Float64Array(buf, oOff, withOut ? rows * k : 0);
  eachChunk(n, rows, (r0, r1) => {
    const m = r1 - r0;
    zc.set(part(z, r0 * k, r1 * k));
    wk.logSumExp(zOff, lOff, withOut ? oOff : 0, sOff, m, k);
    lse.set(m === rows ? lc : lc.subarray(0, m), r0);
    if (out !== undefined) out.set(m === rows ? oc : oc.subarray(0, m * k), r0 * k);
    return -1;
  });
}
