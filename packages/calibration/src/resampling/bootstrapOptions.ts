import { createRng, LslabError, type Rng } from '@lslab/core';
import { checkInteger, checkNumber, checkRng, checkSeed } from '@lslab/core/validate';

/** The largest number of resamples accepted. */
export const MAX_RESAMPLES = 1_000_000;

/** Options of the resampling functions (`bootstrap`, the bands of `reliabilityDiagram`). */
export interface ResampleOptions {
  /** Number of resamples, an integer in [1, {@link MAX_RESAMPLES}]. Default 1000. */
  resamples?: number;
  /** Coverage of the percentile intervals, in (0, 1). Default 0.95. */
  level?: number;
  /** Seed of a fresh generator `createRng(seed)`: an integer in [0, 2^53). Default 0. */
  seed?: number;
  /**
   * A generator of `@lslab/core` (`createRng`, or a sub-stream from `split()` /
   * `derive(key)`) to draw from instead of a seed; it is advanced. Give `seed`
   * or `rng`, not both.
   */
  rng?: Rng;
}

/** @internal Validated resampling options. */
export interface ResampleSettings {
  resamples: number;
  level: number;
  rng: Rng;
}

/** @internal Reads `resamples`, `level` and the generator (`rng`, or `createRng(seed)`). */
export function readResampleOptions(fn: string, o: ResampleOptions): ResampleSettings {
  const resamples = checkInteger(fn, 'options.resamples', o.resamples ?? 1000, {
    min: 1,
    max: MAX_RESAMPLES,
  });
  const level = checkNumber(fn, 'options.level', o.level ?? 0.95);
  if (!(level > 0 && level < 1)) {
    throw new LslabError('E_RANGE', fn, 'must lie in (0, 1)', {
      argument: 'options.level',
      value: level,
    });
  }
  if (o.rng !== undefined && o.seed !== undefined) {
    throw new LslabError('E_OPTION', fn, 'give options.seed or options.rng, not both', {
      argument: 'options.rng',
    });
  }
  const rng =
    o.rng !== undefined
      ? checkRng(fn, 'options.rng', o.rng)
      : createRng(checkSeed(fn, 'options.seed', o.seed ?? 0));
  return { resamples, level, rng };
}
