import { LslabError, type Matrix } from '@lslab/core';
import { checkOption, checkOptions, checkPositive } from '@lslab/core/validate';
import { checkLogits } from './internal/checkLogits.js';

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
 * Probabilities are computed in the log domain, p_ij = exp((z_ij − m_i)/T) /
 * Σ_k exp((z_ik − m_i)/T) with m_i the row maximum, so they are exact to
 * rounding for every finite z and every T > 0, even where z/T itself
 * overflows (T = 1e-320 gives the one-hot argmax rows, ties shared; logits
 * spanning ±1e308 give the exact 0 and 1).
 *
 * @param logits - N×K finite logits (K ≥ 2, N ≥ 1)
 * @param temperature - T, a finite number > 0
 * @param options - `output`: `'logits'` (default) or `'probabilities'`
 * @returns a new Float64 N×K Matrix
 * @throws LslabError `E_SHAPE`, `E_EMPTY`, `E_NOT_FINITE` (logits or T), `E_RANGE`
 *   (T ≤ 0; with `output: 'logits'`, a z/T beyond ±1.8e308), `E_OPTION`
 * @example
 * applyTemperature(fromRows([[2, 0]]), 2).data; // Float64Array [1, 0]
 * applyTemperature(fromRows([[Math.log(9), 0]]), 2, { output: 'probabilities' }).data;
 * // Float64Array [0.75, 0.25]   (softmax([ln 3, 0]))
 * applyTemperature(fromRows([[1, 0]]), 1e-320, { output: 'probabilities' }).data;
 * // Float64Array [1, 0]
 */
export function applyTemperature(
  logits: Matrix,
  temperature: number,
  options?: ApplyTemperatureOptions,
): Matrix {
  const o = checkOptions<ApplyTemperatureOptions>(FN, options, ['output']);
  const output = checkOption(FN, 'options.output', o.output ?? 'logits', [
    'logits',
    'probabilities',
  ]);
  const { rowMax } = checkLogits(FN, logits);
  const t = checkPositive(FN, 'temperature', temperature);
  const { rows, cols, data } = logits;
  const out = new Float64Array(rows * cols);
  if (output === 'logits') {
    for (let i = 0; i < out.length; i++) {
      out[i] = data[i] / t;
      if (!Number.isFinite(out[i])) {
        throw new LslabError(
          'E_RANGE',
          FN,
          `z/T = ${data[i]}/${t} overflows float64; ask for output: 'probabilities'`,
          {
            argument: 'temperature',
            value: t,
          },
        );
      }
    }
    return { rows, cols, data: out };
  }
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) {
      // z − m may be −∞ (logits spanning ±1e308): exp(−∞) = 0 is the exact limit.
      const e = Math.exp((data[i * cols + j] - rowMax[i]) / t);
      out[i * cols + j] = e;
      s += e;
    }
    for (let j = 0; j < cols; j++) out[i * cols + j] /= s;
  }
  return { rows, cols, data: out };
}
