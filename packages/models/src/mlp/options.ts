import { LslabError, MAX_ELEMENTS } from '@lslab/core';
import { checkInteger, checkNumClasses, checkOption } from '@lslab/core/validate';
import { checkLossOptions } from '../model/lossOptions.js';
import { checkNonNegative, requiredOptions } from '../model/options.js';
import type { MlpOptions } from '../training/mlp.js';
import type { LossOptions } from '../training/model.js';
import type { Activation } from './activation.js';

const FN = 'mlp';
const KEYS = [
  'inputDim',
  'hidden',
  'numClasses',
  'activation',
  'l2',
  'loss',
  'seed',
  'rng',
] as const;

/** @internal The checked options of `mlp`. */
export interface MlpShape {
  sizes: number[];
  act: Activation;
  l2: number;
  loss: LossOptions;
}

/** @internal Validates the options of `mlp` at its door. */
export function checkMlpOptions(options: MlpOptions): MlpShape & Partial<MlpOptions> {
  const o = requiredOptions<MlpOptions>(FN, options, KEYS);
  const d = checkInteger(FN, 'options.inputDim', o.inputDim, { min: 1 });
  const k = checkNumClasses(FN, o.numClasses, 'options.numClasses');
  const hidden = o.hidden;
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > 2) {
    throw new LslabError('E_RANGE', FN, 'must list 1 or 2 hidden widths', {
      argument: 'options.hidden',
      value: hidden,
    });
  }
  const widths = hidden.map((h, i) => checkInteger(FN, `options.hidden[${i}]`, h, { min: 1 }));
  const act = checkOption(FN, 'options.activation', o.activation ?? 'tanh', [
    'tanh',
    'relu',
    'sigmoid',
  ]);
  const l2 = checkNonNegative(FN, 'options.l2', o.l2);
  const loss = checkLossOptions(FN, o.loss, k, false);
  const sizes = [d, ...widths, k];
  let params = 0;
  for (let l = 0; l + 1 < sizes.length; l++) params += (sizes[l] + 1) * sizes[l + 1];
  checkInteger(FN, 'the number of weights of options.inputDim, options.hidden', params, {
    max: MAX_ELEMENTS,
  });
  return { ...o, sizes, act, l2, loss };
}
