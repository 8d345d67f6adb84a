import { wasmKernels } from './backend.js';
import { checkApart, checkBlock, checkIndex } from './checkBlock.js';
import { layout } from './chunks.js';
import { addTransposeProductRowsJs, productRowsJs, type Rows } from './productJs.js';

export type { Rows } from './productJs.js';

/**
 * The dense product of the kernel layer: out = a·w + bias over a block of
 * rows, on WebAssembly SIMD (f64x2) where the engine has it, else in
 * JavaScript, with the same bits either way: every sum is formed in one fixed
 * order (see productJs.ts), so a model trained on either gives the same
 * numbers.
 *
 * Formula: out[oo + r·p + j] = bias_j + Σ_k a[ao + r·m + k]·w[k·p + j] for
 * r ∈ [0, rows), j ∈ [0, p), with bias 0 when undefined. The left operand may
 * be Float32 (widened exactly); w, bias and out are Float64, row-major.
 *
 * @param a - the left operand; its block starts at `ao` (rows × m)
 * @param ao - offset of the block's first entry in `a`
 * @param rows - rows of the block, ≥ 0
 * @param m - columns of a and rows of w, ≥ 1
 * @param w - the right operand, m × p
 * @param p - columns of w and out, ≥ 1
 * @param bias - p values added to every row, or undefined
 * @param out - receives the rows × p result from offset `oo`; must not overlap a
 * @param oo - offset of the result's first entry in `out`
 * @returns nothing; `out` holds the product
 * @throws LslabError `E_RANGE` for a count or offset that is not an integer in
 *   range (`E_NOT_FINITE` for NaN), `E_SHAPE` for an operand of another type, a
 *   block past its end, or an `out` that overlaps `a` or `w`; the numbers
 *   themselves are not checked (NaN in, NaN out)
 * @example
 * const out = new Float64Array(2);
 * productRows(Float64Array.of(1, 2), 0, 1, 2, Float64Array.of(3, 4, 5, 6), 2, undefined, out, 0);
 * out; // Float64Array [13, 16]
 */
export function productRows(
  a: Rows,
  ao: number,
  rows: number,
  m: number,
  w: Float64Array,
  p: number,
  bias: Float64Array | undefined,
  out: Float64Array,
  oo: number,
): void {
  const fn = 'productRows';
  checkIndex(fn, 'ao', ao, 0);
  checkIndex(fn, 'rows', rows, 0);
  checkIndex(fn, 'm', m, 1);
  checkIndex(fn, 'p', p, 1);
  checkIndex(fn, 'oo', oo, 0);
  checkBlock(fn, 'a', a, ao, rows * m, true);
  checkBlock(fn, 'w', w, 0, m * p);
  if (bias !== undefined) checkBlock(fn, 'bias', bias, 0, p);
  checkBlock(fn, 'out', out, oo, rows * p);
  checkApart(fn, 'out', out, oo, rows * p, a, ao, rows * m);
  checkApart(fn, 'out', out, oo, rows * p, w, 0, m * p);
  const wk = wasmKernels();
  if (wk === null || rows === 0) {
    productRowsJs(a, ao, rows, m, w, p, bias, out, oo);
    return;
  }
  // w and bias carry 16 bytes of padding: an odd last column is computed on a lane pair
  const { buf, at } = layout(wk, [rows * m * 8, m * p * 8 + 16, p * 8 + 16, rows * p * 8]);
  const [aOff, wOff, bOff, oOff] = at;
  new Float64Array(buf, aOff, rows * m).set(a.subarray(ao, ao + rows * m));
  new Float64Array(buf, wOff, m * p).set(m * p === w.length ? w : w.subarray(0, m * p));
  if (bias !== undefined) new Float64Array(buf, bOff, p).set(bias.subarray(0, p));
  wk.product(aOff, rows, m, wOff, p, bOff, bias === undefined ? 0 : 1, oOff);
  out.set(new Float64Array(buf, oOff, rows * p), oo);
}

