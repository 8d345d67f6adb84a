import { confidencePenalty } from '../../confidencePenalty.js';
import type { Matrix } from '../../matrix.js';
import { softmaxCrossEntropy } from '../../softmaxCrossEntropy.js';
import { rowTerms as terms } from './rowTerms.js';

const Y = 0;
/** @internal The far end of the path z_1 → −∞, and the height of the vertex z_y. */
export const FAR = 40;

/**
 * @internal KL(p‖u) read off the exported confidence penalty, independently of
 * the log-softmax terms: with β = 1 its loss is CE + KL(p‖u) − ln K, so
 * KL(p‖u) = penalty − CE (fused kernel) + ln K.
 */
export function klPUFromPenalty(m: Matrix): number {
  const penalty = confidencePenalty(m, [Y], 1, { reduction: 'sum' }).loss;
  const ce = softmaxCrossEntropy(m, [Y], { reduction: 'sum' }).loss;
  return penalty - ce + Math.log(m.cols);
}

/**
 * @internal The path z = (0, …, z_1, …, 0) with z_1 from 0 to −FAR (one class
 * starved of mass): both divergences along it, KL(u‖p) at −FAR and its slope
 * per unit of −z_1, KL(p‖u) from the penalty along it and near the vertex z_y = FAR.
 */
export function starvedPath(K: number) {
  const rows: object[] = [];
  const klPU: number[] = [];
  const z = new Float64Array(K);
  const m: Matrix = { rows: 1, cols: K, data: z };
  for (let i = 0; i <= 4 * FAR; i++) {
    z[1] = -i / 4;
    const s = terms(z);
    klPU.push(klPUFromPenalty(m));
    rows.push({ z1: z[1], divergence: 'KL(u‖p) (label smoothing)', value: s.klUP });
    rows.push({ z1: z[1], divergence: 'KL(p‖u) (confidence penalty)', value: s.klPU });
    rows.push({ z1: z[1], divergence: 'ln K', value: Math.log(K) });
  }
  z[1] = -FAR;
  const far = terms(z).klUP;
  z[1] = -FAR - 1;
  const slope = terms(z).klUP - far;
  z.fill(0);
  z[Y] = FAR;
  const vertex = klPUFromPenalty(m);
  klPU.push(vertex);
  return { rows, klPU, far, slope, vertex };
}
