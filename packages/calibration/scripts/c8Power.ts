// The power calculation behind the test-set size of claim C8's well-specified
// regime (docs/theory/C8.smoothing-calibration.md, "Sizing the experiment").
// Under the theory's population model the hard-label model predicts η(x) (it is
// calibrated) and the smoothed one (1 − α)·η(x) + α/K. For each test size n the
// script draws test sets from the regime's true weights (seed 1) on a stream of
// its own, measures ECE(smoothed) − ECE(hard), plug-in and debiased, and
// reports its mean, its standard deviation and the power Φ(mean/sd − 1.96) of
// a 95 % interval excluding 0. The true weights W ~ N(0, 1) are a draw of the
// design, so the calculation is repeated for the W of seeds 1–5 and the test
// size is the smallest that gives 80 % power for all of them.
// Run: npx tsx scripts/c8Power.ts
import { createRng } from '@lslab/core';
import { softmaxData } from '@lslab/models';
import { wellSpecifiedData } from '../src/claims/C8.smoothing-calibration/regimes.ts';
import { c8SmoothingCalibration as claim } from '../src/claims/index.ts';
import { expectedCalibrationError } from '../src/index.ts';

const p = claim.defaults;
const { alpha, numClasses: K, wellDim: dim, bins } = p;
const shrink = (eta: Float64Array) => eta.map((q) => (1 - alpha) * q + alpha / K);
const REPLICATES = 200;
const SIZES = [1000, 2000, 3000, 4000, 5000, 6000];

const Phi = (z: number) => 0.5 * (1 + erf(z / Math.SQRT2));
function erf(x: number): number {
  // Abramowitz & Stegun 7.1.26, |error| < 1.5e-7.
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const poly = (((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t;
  const y = 1 - (poly + 0.254829592) * t * Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

for (const seed of [1, 2, 3, 4, 5]) {
  const root = createRng(seed);
  const train = wellSpecifiedData(root.derive('data:well-specified'), p).train;
  const weights = (train as ReturnType<typeof softmaxData>).truth.weights;
  const sim = root.derive('power calculation');
  // Population effect α·E[η_max − 1/K] on 2·10⁵ rows.
  const big = softmaxData(sim, { n: 200_000, dim, numClasses: K, weights }).truth.probabilities;
  let etaMax = 0;
  for (let i = 0; i < big.rows; i++) etaMax += Math.max(...big.data.subarray(i * K, (i + 1) * K));
  etaMax /= big.rows;
  const delta = alpha * (etaMax - 1 / K);
  console.log(
    `seed ${seed}: E[η_max] = ${etaMax.toFixed(3)}, population ΔECE = ${delta.toFixed(4)}`,
  );
  for (const n of SIZES) {
    const sum = [0, 0];
    const sq = [0, 0];
    for (let r = 0; r < REPLICATES; r++) {
      const d = softmaxData(sim, { n, dim, numClasses: K, weights });
      const eta = d.truth.probabilities;
      const smooth = { rows: n, cols: K, data: shrink(eta.data as Float64Array) };
      [false, true].forEach((debias, j) => {
        const v =
          expectedCalibrationError(smooth, d.y, { bins, debias }).value -
          expectedCalibrationError(eta, d.y, { bins, debias }).value;
        sum[j] += v;
        sq[j] += v * v;
      });
    }
    const cells = ['plug-in', 'debiased'].map((name, j) => {
      const mean = sum[j] / REPLICATES;
      const sd = Math.sqrt(sq[j] / REPLICATES - mean * mean);
      const power = (100 * Phi(mean / sd - 1.96)).toFixed(0);
      return `${name} ${mean.toFixed(4)} ± ${sd.toFixed(4)}, power ${power} %`;
    });
    console.log(`  n = ${n}: ${cells.join(' | ')}`);
  }
}
