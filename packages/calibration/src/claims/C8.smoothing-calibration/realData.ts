import { loadPenguins, loadSeattleWeather, loadSpamAssassin } from '@lslab/datasets/node';
import {
  adam,
  type Dataset,
  type DatasetSplits,
  logisticRegression,
  newton,
  type SparseDataset,
  softmaxRegression,
  train,
} from '@lslab/models';
import { type ExperimentPredictions, twoColumn } from './evaluate.js';

/** The bundled real data sets of claim C8. */
export type RealDatasetName = 'seattle-weather' | 'penguins' | 'spam-assassin';

/** @internal Every real data set name, in the catalogue's order. */
export const REAL_DATASETS: readonly RealDatasetName[] = [
  'seattle-weather',
  'penguins',
  'spam-assassin',
];

/** @internal L2 penalty λ of every real-data model (keeps hard-label Newton finite on separable sets). */
export const REAL_L2 = 1e-3;

/** @internal Full-batch Adam steps (η = 0.01) of the spam model, too wide for Newton. */
export const SPAM_STEPS = 100;

const cache = new Map<string, DatasetSplits<Dataset> | DatasetSplits<SparseDataset>>();

function load(name: RealDatasetName, seed: number) {
  const key = `${name}:${seed}`;
  let ds = cache.get(key);
  if (ds === undefined) {
    if (name === 'penguins') ds = loadPenguins({ seed });
    else if (name === 'seattle-weather') ds = loadSeattleWeather({ seed });
    else ds = loadSpamAssassin({ seed });
    cache.set(key, ds);
  }
  return ds;
}

/**
 * @internal One real data set, split 60/20/20 (stratified, standardised on
 * the training part, from `seed`), one model per α: softmax regression with
 * λ = 1e-3 fitted by Newton's method for the dense sets, logistic regression
 * with λ = 1e-3 and 100 full-batch Adam steps for spam-assassin (2^14 hashed
 * features, sparse). The data are read once per (name, seed) and cached.
 */
export function realDataExperiment(
  name: RealDatasetName,
  alphas: readonly number[],
  seed: number,
): ExperimentPredictions {
  const ds = load(name, seed);
  const { train: tr, validation: val, test } = ds;
  const models = alphas.map((alpha) => {
    if (name === 'spam-assassin') {
      const m = logisticRegression({
        inputDim: tr.x.cols,
        l2: REAL_L2,
        loss: { labelSmoothing: alpha },
      });
      train(m, tr.x, tr.y, {
        optimizer: adam({ learningRate: 0.01 }),
        steps: SPAM_STEPS,
        log: { every: SPAM_STEPS },
      });
      return m;
    }
    const m = softmaxRegression({
      inputDim: tr.x.cols,
      numClasses: tr.numClasses,
      l2: REAL_L2,
      loss: { labelSmoothing: alpha },
    });
    newton(m, tr.x as Dataset['x'], tr.y);
    return m;
  });
  return {
    name,
    alphas,
    testProbs: models.map((m) => m.predictProba(test.x)),
    testLabels: test.y,
    hardValidationLogits: twoColumn(models[0].forward(val.x)),
    validationLabels: val.y,
    hardTestLogits: twoColumn(models[0].forward(test.x)),
  };
}
