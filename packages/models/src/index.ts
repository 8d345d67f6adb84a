export * from './data/index.js';
export { createRng, Rng } from './rng.js';
export * from './training/index.js';
