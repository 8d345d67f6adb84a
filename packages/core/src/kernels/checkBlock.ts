import { LslabError } from '../errors.js';
import { checkInteger } from '../validate/numbers.js';

/** The largest count or offset a kernel takes (2^31 − 1: every block must fit one typed array). */
const MAX_INDEX = 2 ** 31 - 1;

/**
 * @internal Checks a kernel's count or offset: an integer in [min, 2^31 − 1].
 *
 * @param fn - the kernel the caller called
 * @param name - the argument, as the caller wrote it
 * @param v - the value
 * @param min - its least value (0 for offsets and row counts, 1 for widths)
 * @returns `v`
 * @throws LslabError `E_RANGE` (`E_NOT_FINITE` for NaN or ±∞)
 */
export function checkIndex(fn: string, name: string, v: unknown, min: number): number {
  return checkInteger(fn, name, v, { min, max: MAX_INDEX });
}

/**
 * @internal Checks that `array` is a typed array of an allowed kind holding
 * `length` entries from `offset`. Only the shape is checked, in O(1): a
 * kernel computes with the numbers it is given (NaN in, NaN out).
 *
 * @param fn - the kernel the caller called
 * @param name - the argument, as the caller wrote it
 * @param array - the value
 * @param offset - where the block starts
 * @param length - entries the block needs
 * @param float32 - whether a Float32Array is accepted besides a Float64Array
 * @throws LslabError `E_SHAPE` for another type or a block past the end
 */
export function checkBlock(
  fn: string,
  name: string,
  array: unknown,
  offset: number,
  length: number,
  float32 = false,
): void {
  if (!(array instanceof Float64Array || (float32 && array instanceof Float32Array))) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `must be a Float64Array${float32 ? ' or a Float32Array' : ''}`,
      { argument: name },
    );
  }
  if (offset + length > array.length) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `has ${array.length} entries; the block needs ${length} from offset ${offset}`,
      { argument: name },
    );
  }
}

/**
 * @internal Refuses an output block that shares memory with an input block:
 * the kernels read their inputs while they write.
 *
 * @throws LslabError `E_SHAPE` naming `outName`
 */
export function checkApart(
  fn: string,
  outName: string,
  out: Float64Array,
  outOffset: number,
  outLength: number,
  input: Float64Array | Float32Array,
  inOffset: number,
  inLength: number,
): void {
  if (out.buffer !== input.buffer || outLength === 0 || inLength === 0) return;
  const o0 = out.byteOffset + outOffset * 8;
  const o1 = o0 + outLength * 8;
  const i0 = input.byteOffset + inOffset * input.BYTES_PER_ELEMENT;
  const i1 = i0 + inLength * input.BYTES_PER_ELEMENT;
  if (o0 < i1 && i0 < o1) {
    throw new LslabError('E_SHAPE', fn, 'shares memory with an input it is computed from', {
      argument: outName,
    });
  }
}
