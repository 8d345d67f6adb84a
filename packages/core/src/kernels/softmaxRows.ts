import { align, reserve, wasmKernels } from './backend.js';
import { logSumExpJs, softmaxJs } from './fallback.js';

// The softmax family on n×k finite values, in WebAssembly when the engine has
// SIMD, else in JavaScript, with the same bits.

/** @internal Row-wise softmax into out (Float64, n·k). */
export function softmaxRows(z: ArrayLike<number>, out: Float64Array, n: number, k: number): void {
  const wk = wasmKernels();
  if (wk === null) {
    softmaxJs(z, out, n, k);
    return;
  }
  const nk = n * k;
  const zOff = 16;
  const oOff = align(zOff + nk * 8);
  const buf = reserve(wk, oOff + nk * 8);
  new Float64Array(buf, zOff, nk).set(z);
  wk.softmax(zOff, oOff, n, k);
  out.set(new Float64Array(buf, oOff, nk));
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
  const nk = n * k;
  const zOff = 16;
  const lOff = align(zOff + nk * 8);
  const sOff = align(lOff + n * 8);
  const oOff = align(sOff + k * 8);
  const buf = reserve(wk, oOff + (out === undefined ? 0 : nk * 8));
  new Float64Array(buf, zOff, nk).set(z);
  wk.logSumExp(zOff, lOff, out === undefined ? 0 : oOff, sOff, n, k);
  lse.set(new Float64Array(buf, lOff, n));
  if (out !== undefined) out.set(new Float64Array(buf, oOff, nk));
}
