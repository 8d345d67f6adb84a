import { LslabError, type Matrix, softmax } from '@lslab/core';
import { checkLogits, checkPositive } from './internal/checkLogits.js';

/** Options of {@link applyTemperature}. */
export interface ApplyTemperatureOptions {
  /** `'logits'` (default) returns z/T; `'probabilities'` returns softmax(z/T). */
  output?: 'logits' | 'probabilities';
}

const FN = 'applyTemperature';

/**
 * Scales logits by a temperature: z/T, or the probabilities softmax(z/T) with
 * `output: 'probabilities'`. T > 1 softens (lower confidence), T < 1 sharpens;
 * the argmax of every row is unchanged. Use with the T of {@link fitTemperature}.
 *
 * @param logits - N×K finite logits (K ≥ 2, N ≥ 1)
 * @param temperature - T, a finite number > 0
 * @param options - `output`: `'logits'` (default) or `'probabilities'`
 * @returns a new Float64 N×K Matrix
 * @throws LslabError `E_SHAPE`, `E_EMPTY`, `E_NOT_FINITE` (logits or T), `E_RANGE` (T ≤ 0), `E_OPTION`
 * @example
 * applyTemperature(fromRows([[2, 0]]), 2).data; // Float64Array [1, 0]
 * applyTemperature(fromRows([[Math.log(9), 0]]), 2, { output: 'probabilities' }).data;
 * // Float64Array [0.75, 0.25]   (softmax([ln 3, 0]))
 */
export function applyTemperature(
  logits: Matrix,
  temperature: number,
  options: ApplyTemperatureOptions = {},
): Matrix {
  checkLogits(FN, logits);
  const t = checkPositive(FN, 'temperature', temperature);
  const output = options.output ?? 'logits';
  if (output !== 'logits' && output !== 'probabilities') {
    throw new LslabError('E_OPTION', FN, "must be 'logits' or 'probabilities'", {
      argument: 'options.output',
      value: output,
    });
  }
  const { rows, cols, data } = logits;
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < out.length; i++) out[i] = data[i] / t;
  const scaled: Matrix = { rows, cols, data: out };
  return output === 'probabilities' ? softmax(scaled) : scaled;
}