/**
 * The transposed product of the kernel layer, which accumulates a dense
 * layer's weight and bias gradients: out += aᵀ·g and, when given, bias +=
 * the column sums of g, over a block of rows, on WebAssembly SIMD where the
 * engine has it, else in JavaScript, with the same bits (one fixed order of
 * sums, see productJs.ts). Nothing is cleared.
 *
 * Formula: out[k·p + j] += Σ_r a[ao + r·m + k]·g[go + r·p + j], bias_j += Σ_r
 * g[go + r·p + j], for r ∈ [0, rows), k ∈ [0, m), j ∈ [0, p).
 *
 * @param a - the layer's input; its block starts at `ao` (rows × m); Float32 is widened exactly
 * @param ao - offset of the block's first entry in `a`
 * @param rows - rows of the block, ≥ 0
 * @param m - columns of a (rows of out), ≥ 1
 * @param g - the gradient with respect to the layer's output; its block starts at `go` (rows × p)
 * @param go - offset of the block's first entry in `g`
 * @param p - columns of g and out, ≥ 1
 * @param out - the m × p weight gradient, added to
 * @param bias - the p bias gradients, added to, or undefined
 * @returns nothing; `out` and `bias` hold the sums
 * @throws LslabError `E_RANGE` for a count or offset that is not an integer in
 *   range (`E_NOT_FINITE` for NaN), `E_SHAPE` for an operand of another type, a
 *   block past its end, or an `out` that overlaps `a` or `g`; the numbers
 *   themselves are not checked (NaN in, NaN out)
 * @example
 * const out = new Float64Array(2);
 * const bias = new Float64Array(2);
 * addTransposeProductRows(Float64Array.of(2), 0, 1, 1, Float64Array.of(3, 4), 0, 2, out, bias);
 * [out, bias]; // [Float64Array [6, 8], Float64Array [3, 4]]
 */
export function addTransposeProductRows(
  a: Rows,
  ao: number,
  rows: number,
  m: number,
  g: Float64Array,
  go: number,
  p: number,
  out: Float64Array,
  bias: Float64Array | undefined,
): void {
  const fn = 'addTransposeProductRows';
  checkIndex(fn, 'ao', ao, 0);
  checkIndex(fn, 'rows', rows, 0);
  checkIndex(fn, 'm', m, 1);
  checkIndex(fn, 'go', go, 0);
  checkIndex(fn, 'p', p, 1);
  checkBlock(fn, 'a', a, ao, rows * m, true);
  checkBlock(fn, 'g', g, go, rows * p);
  checkBlock(fn, 'out', out, 0, m * p);
  if (bias !== undefined) checkBlock(fn, 'bias', bias, 0, p);
  checkApart(fn, 'out', out, 0, m * p, a, ao, rows * m);
  checkApart(fn, 'out', out, 0, m * p, g, go, rows * p);
  const wk = wasmKernels();
  if (wk === null || rows === 0) {
    addTransposeProductRowsJs(a, ao, rows, m, g, go, p, out, bias);
    return;
  }
  // g carries 16 bytes of padding: an odd last column is computed on a lane pair
  const { buf, at } = layout(wk, [rows * m * 8, rows * p * 8 + 16, m * p * 8, p * 8]);
  const [aOff, gOff, oOff, bOff] = at;
  new Float64Array(buf, aOff, rows * m).set(a.subarray(ao, ao + rows * m));
  new Float64Array(buf, gOff, rows * p).set(g.subarray(go, go + rows * p));
  const o = new Float64Array(buf, oOff, m * p);
  o.set(out.subarray(0, m * p));
  const b = new Float64Array(buf, bOff, p);
  if (bias !== undefined) b.set(bias.subarray(0, p));
  wk.addTransposeProduct(aOff, rows, m, gOff, p, oOff, bOff, bias === undefined ? 0 : 1);
  out.set(o);
  if (bias !== undefined) bias.set(b);
}
