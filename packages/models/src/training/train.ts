import { createRng, LslabError, type Rng } from '@lslab/core';
import { checkInteger, checkLabels, checkRng, checkSeed } from '@lslab/core/validate';
import { checkFeatures } from '../model/features.js';
import { requiredOptions } from '../model/options.js';
import { checkModel, splitArguments } from './internal/arguments.js';
import { accuracy, checkMetric, l2norm } from './internal/metrics.js';
import { type LogSchedule, scheduleSteps } from './loggingSteps.js';
import type { Features, Model } from './model.js';
import type { Optimizer } from './optimizer.js';

/** One recorded value: a tidy row, ready for a Vega-Lite line chart (x = step, color = metric). */
export interface TrainRecord {
  /** Optimiser steps taken when the value was measured (0 = the initial parameters). */
  step: number;
  /** `'loss'`, `'accuracy'`, `'weightNorm'`, `'gradNorm'`, `'saturation'` or a user metric. */
  metric: string;
  value: number;
}

/** Options of {@link train}. */
export interface TrainOptions {
  /** The update rule (see `gradientDescent`, `sgd`, `adam`). */
  optimizer: Optimizer;
  /** Number of optimiser steps (an integer ≥ 0). */
  steps: number;
  /** Rows per mini-batch (1 ≤ B ≤ N); omitted: full batch. */
  batchSize?: number;
  /** Seed of the mini-batch order (default 0); ignored when `rng` is given. */
  seed?: number;
  /** Generator for the mini-batch order. */
  rng?: Rng;
  /**
   * When to record; default `{ every: 1 }` (every step). Once per epoch:
   * `{ every: Math.ceil(N / batchSize) }`.
   */
  log?: LogSchedule;
  /** Extra metrics computed at each recorded step, e.g. a calibration error on held-out data. */
  evaluate?: (model: Model, step: number) => Record<string, number>;
}

/** Result of {@link train}; the model's parameters hold the trained values. */
export interface TrainResult {
  /** Tidy rows, ordered by step, then metric. */
  records: TrainRecord[];
  /** Optimiser steps taken. */
  steps: number;
  /** Steps per pass over the data (1 for full batch). */
  stepsPerEpoch: number;
}

const FN = 'train';
const KEYS = ['optimizer', 'steps', 'batchSize', 'seed', 'rng', 'log', 'evaluate'] as const;

/**
 * Trains a model in place and records its progress as tidy rows
 * `{ step, metric, value }`.
 *
 * Each step computes the objective and gradient on a batch and applies one
 * optimiser update. Without `batchSize` the batch is the whole data set
 * (full-batch); with it, every epoch draws a fresh permutation of the rows from
 * the seeded generator and walks it in consecutive batches (the last one may
 * be shorter), so the same seed gives the same run, byte for byte.
 *
 * At each step of the schedule (see `loggingSteps`; step t means after t
 * updates) it records, on the full training set: `loss` (the objective:
 * mean loss + penalty), `accuracy` (arg-max, lowest index on ties), `weightNorm`
 * (‖W‖_F, see `Model.weightNorm`), `gradNorm` (‖∇‖₂ of the objective over every
 * parameter), `saturation` (MLPs only, see `mlp`), then every value returned
 * by `evaluate(model, step)` under its key.
 *
 * The step itself reuses the model's buffers and allocates nothing, except one
 * permutation per epoch, core's K-entry scratch row per loss call, and for
 * `logisticRegression` the gradient array `sigmoidCrossEntropy` returns (the
 * softmax models have core's gradient written into a reused buffer).
 *
 * @param model - a {@link Model} (its parameters are updated)
 * @param x - N×d features (dense, or CSR for logistic regression), N ≥ 1, finite;
 *   or a data set `{ x, y }` in place of `x` and `y`
 * @param y - N labels in [0, K)
 * @param options - see {@link TrainOptions}
 * @returns the records and step counts
 * @throws LslabError `E_OPTION` (no options, an unknown key, no optimizer or
 *   not one, a model that is not one), `E_EMPTY` (no rows), `E_SHAPE` (label
 *   count ≠ rows, or features that do not fit the model), `E_NOT_FINITE` (a
 *   feature, or a metric), `E_LABEL`, `E_RANGE` (steps, batch size, seed,
 *   schedule)
 * @example
 * const ds = gaussianMixture(createRng(0), { numClasses: 3, dim: 2, nPerClass: 50 });
 * const m = softmaxRegression({ inputDim: 2, numClasses: 3 });
 * const { records } = train(m, ds.x, ds.y, {
 *   optimizer: gradientDescent({ learningRate: 0.5 }),
 *   steps: 100_000,
 *   log: { perDecade: 10 },
 * });
 * records[0]; // { step: 0, metric: 'loss', value: 1.0986122886681098 } = ln 3
 */
