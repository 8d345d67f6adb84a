import {
  brierDecomposition,
  brierScore,
  createCalibrationAccumulator,
  expectedCalibrationError,
  ksCalibrationError,
  negativeLogLikelihood,
  overUnderConfidence,
  smoothCalibrationError,
} from '@lslab/calibration';
import { fromRows, matrix, softmax } from '@lslab/core';

// Six predictions over three classes (logits go through softmax first).
const probs = softmax(
  fromRows([
    [2.0, 0.5, -1.0],
    [0.1, 0.3, 0.2],
    [3.0, -1.0, 0.0],
    [-0.5, 1.5, 0.2],
    [1.0, 1.0, 1.2],
    [0.0, 2.5, 0.5],
  ]),
);
const labels = [0, 2, 0, 2, 0, 1];

const ece = expectedCalibrationError(probs, labels, { bins: 5 });
console.log(ece.value);
// 0.2474267743778814

// The non-empty bins: [lo, hi), count, mean confidence, accuracy.
for (const b of ece.bins.filter((bin) => bin.count > 0)) {
  console.log(b.lo, b.hi, b.count, b.confidence, b.accuracy);
  // 0.2 0.4 2 0.3731589271024571 0
  // 0.6 0.8 2 0.7479456817020029 0.5
  // 0.8 1 2 0.8788242856708158 1
}

// MCE, RMSCE and classwise ECE over the same bins.
console.log(expectedCalibrationError(probs, labels, { bins: 5, norm: 'max' }).value);
// 0.3731589271024571
console.log(expectedCalibrationError(probs, labels, { bins: 5, norm: 'l2' }).value);
// 0.2679603202553915
console.log(expectedCalibrationError(probs, labels, { bins: 5, scope: 'classwise' }).value);
// 0.1937638848297969
const split = overUnderConfidence(probs, labels, { bins: 5 });
console.log(split.overconfidence, split.underconfidence);
// 0.20703486960148668 0.04039190477639472
console.log(ksCalibrationError(probs, labels));
// 0.24276869716994068
const sm = smoothCalibrationError(probs, labels);
console.log(sm.value, sm.sigma);
// 0.17715233730400218 0.1771523356437683
console.log(brierScore(probs, labels), negativeLogLikelihood(probs, labels));
// 0.4473943879650915 0.7362941494430445
const d = brierDecomposition(probs, labels, { bins: 5 });
console.log(d.reliability, d.resolution, d.uncertainty, d.residual, d.score);
// 0.17634709066395088 0.3194444444444445 0.6111111111111112 -0.020619369365525966 0.4473943879650915

// Binary problems: a vector of p(y = 1) scores the positive class.
console.log(expectedCalibrationError([0.1, 0.4, 0.8, 0.9], [0, 1, 1, 1], { bins: 2 }).value);
// 0.19999999999999996

// Streaming: add batches (or merge shards), then read every metric at once.
const shardA = createCalibrationAccumulator({ bins: 5, numClasses: 3 });
const shardB = createCalibrationAccumulator({ bins: 5, numClasses: 3 });
shardA.add(matrix(3, 3, probs.data.subarray(0, 9)), labels.slice(0, 3));
shardB.add(matrix(3, 3, probs.data.subarray(9)), labels.slice(3));
const r = shardA.merge(shardB).result();
console.log(r.ece, r.mce, r.rmsce, r.classwiseEce, r.brier, r.nll);
// 0.2474267743778814 0.3731589271024571 0.2679603202553915 0.1937638848297969 0.4473943879650916 0.7362941494430445
