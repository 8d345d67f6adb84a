import { expectedCalibrationError } from '@lslab/calibration';
import { fromRows, optimalLogitGap, softmax, softmaxCrossEntropy } from '@lslab/core';

const logits = fromRows([
  [2, 0, -1],
  [0.5, 1.5, 0],
  [0, 0, 3],
]);
const labels = [0, 1, 0];

// the number PyTorch's F.cross_entropy(logits, labels, label_smoothing=0.1) gives
console.log(softmaxCrossEntropy(logits, labels, { labelSmoothing: 0.1 }).loss); // 1.2930459200283975

// the optimal logit gap with smoothing: finite, ln(1 + K(1−α)/α) = ln 91
console.log(optimalLogitGap(0.1, 10)); // 4.51085950651685

// calibration of the predictions: top-label ECE over 10 equal-width bins
console.log(expectedCalibrationError(softmax(logits), labels, { bins: 10 }).value); // 0.4790388482732133
