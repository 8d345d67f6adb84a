import { LslabError } from '@lslab/core';
import type { MlpOptions } from '../mlp.js';
import type { Activation } from './activation.js';
import { checkInteger, checkLossOptions, checkNonNegative } from './validate.js';

const FN = 'mlp';

/** @internal Validates the options of `mlp` and returns the activation. */
export function checkMlpOptions(options: MlpOptions): Activation {
  checkLossOptions(FN, options.loss ?? {}, false);
  checkInteger(FN, 'options.inputDim', options.inputDim, 1);
  checkInteger(FN, 'options.numClasses', options.numClasses, 2);
  const hidden = options.hidden;
  if (!Array.isArray(hidden) || hidden.length < 1 || hidden.length > 2) {
    throw new LslabError('E_RANGE', FN, 'must list 1 or 2 hidden widths', {
      argument: 'options.hidden',
      value: hidden,
    });
  }
  for (let i = 0; i < hidden.length; i++) checkInteger(FN, `options.hidden[${i}]`, hidden[i], 1);
  const act = options.activation ?? 'tanh';
  if (act !== 'tanh' && act !== 'relu' && act !== 'sigmoid') {
    throw new LslabError('E_OPTION', FN, "must be one of 'tanh', 'relu', 'sigmoid'", {
      argument: 'options.activation',
      value: act,
    });
  }
  const l2 = options.l2 ?? 0;
  checkNonNegative(FN, 'options.l2', l2);
  return act;
}
