import { LslabError } from '@lslab/core';
import type { Features, Model } from '../model.js';

type Data = { readonly x: Features; readonly y: ArrayLike<number> };

/**
 * @internal The two call forms of `train` and `newton`, `(model, x, y, options)`
 * and `(model, { x, y }, options)`, as `[x, y, options]`.
 */
export function splitArguments<O>(
  a: Features | Data,
  b: ArrayLike<number> | O | undefined,
  c: O | undefined,
): [Features, ArrayLike<number>, O | undefined] {
  const isData = a !== null && typeof a === 'object' && 'x' in a && 'y' in a && !('rows' in a);
  if (isData) return [(a as Data).x, (a as Data).y, b as O | undefined];
  return [a as Features, b as ArrayLike<number>, c];
}

/** @internal Throws E_OPTION unless `model` is a model of this package (or implements `Model`). */
export function checkModel(fn: string, model: Model): void {
  if (
    model === null ||
    typeof model !== 'object' ||
    !(model.params instanceof Float64Array) ||
    !(model.grad instanceof Float64Array) ||
    typeof model.lossAndGradient !== 'function' ||
    typeof model.checkInput !== 'function'
  ) {
    throw new LslabError('E_OPTION', fn, 'is not a Model (see softmaxRegression, mlp, …)', {
      argument: 'model',
    });
  }
}
