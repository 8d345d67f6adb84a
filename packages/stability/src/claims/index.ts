import type { Claim } from '@lslab/core';
import { c10Stability } from './C10.stability.js';
import { c11Lipschitz } from './C11.lipschitz.js';

export { type C10StabilityParams, c10Stability } from './C10.stability.js';
export { type C11LipschitzParams, c11Lipschitz } from './C11.lipschitz.js';

/**
 * Every claim of `@lslab/stability` (C10, C11), in catalogue order, for a
 * claim runner to execute at their defaults.
 *
 * @example
 * claims.map((c) => c.id); // ['C10.stability', 'C11.lipschitz']
 */
export const claims: readonly Claim[] = [c10Stability as Claim, c11Lipschitz as Claim];
