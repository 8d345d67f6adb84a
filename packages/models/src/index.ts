export { createRng, Rng } from './rng.js';
