import {
  convertSmoothing,
  fromRows,
  logSumExp,
  optimalLogitGap,
  smoothLabels,
  softmaxCrossEntropy,
  toRows,
} from '@lslab/core';

// Two samples, three classes.
const logits = fromRows([
  [2, 0, 0],
  [0.5, 1.5, -1],
]);
const labels = [0, 1];

// PyTorch: F.cross_entropy(logits, labels, label_smoothing=0.1)
const { loss, grad } = softmaxCrossEntropy(logits, labels, { labelSmoothing: 0.1 });
console.log(loss);
// 0.43054189903728374

// The gradient (p − q)/N, one row per sample.
for (const row of toRows(grad)) console.log(row.join(' '));
// -0.07317364558586742 0.03658682279293371 0.03658682279293371
// 0.11019142415084596 -0.12183062360441492 0.01163919945356898

// Class weights and an ignored row, as in PyTorch (ignoreIndex has no default).
const weighted = softmaxCrossEntropy(logits, [0, -100], {
  weight: [1, 2, 4],
  ignoreIndex: -100,
  labelSmoothing: 0.1,
});
console.log(weighted.loss);
// 0.6714840683848025

// The smoothed targets, in both conventions.
console.log(Array.from(smoothLabels([1], 3, 0.1).data));
// [ 0.03333333333333333, 0.9333333333333333, 0.03333333333333333 ]
console.log(Array.from(smoothLabels([1], 3, 0.1, { convention: 'others' }).data));
// [ 0.05, 0.9, 0.05 ]
console.log(convertSmoothing(0.1, 3, 'others', 'uniform'));
// 0.15000000000000002

// Finite at any scale, and the closed form of the optimal logit gap (ln 91).
console.log(logSumExp([1e300, 1e300]));
// 1e+300
console.log(optimalLogitGap(0.1, 10));
// 4.51085950651685
