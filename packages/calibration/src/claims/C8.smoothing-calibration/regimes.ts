import type { Matrix, Rng } from '@lslab/core';
import {
  type Dataset,
  gradientDescent,
  newton,
  overparameterized,
  softmaxData,
  softmaxRegression,
  train,
} from '@lslab/models';
import type { ExperimentPredictions } from './evaluate.js';
import type { SmoothingCalibrationParams } from './params.js';

/** @internal The data of a regime: training, validation and test rows from the same true weights. */
export interface RegimeData {
  train: Dataset;
  validation: Dataset;
  test: Dataset;
}

/** @internal A softmax regression trained with label smoothing α (uniform convention). */
function smoothedSoftmax(inputDim: number, numClasses: number, alpha: number, bias: boolean) {
  return softmaxRegression({ inputDim, numClasses, bias, loss: { labelSmoothing: alpha } });
}

/** @internal One softmax regression per α, fitted by `fit`; its held-out predictions. */
function predictions(
  name: string,
  alphas: readonly number[],
  data: RegimeData,
  fit: (alpha: number) => ReturnType<typeof softmaxRegression>,
): ExperimentPredictions {
  const models = alphas.map(fit);
  return {
    name,
    alphas,
    testProbs: models.map((m) => m.predictProba(data.test.x as Matrix)),
    testLabels: data.test.y,
    hardValidationLogits: models[0].forward(data.validation.x as Matrix),
    validationLabels: data.validation.y,
    hardTestLogits: models[0].forward(data.test.x as Matrix),
  };
}

/**
 * @internal The over-confident regime's data, from `rng` (the claim's
 * `derive('over-confident')` stream): n training rows in d > n dimensions of a
 * softmax model whose signal sits in 5 columns (`overparameterized`), and
 * validation rows from the same true weights on a split-off stream.
 */
export function overconfidentData(rng: Rng, p: SmoothingCalibrationParams): RegimeData {
  const valRng = rng.split();
  const { train: tr, test } = overparameterized(rng, {
    n: p.overN,
    dim: p.overDim,
    numClasses: p.numClasses,
    nTest: p.testN,
    informative: 5,
  });
  const validation = softmaxData(valRng, {
    n: p.validationN,
    dim: p.overDim,
    numClasses: p.numClasses,
    weights: tr.truth.weights,
  });
  return { train: tr, validation, test };
}

/**
 * @internal The over-confident regime: a softmax regression with bias and no
 * penalty per α, full-batch gradient descent (η = 0.1) for a fixed number of
 * steps from zero — enough to fit every training label, so hard labels keep
 * growing the weights.
 */
export function overconfidentRegime(
  rng: Rng,
  p: SmoothingCalibrationParams,
): ExperimentPredictions {
  const data = overconfidentData(rng, p);
  return predictions('over-confident', p.alphas, data, (alpha) => {
    const m = smoothedSoftmax(p.overDim, p.numClasses, alpha, true);
    train(m, data.train.x, data.train.y, {
      optimizer: gradientDescent({ learningRate: 0.1 }),
      steps: p.overSteps,
      log: { every: p.overSteps },
    });
    return m;
  });
}

/**
 * @internal The well-specified regime's data, from `rng` (the claim's
 * `derive('well-specified')` stream): many rows in few dimensions of a softmax
 * model (`softmaxData`, W ~ N(0, 1)); validation and test rows from the same
 * W on split-off streams. `truth.probabilities` of the test rows is η(x).
 */
export function wellSpecifiedData(
  rng: Rng,
  p: Pick<SmoothingCalibrationParams, 'wellN' | 'wellDim' | 'numClasses' | 'validationN' | 'testN'>,
): RegimeData & { test: ReturnType<typeof softmaxData> } {
  const valRng = rng.split();
  const testRng = rng.split();
  const tr = softmaxData(rng, { n: p.wellN, dim: p.wellDim, numClasses: p.numClasses });
  const draw = (r: Rng, n: number) =>
    softmaxData(r, { n, dim: p.wellDim, numClasses: p.numClasses, weights: tr.truth.weights });
  return { train: tr, validation: draw(valRng, p.validationN), test: draw(testRng, p.testN) };
}

/**
 * @internal The well-specified regime: a softmax regression without bias (the
 * true model class) per α, fitted to its exact optimum by Newton's method.
 */
export function wellSpecifiedRegime(
  rng: Rng,
  p: SmoothingCalibrationParams,
): ExperimentPredictions {
  const data = wellSpecifiedData(rng, p);
  return predictions('well-specified', p.alphas, data, (alpha) => {
    const m = smoothedSoftmax(p.wellDim, p.numClasses, alpha, false);
    newton(m, data.train.x, data.train.y);
    return m;
  });
}
