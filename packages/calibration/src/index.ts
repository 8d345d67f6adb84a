export * from './diagrams/index.js';
export * from './metrics/index.js';
export * from './recalibration/index.js';
export * from './resampling/index.js';