export function train(
  model: Model,
  x: Features,
  y: ArrayLike<number>,
  options: TrainOptions,
): TrainResult;
export function train(
  model: Model,
  data: { readonly x: Features; readonly y: ArrayLike<number> },
  options: TrainOptions,
): TrainResult;
export function train(
  model: Model,
  a: Features | { readonly x: Features; readonly y: ArrayLike<number> },
  b: ArrayLike<number> | TrainOptions,
  c?: TrainOptions,
): TrainResult {
  const [x, y, optionsArg] = splitArguments(a, b, c);
  checkModel(FN, model);
  const options = requiredOptions<TrainOptions>(FN, optionsArg, KEYS);
  const { optimizer } = options;
  if (
    optimizer === null ||
    typeof optimizer !== 'object' ||
    typeof optimizer.step !== 'function' ||
    typeof optimizer.reset !== 'function'
  ) {
    throw new LslabError('E_OPTION', FN, 'is not an Optimizer (see gradientDescent, sgd, adam)', {
      argument: 'options.optimizer',
    });
  }
  checkFeatures(FN, x);
  model.checkInput(FN, x);
  const n = x.rows;
  checkLabels(FN, 'y', y, n, model.numClasses);
  const steps = checkInteger(FN, 'options.steps', options.steps, { min: 0 });
  const bs = options.batchSize;
  if (bs !== undefined) checkInteger(FN, 'options.batchSize', bs, { min: 1 });
  if (options.evaluate !== undefined && typeof options.evaluate !== 'function') {
    throw new LslabError('E_OPTION', FN, 'must be a function (model, step) => metrics', {
      argument: 'options.evaluate',
    });
  }
  const batchSize = bs === undefined || bs >= n ? n : bs;
  const full = batchSize === n;
  const schedule = scheduleSteps(
    FN,
    'options.steps',
    'options.log',
    steps,
    options.log ?? { every: 1 },
  );
  const rng =
    options.rng !== undefined
      ? checkRng(FN, 'options.rng', options.rng)
      : full
        ? undefined
        : createRng(checkSeed(FN, 'options.seed', options.seed ?? 0));
  const params = model.params;
  optimizer.reset(params.length);
  const records: TrainRecord[] = [];
  const push = (step: number, metric: string, value: unknown) =>
    records.push({ step, metric, value: checkMetric(FN, metric, step, value) });
  const batch = new Uint32Array(batchSize);
  const tail = new Uint32Array(n % batchSize);
  let perm: Uint32Array = new Uint32Array(0);
  let pos = n;
  let next = 0;
  let fresh = false;
  for (let t = 0; ; t++) {
    if (t === schedule[next]) {
      next++;
      push(t, 'loss', model.lossAndGradient(x, y));
      push(t, 'accuracy', accuracy(model, x, y));
      push(t, 'weightNorm', model.weightNorm());
      push(t, 'gradNorm', l2norm(model.grad));
      if (model.saturation !== undefined) push(t, 'saturation', model.saturation(x));
      if (options.evaluate !== undefined) {
        const extra = options.evaluate(model, t);
        for (const key of Object.keys(extra)) push(t, key, extra[key]);
      }
      // the recorded gradient is the full-batch one the next step needs, unless evaluate ran
      fresh = options.evaluate === undefined;
    }
    if (t === steps) break;
    if (full) {
      if (!fresh) model.lossAndGradient(x, y);
    } else {
      if (pos >= n) {
        perm = (rng as Rng).permutation(n);
        pos = 0;
      }
      const take = Math.min(batchSize, n - pos);
      const buf = take === batchSize ? batch : tail;
      for (let r = 0; r < take; r++) buf[r] = perm[pos + r];
      pos += take;
      model.lossAndGradient(x, y, buf);
    }
    optimizer.step(params, model.grad);
    fresh = false;
  }
  return { records, steps, stepsPerEpoch: Math.ceil(n / batchSize) };
}
