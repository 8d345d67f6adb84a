/** Re-exported from `@lslab/core`, where the seeded generator now lives. */
export { createRng, Rng } from '@lslab/core';
export * from './data/index.js';
export * from './training/index.js';
