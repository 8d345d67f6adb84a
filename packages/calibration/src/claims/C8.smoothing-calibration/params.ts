import { LslabError } from '@lslab/core';
import {
  type ClaimParamSchema,
  checkClaimParam,
  checkClaimParams,
  checkNumber,
} from '@lslab/core/validate';
import { REAL_DATASETS, type RealDatasetName } from './realData.js';

/** Parameters of claim C8 (`c8SmoothingCalibration`). */
export type SmoothingCalibrationParams = {
  /** Seed of data, splits and bootstrap; sub-streams are derived from it by name. */
  seed: number;
  /** The α sweep; must start with 0 (the hard-label model), at most 8 values in [0, 1). */
  alphas: number[];
  /** The α of the checks; one of `alphas`, in (0, 1). */
  alpha: number;
  /** Bootstrap resamples behind every interval, an integer in [200, 10⁵]. */
  resamples: number;
  /** Coverage of every interval, in (0, 1). */
  level: number;
  /** Equal-width bins of the ECE, an integer in [2, 100]. */
  bins: number;
  /** K of the synthetic regimes, an integer in [2, 20]. */
  numClasses: number;
  /** Training rows of the over-confident regime, an integer in [20, 2000]. */
  overN: number;
  /** Features of the over-confident regime: more than overN (over-parameterised), at most 5000. */
  overDim: number;
  /** Gradient-descent steps of the over-confident regime, an integer in [1, 10⁴]. */
  overSteps: number;
  /** Training rows of the well-specified regime, an integer in [100, 10⁵]. */
  wellN: number;
  /** Features of the well-specified regime, an integer in [1, 100]. */
  wellDim: number;
  /** Validation rows (fitting T) of each synthetic regime, an integer in [200, 10⁵]. */
  validationN: number;
  /** Test rows (every metric) of each synthetic regime, an integer in [1000, 10⁵]. */
  testN: number;
  /** Bundled real data sets to sweep (read from disk: Node only), each at most once. */
  datasets: RealDatasetName[];
};

/** The claim's id: `fn` of every parameter error. */
export const C8_ID = 'C8.smoothing-calibration';

/** @internal The claim's default parameters (every key a caller may pass). */
export const C8_DEFAULTS: SmoothingCalibrationParams = {
  seed: 1,
  alphas: [0, 0.05, 0.1, 0.2],
  alpha: 0.1,
  resamples: 1000,
  level: 0.95,
  bins: 15,
  numClasses: 3,
  overN: 80,
  overDim: 160,
  overSteps: 300,
  wellN: 3000,
  wellDim: 5,
  validationN: 1000,
  testN: 3000,
  datasets: [...REAL_DATASETS],
};

/**
 * The domains of the seed and the counts, in validation order; the page moves
 * the seed and the sizes up to what a browser runs in seconds.
 */
export const C8_SCHEMA: ClaimParamSchema = {
  seed: { kind: 'seed', label: 'seed', control: { max: 1000 } },
  resamples: {
    kind: 'integer',
    label: 'resamples',
    min: 200,
    max: 100_000,
    control: { max: 2000, step: 100 },
  },
  bins: { kind: 'integer', label: 'bins', min: 2, max: 100, control: { max: 30 } },
  numClasses: { kind: 'integer', label: 'K', min: 2, max: 20, control: { max: 10 } },
  overN: { kind: 'integer', label: 'n (over-confident)', min: 20, max: 2000, control: false },
  overDim: { kind: 'integer', label: 'd (over-confident)', min: 21, max: 5000, control: false },
  overSteps: { kind: 'integer', label: 'steps', min: 1, max: 10_000, control: false },
  wellN: {
    kind: 'integer',
    label: 'n (well specified)',
    min: 100,
    max: 100_000,
    control: { max: 5000, step: 100 },
  },
  wellDim: { kind: 'integer', label: 'd (well specified)', min: 1, max: 100, control: false },
  validationN: { kind: 'integer', label: 'validation n', min: 200, max: 100_000, control: false },
  testN: {
    kind: 'integer',
    label: 'test n',
    min: 1000,
    max: 100_000,
    control: { max: 20_000, step: 1000 },
  },
};

/**
 * @internal The door of C8's `run`, like every claim's (`checkClaimParams`): a
 * non-object or an unknown key is `E_OPTION` naming `params`, a missing key
 * takes its default; then each value is checked against its domain, `E_RANGE`
 * / `E_OPTION` naming the claim and the parameter.
 * @returns the parameters to run with
 */
export function validateParams(given: unknown): SmoothingCalibrationParams {
  const fn = C8_ID;
  const p = checkClaimParams(fn, C8_DEFAULTS, given);
  for (const [key, spec] of Object.entries(C8_SCHEMA))
    checkClaimParam(fn, `params.${key}`, (p as Record<string, unknown>)[key], spec, p);
  if (!(p.overDim > p.overN)) {
    throw new LslabError(
      'E_RANGE',
      fn,
      `must exceed params.overN = ${p.overN} (over-parameterised)`,
      {
        argument: 'params.overDim',
        value: p.overDim,
      },
    );
  }
  checkUnit(fn, 'params.level', p.level, true);
  if (!Array.isArray(p.alphas) || p.alphas[0] !== 0 || p.alphas.length < 2 || p.alphas.length > 8) {
    throw new LslabError('E_RANGE', fn, 'must start with 0 and hold 1 to 7 values α > 0', {
      argument: 'params.alphas',
      value: p.alphas,
    });
  }
  for (let i = 0; i < p.alphas.length; i++)
    checkUnit(fn, `params.alphas[${i}]`, p.alphas[i], i > 0);
  checkUnit(fn, 'params.alpha', p.alpha, true);
  if (!p.alphas.includes(p.alpha)) {
    throw new LslabError('E_RANGE', fn, 'must be one of params.alphas', {
      argument: 'params.alpha',
      value: p.alpha,
    });
  }
  if (!Array.isArray(p.datasets)) {
    throw new LslabError('E_OPTION', fn, 'must be an array of data set names', {
      argument: 'params.datasets',
      value: p.datasets,
    });
  }
  p.datasets.forEach((d, i) => {
    if (!REAL_DATASETS.includes(d) || p.datasets.indexOf(d) !== i) {
      throw new LslabError(
        'E_OPTION',
        fn,
        `must be one of ${REAL_DATASETS.join(', ')}, each once`,
        {
          argument: `params.datasets[${i}]`,
          value: d,
        },
      );
    }
  });
  return p;
}

/** A number in (0, 1), or [0, 1) when `open` is false. */
function checkUnit(fn: string, name: string, x: unknown, open: boolean): void {
  const v = checkNumber(fn, name, x);
  if (!((open ? v > 0 : v >= 0) && v < 1)) {
    throw new LslabError('E_RANGE', fn, `must lie in ${open ? '(' : '['}0, 1)`, {
      argument: name,
      value: v,
    });
  }
}
