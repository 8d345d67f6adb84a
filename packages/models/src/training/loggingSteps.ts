import { LslabError } from '@lslab/core';
import { checkInteger, checkPositive } from '@lslab/core/validate';

/**
 * When the training loop records: every k steps, a number of log-spaced steps
 * per decade, or an explicit list of steps.
 */
export type LogSchedule =
  | { readonly every: number }
  | { readonly perDecade: number }
  | { readonly steps: ArrayLike<number> };

const FN = 'loggingSteps';

/**
 * The steps at which `train` records, in increasing order, always including
 * step 0 (before any update) and the last step.
 *
 * - `{ every: k }`: 0, k, 2k, …, and `maxStep`.
 * - `{ perDecade: m }`: 0 and round(10^{j/m}) for j = 0, 1, 2, … up to
 *   `maxStep` (duplicates from rounding removed), and `maxStep`: about m points
 *   per factor of ten, the schedule for runs to t = 10⁵ and beyond.
 * - `{ steps }`: the given steps (integers in [0, maxStep]), sorted, without
 *   duplicates; 0 and `maxStep` are not added.
 *
 * @param maxStep - the last step, an integer ≥ 0
 * @param schedule - see {@link LogSchedule}
 * @returns the steps, ascending
 * @throws LslabError `E_RANGE` for a bad step count, k < 1, m ≤ 0 or above
 *   10⁴, more than 2^24 recorded steps, or a listed step out of range;
 *   `E_OPTION` for a schedule of another form
 * @example
 * loggingSteps(1000, { perDecade: 1 }); // [0, 1, 10, 100, 1000]
 * loggingSteps(100, { perDecade: 2 });  // [0, 1, 3, 10, 32, 100]
 * loggingSteps(10, { every: 4 });       // [0, 4, 8, 10]
 */
export function loggingSteps(maxStep: number, schedule: LogSchedule): number[] {
  return scheduleSteps(FN, 'maxStep', 'schedule', maxStep, schedule);
}

/** The most steps a schedule may record: 2^24 (about 16.8 million rows of each metric). */
const MAX_RECORDS = 2 ** 24;

/**
 * @internal {@link loggingSteps} with `fn`, the call the user made, and the
 * names of its arguments there (`train` passes `'options.steps'` and `'options.log'`).
 */
export function scheduleSteps(
  fn: string,
  stepsName: string,
  name: string,
  maxStep: number,
  schedule: LogSchedule,
): number[] {
  checkInteger(fn, stepsName, maxStep, { min: 0, max: Number.MAX_SAFE_INTEGER });
  if (schedule === null || typeof schedule !== 'object') {
    throw new LslabError('E_OPTION', fn, 'must be { every }, { perDecade } or { steps }', {
      argument: name,
      value: schedule,
    });
  }
  const out: number[] = [];
  if ('every' in schedule) {
    const every = checkInteger(fn, `${name}.every`, schedule.every, { min: 1 });
    if (maxStep / every > MAX_RECORDS) {
      throw new LslabError(
        'E_RANGE',
        fn,
        `records more than ${MAX_RECORDS} (2^24) steps; record less often`,
        { argument: `${name}.every`, value: every },
      );
    }
    for (let t = 0; t <= maxStep; t += schedule.every) out.push(t);
    if (out[out.length - 1] !== maxStep) out.push(maxStep);
    return out;
  }
  if ('perDecade' in schedule) {
    const m = schedule.perDecade;
    checkPositive(fn, `${name}.perDecade`, m);
    if (m > 1e4) {
      throw new LslabError('E_RANGE', fn, 'must be at most 10000', {
        argument: `${name}.perDecade`,
        value: m,
      });
    }
    out.push(0);
    for (let j = 0; ; j++) {
      const t = Math.round(10 ** (j / m));
      if (t > maxStep) break;
      if (t !== out[out.length - 1]) out.push(t);
    }
    if (out[out.length - 1] !== maxStep) out.push(maxStep);
    return out;
  }
  if ('steps' in schedule) {
    const s = schedule.steps;
    for (let i = 0; i < s.length; i++) {
      const t = s[i];
      if (!Number.isInteger(t) || t < 0 || t > maxStep) {
        throw new LslabError('E_RANGE', fn, `must be an integer step in [0, ${maxStep}]`, {
          argument: `${name}.steps`,
          row: i,
          value: t,
        });
      }
      out.push(t);
    }
    out.sort((a, b) => a - b);
    return out.filter((t, i) => i === 0 || t !== out[i - 1]);
  }
  throw new LslabError('E_OPTION', fn, 'must be { every }, { perDecade } or { steps }', {
    argument: name,
    value: schedule,
  });
}
