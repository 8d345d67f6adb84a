import {
  applyTemperature,
  bootstrap,
  expectedCalibrationError,
  fitTemperature,
  reliabilityDiagram,
} from '@lslab/calibration';
import { fromRows, type Matrix, softmax } from '@lslab/core';

// Over-confident logits: every row puts 4 on its argmax, which is right half the time.
const logits = fromRows([
  [4, 0, 0],
  [0, 4, 0],
  [0, 0, 4],
  [4, 0, 0],
  [0, 4, 0],
  [0, 0, 4],
]);
const labels = [0, 1, 2, 1, 2, 0];

// Temperature scaling: fit T on held-out logits, then rescale.
const fit = fitTemperature(logits, labels);
console.log(fit.temperature, fit.status, fit.nllBefore, fit.nllAfter);
// 5.7707801635558535 optimum 2.0359762997481927 1.0397207708399179
console.log(
  applyTemperature(logits, fit.temperature, { output: 'probabilities' }).data.subarray(0, 3),
);
// Float64Array(3) [ 0.5, 0.25, 0.25 ]

// A seeded 95 % percentile interval for any metric (1000 resamples by default).
const probs = softmax(logits);
const ece5 = (p: Matrix, y: Float64Array) => expectedCalibrationError(p, y, { bins: 5 }).value;
const ci = bootstrap(ece5, probs, labels, { seed: 1 }).interval();
console.log(ci.estimate, ci.lower, ci.upper);
// 0.4646631559719038 0.1313298226385704 0.7979964893052371

// Paired: several models on the same resampled rows, and their difference.
// (a model here is a vector of p(y = 1); the metric receives it as a Float64Array)
const mean = (p: Float64Array) => p.reduce((a, b) => a + b, 0) / p.length;
const paired = bootstrap(
  mean,
  [
    [0.1, 0.2, 0.3],
    [0.2, 0.3, 0.4],
  ],
  [0, 1, 0],
);
const diff = paired.difference(0, 1);
console.log(diff.estimate, diff.lower, diff.upper, diff.fractionLess);
// -0.09999999999999995 -0.10000000000000009 -0.09999999999999995 1

// Reliability-diagram rows for Vega-Lite, with bootstrap bands on the accuracy.
const { rows } = reliabilityDiagram(probs, labels, { bins: 5, seed: 1 });
for (const r of rows.filter((row) => row.count > 0)) {
  console.log(r.lo, r.hi, r.count, r.confidence, r.accuracy, r.lower, r.upper);
  // 0.8 1 6 0.9646631559719038 0.5 0.16666666666666666 0.8333333333333334
}
