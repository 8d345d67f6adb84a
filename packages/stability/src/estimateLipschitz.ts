import { createRng, type Rng, type SmoothingConvention, smoothLabels, softmax } from '@lslab/core';
import {
  checkAlpha,
  checkConvention,
  checkInteger,
  checkNumClasses,
  checkOption,
  checkOptions,
  checkRng,
  checkSeed,
} from '@lslab/core/validate';
import { type LipschitzNorm, NORMS, vectorNorm } from './internal/norms.js';

/** Options of {@link estimateLipschitz}. */
export interface EstimateLipschitzOptions {
  /** `'l2'` (default), `'l1'` or `'linf'`. */
  norm?: LipschitzNorm;
  /** `'uniform'` (default) or `'others'`. */
  convention?: SmoothingConvention;
  /** Random logit vectors to try, an integer in [0, 1e6]; default 1000. */
  samples?: number;
  /** Generator of the random search; default `createRng(seed)`. */
  rng?: Rng;
  /** Seed used when no `rng` is given; default 0. */
  seed?: number;
}

/** What {@link estimateLipschitz} found. */
export interface LipschitzEstimate {
  /** max(vertices, search): the estimate of sup ‖p − q‖. */
  estimate: number;
  /** max over the K vertices e_j of ‖e_j − q‖ (the closure of softmax's range). */
  vertices: number;
  /** max over the random logits z of ‖softmax(z) − q‖ (−∞ when `samples` is 0). */
  search: number;
  /** The vertex j that gave `vertices` (lowest index on ties). */
  vertex: number;
}

const MAX_SAMPLES = 1_000_000;

/**
 * Estimates sup over the simplex of ‖p − q‖ by brute force, independently of
 * the closed form `lossLipschitz`: it measures ‖e_j − q‖ at every vertex e_j
 * (q the smoothed target of class 0) and ‖softmax(z) − q‖ for `samples`
 * random logit vectors z = s·g, g ~ N(0, I_K), with the scale s = e^{6u},
 * u ~ U(0, 1), so that points from the centre (s ≈ 1) to the corners
 * (s ≈ 400) of the simplex are tried. Every point is in the simplex, so the
 * estimate never exceeds the supremum by more than the rounding of a K-term
 * norm; the search alone approaches it from below.
 *
 * @param alpha - smoothing α ∈ [0, 1]
 * @param numClasses - K, an integer ≥ 2
 * @param options - see {@link EstimateLipschitzOptions}
 * @returns the estimate with its two parts
 * @throws LslabError `E_RANGE`, `E_NOT_FINITE`, `E_OPTION` for bad α, K, options
 * @see [C11.lipschitz.md](../../../docs/theory/C11.lipschitz.md): the closed form this estimate checks
 * @example
 * const e = estimateLipschitz(0.1, 10, { samples: 2000, seed: 1 });
 * e.vertices; // 1.3449907062875483 = lossLipschitz(0.1, 10), at vertex 1
 * e.search;   // a little below it, approaching from inside the simplex
 */
export function estimateLipschitz(
  alpha: number,
  numClasses: number,
  options?: EstimateLipschitzOptions,
): LipschitzEstimate {
  const fn = 'estimateLipschitz';
  const o = checkOptions<EstimateLipschitzOptions>(fn, options, [
    'norm',
    'convention',
    'samples',
    'rng',
    'seed',
  ]);
  checkAlpha(fn, alpha);
  const k = checkNumClasses(fn, numClasses);
  const norm = checkOption(fn, 'options.norm', o.norm ?? 'l2', NORMS);
  const convention = checkConvention(fn, o.convention);
  const samples = checkInteger(fn, 'options.samples', o.samples ?? 1000, {
    min: 0,
    max: MAX_SAMPLES,
  });
  let rng: Rng;
  if (o.rng !== undefined) rng = checkRng(fn, 'options.rng', o.rng);
  else rng = createRng(checkSeed(fn, 'options.seed', o.seed ?? 0));
  const q = smoothLabels([0], k, alpha, { convention }).data;
  const d = new Float64Array(k);
  let vertices = -Infinity;
  let vertex = 0;
  for (let j = 0; j < k; j++) {
    for (let c = 0; c < k; c++) d[c] = (c === j ? 1 : 0) - q[c];
    const v = vectorNorm(d, norm);
    if (v > vertices) {
      vertices = v;
      vertex = j;
    }
  }
  let search = -Infinity;
  const z = new Float64Array(k);
  for (let s = 0; s < samples; s++) {
    const scale = Math.exp(6 * rng.uniform());
    for (let c = 0; c < k; c++) z[c] = scale * rng.normal();
    const p = softmax(z);
    for (let c = 0; c < k; c++) d[c] = p[c] - q[c];
    search = Math.max(search, vectorNorm(d, norm));
  }
  return { estimate: Math.max(vertices, search), vertices, search, vertex };
}
