import type { Claim } from '@lslab/core';
import { c4Saturation } from './C4.saturation/index.js';
import { c5WeightGrowth } from './C5.weight-growth.js';
import { c6OptimalMargin } from './C6.optimal-margin/index.js';

export { type C4SaturationParams, c4Saturation } from './C4.saturation/index.js';
export { type C5WeightGrowthParams, c5WeightGrowth } from './C5.weight-growth.js';
export { type C6OptimalMarginParams, c6OptimalMargin } from './C6.optimal-margin/index.js';

/**
 * Every claim of `@lslab/margins` (C4, C5, C6), in catalogue order, for a
 * claim runner to execute at their defaults. Runs train models and read the
 * bundled data sets: Node only.
 *
 * @example
 * claims.map((c) => c.id); // ['C4.saturation', 'C5.weight-growth', 'C6.optimal-margin']
 */
export const claims: readonly Claim[] = [
  c4Saturation as Claim,
  c5WeightGrowth as Claim,
  c6OptimalMargin as Claim,
];
