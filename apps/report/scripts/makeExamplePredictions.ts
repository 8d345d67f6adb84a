// Writes examples/predictions/{overconfident,calibrated}.csv: held-out
// predictions of two models of @lslab/models, one over-confident and one well
// calibrated, as in the two synthetic regimes of C8. Columns: label, then the
// probability of each class (p_a, p_b, p_c). Deterministic (fixed seeds).
// Run from apps/report after a build: npx tsx scripts/makeExamplePredictions.ts
import { writeFileSync } from 'node:fs';
import type { Matrix } from '@lslab/core';
import {
  createRng,
  gradientDescent,
  newton,
  overparameterized,
  softmaxData,
  softmaxRegression,
  train,
} from '@lslab/models';

const CLASSES = ['a', 'b', 'c'];
const TEST_N = 1000;

function csv(probs: Matrix, labels: ArrayLike<number>): string {
  const lines = [['label', ...CLASSES.map((c) => `p_${c}`)].join(',')];
  for (let i = 0; i < probs.rows; i++) {
    const row = Array.from(probs.data.subarray(i * probs.cols, (i + 1) * probs.cols), String);
    lines.push([CLASSES[labels[i]], ...row].join(','));
  }
  return `${lines.join('\n')}\n`;
}

// Over-confident: 80 training rows in 160 dimensions, hard labels, gradient
// descent until every training label is fitted and the weights keep growing.
const over = overparameterized(createRng(11), {
  n: 80,
  dim: 160,
  numClasses: 3,
  nTest: TEST_N,
  informative: 5,
});
const overModel = softmaxRegression({ inputDim: 160, numClasses: 3 });
train(overModel, over.train.x, over.train.y, {
  optimizer: gradientDescent({ learningRate: 0.1 }),
  steps: 300,
  log: { every: 300 },
});

// Well calibrated: 3,000 rows of a softmax model in 5 dimensions, fitted to its
// exact optimum by Newton's method (the true model class).
const rng = createRng(12);
const testRng = rng.split();
const well = softmaxData(rng, { n: 3000, dim: 5, numClasses: 3 });
const wellTest = softmaxData(testRng, {
  n: TEST_N,
  dim: 5,
  numClasses: 3,
  weights: well.truth.weights,
});
const wellModel = softmaxRegression({ inputDim: 5, numClasses: 3, bias: false });
newton(wellModel, well.x, well.y);

const dir = new URL('../../../examples/predictions/', import.meta.url);
writeFileSync(
  new URL('overconfident.csv', dir),
  csv(overModel.predictProba(over.test.x), over.test.y),
);
writeFileSync(new URL('calibrated.csv', dir), csv(wellModel.predictProba(wellTest.x), wellTest.y));
