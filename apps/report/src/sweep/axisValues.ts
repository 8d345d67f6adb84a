import { LslabError } from '@lslab/core';
import type { AxisSpec } from './parseGridFile.js';

/** Range ends are met within this relative slack, so `0.3` is in `0..0.3 step 0.1`. */
const SLACK = 1e-9;

/** A computed range value, rounded to 12 significant digits (0.1 + 0.2 → 0.3). */
const tidy = (x: number) => Number(x.toPrecision(12));

/**
 * The number of values of an axis, computed without listing them, so that a
 * huge range is refused before it is built.
 *
 * @param name - the axis (parameter) name, for messages
 * @param spec - a list, `{ from, to, step }` or `{ from, to, factor }`
 * @param fn - who is asking, for messages (`lslab sweep --grid FILE`)
 * @returns the count, ≥ 1
 * @throws LslabError `E_RANGE` when `to` < `from`, or a log range does not start above 0
 * @example
 * axisCount('alpha', { from: 0, to: 0.5, step: 0.05 }); // 11
 * axisCount('n', { from: 100, to: 100000, factor: 10 }); // 4
 */
export function axisCount(name: string, spec: AxisSpec, fn = 'lslab sweep --grid'): number {
  if (Array.isArray(spec)) return spec.length;
  if (spec.to < spec.from) {
    throw new LslabError('E_RANGE', fn, `must not be below from (${spec.from})`, {
      argument: `axes.${name}.to`,
      value: spec.to,
    });
  }
  if (spec.step !== undefined) return Math.floor((spec.to - spec.from) / spec.step + SLACK) + 1;
  if (!(spec.from > 0)) {
    throw new LslabError('E_RANGE', fn, 'must be > 0 in a range with a factor', {
      argument: `axes.${name}.from`,
      value: spec.from,
    });
  }
  return Math.floor(Math.log(spec.to / spec.from) / Math.log(spec.factor as number) + SLACK) + 1;
}

/**
 * The values of an axis: a list as given, `from + i·step` or `from·factor^i`
 * (i = 0, 1, … while within `to`), each rounded to 12 significant digits.
 * Values must be distinct (two equal values would be one cell twice).
 *
 * @param name - the axis name, for messages
 * @param spec - a list or a range
 * @param fn - who is asking, for messages
 * @returns the values in order
 * @throws LslabError `E_OPTION` naming the axis and the repeated value
 * @example
 * axisValues('alpha', { from: 0, to: 0.3, step: 0.1 }); // [0, 0.1, 0.2, 0.3]
 * axisValues('n', { from: 100, to: 10000, factor: 10 }); // [100, 1000, 10000]
 */
export function axisValues(name: string, spec: AxisSpec, fn = 'lslab sweep --grid'): unknown[] {
  let values: unknown[];
  if (Array.isArray(spec)) values = spec;
  else {
    const n = axisCount(name, spec, fn);
    values = Array.from({ length: n }, (_, i) =>
      spec.step !== undefined
        ? tidy(spec.from + i * spec.step)
        : tidy(spec.from * (spec.factor as number) ** i),
    );
  }
  const seen = new Set<string>();
  values.forEach((v, i) => {
    const text = JSON.stringify(v);
    if (seen.has(text)) {
      throw new LslabError('E_OPTION', fn, 'appears twice in the axis', {
        argument: `axes.${name}[${i}]`,
        value: v,
      });
    }
    seen.add(text);
  });
  return values;
}
