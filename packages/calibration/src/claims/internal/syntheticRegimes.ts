import {
  createRng,
  gradientDescent,
  newton,
  overparameterized,
  softmaxData,
  softmaxRegression,
  train,
} from '@lslab/models';
import type { ExperimentPredictions } from './evaluateExperiment.js';

/** @internal Sizes of the two synthetic regimes. */
export interface RegimeSizes {
  seed: number;
  alphas: readonly number[];
  numClasses: number;
  overN: number;
  overDim: number;
  overSteps: number;
  wellN: number;
  wellDim: number;
  validationN: number;
  testN: number;
}

/**
 * @internal The over-confident regime: n training rows in d > n dimensions of
 * a softmax model whose signal sits in 5 columns (`overparameterized`), a
 * softmax regression with bias and no penalty, full-batch gradient descent
 * (η = 0.1) for a fixed number of steps from zero — enough to fit every
 * training label, so hard labels keep growing the weights. Validation and
 * test rows come from the same true weights.
 */
export function overconfidentRegime(s: RegimeSizes): ExperimentPredictions {
  const rng = createRng(s.seed);
  const valRng = rng.split();
  const { train: tr, test } = overparameterized(rng, {
    n: s.overN,
    dim: s.overDim,
    numClasses: s.numClasses,
    nTest: s.testN,
    informative: 5,
  });
  const val = softmaxData(valRng, {
    n: s.validationN,
    dim: s.overDim,
    numClasses: s.numClasses,
    weights: tr.truth.weights,
  });
  const models = s.alphas.map((alpha) => {
    const m = softmaxRegression({
      inputDim: s.overDim,
      numClasses: s.numClasses,
      loss: { labelSmoothing: alpha },
    });
    train(m, tr.x, tr.y, {
      optimizer: gradientDescent({ learningRate: 0.1 }),
      steps: s.overSteps,
      log: { every: s.overSteps },
    });
    return m;
  });
  return {
    name: 'over-confident',
    alphas: s.alphas,
    testProbs: models.map((m) => m.predictProba(test.x)),
    testLabels: test.y,
    hardValidationLogits: models[0].forward(val.x),
    validationLabels: val.y,
    hardTestLogits: models[0].forward(test.x),
  };
}

/**
 * @internal The well-specified regime: many rows in few dimensions of a
 * softmax model (`softmaxData`, W ~ N(0, 1)), a softmax regression without
 * bias (the true model class) fitted to its exact optimum by Newton's method.
 */
export function wellSpecifiedRegime(s: RegimeSizes): ExperimentPredictions {
  const rng = createRng(s.seed + 1);
  const valRng = rng.split();
  const testRng = rng.split();
  const tr = softmaxData(rng, { n: s.wellN, dim: s.wellDim, numClasses: s.numClasses });
  const draw = (r: typeof rng, n: number) =>
    softmaxData(r, { n, dim: s.wellDim, numClasses: s.numClasses, weights: tr.truth.weights });
  const val = draw(valRng, s.validationN);
  const test = draw(testRng, s.testN);
  const models = s.alphas.map((alpha) => {
    const m = softmaxRegression({
      inputDim: s.wellDim,
      numClasses: s.numClasses,
      bias: false,
      loss: { labelSmoothing: alpha },
    });
    newton(m, tr.x, tr.y);
    return m;
  });
  return {
    name: 'well-specified',
    alphas: s.alphas,
    testProbs: models.map((m) => m.predictProba(test.x)),
    testLabels: test.y,
    hardValidationLogits: models[0].forward(val.x),
    validationLabels: val.y,
    hardTestLogits: models[0].forward(test.x),
  };
}
