export * from './metrics/index.js';
export * from './recalibration/index.js';
