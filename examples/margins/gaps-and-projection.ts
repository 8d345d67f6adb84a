import { fromRows } from '@lslab/core';
import { logitGaps, marginSummary, scatterRatio, templateProjection } from '@lslab/margins';

const logits = fromRows([
  [2, 0, -1],
  [0, 3, 1],
  [1.2, 0.4, 2.5],
]);
const labels = [0, 1, 2];

// z_y − z_k for the wrong classes, in class order, row by row.
console.log(Array.from(logitGaps(logits, labels).data));
// [ 2, 3, 3, 2, 1.3, 2.1 ]

// Per sample: the smallest gap and the variance of the gaps across wrong classes.
const s = marginSummary(logits, labels);
console.log(Array.from(s.min), Array.from(s.variance));
// [ 2, 2, 1.3 ] [ 0.25, 0.25, 0.16000000000000003 ]
console.log(Array.from(s.quantiles.min).join(' '));
// 1.3 1.37 1.65 2 2 2 2

// Activations projected onto the plane of the templates of classes 0, 1, 2.
const weights = fromRows([
  [1, 0, -1],
  [0, 1, -1],
]);
const x = fromRows([
  [2, 0.5],
  [0.4, 1.8],
  [-1.5, -1.2],
  [1.6, 0.2],
]);
const { points } = templateProjection(x, weights, [0, 0, 0.5], [0, 1, 2]);
console.log(Array.from(points.data, (v) => v.toFixed(4)).join(' '));
// -1.0607 -1.4912 0.9899 -1.2847 0.2121 2.0877 -0.9899 -1.0094
const scatter = scatterRatio(points, [0, 1, 2, 0]);
console.log(scatter.within, scatter.between, scatter.ratio);
// 0.029638157894736845 2.840625 0.010433674946442014
