import { wasmKernels } from './backend.js';
import { checkBlock, checkIndex } from './checkBlock.js';
import { chunkRows, eachChunk, layout } from './chunks.js';
import { tanhJs } from './tanhJs.js';

/**
 * tanh in place on `a[from..to)`, on WebAssembly SIMD where the engine has it
 * (a chunk at a time through the kernels' scratch memory), else in
 * JavaScript, with the same bits: a polynomial of IEEE basic operations
 * within 3 ulps of the correctly rounded value (see tanhJs.ts), so an MLP
 * trained with it gives the same numbers in every engine.
 *
 * Formula: tanh x = t/(t + 2) with t = e^{2x} − 1; ±0 and NaN are returned as
 * they are, |x| ≥ 22 gives ±1.
 *
 * @param a - the values, replaced by their tanh
 * @param from - first index, ≥ 0
 * @param to - one past the last index, ≤ a.length
 * @returns nothing; `a` holds the results
 * @throws LslabError `E_RANGE` for `from` or `to` that is not an integer with
 *   0 ≤ from ≤ to (`E_NOT_FINITE` for NaN), `E_SHAPE` for `a` not a Float64Array
 *   or `to` past its end
 * @example
 * const a = Float64Array.of(0, 0.5, 30);
 * tanhInPlace(a, 0, 3);
 * a; // Float64Array [0, 0.46211715726000974, 1]
 */
export function tanhInPlace(a: Float64Array, from: number, to: number): void {
  const fn = 'tanhInPlace';
  checkIndex(fn, 'from', from, 0);
  checkIndex(fn, 'to', to, from);
  checkBlock(fn, 'a', a, from, to - from);
  const wk = wasmKernels();
  if (wk === null || to <= from) {
    tanhJs(a, from, to);
    return;
  }
  const per = chunkRows(8);
  const { buf, at } = layout(wk, [per * 8]);
  const [xOff] = at;
  const xc = new Float64Array(buf, xOff, per);
  eachChunk(to - from, per, (e0, e1) => {
    const m = e1 - e0;
    const part = a.subarray(from + e0, from + e1);
    xc.set(part);
    wk.tanh(xOff, m);
    part.set(m === per ? xc : xc.subarray(0, m));
    return -1;
  });
}
