export * from './accumulate.js';
export * from './binning.js';
export * from './binStats.js';
export * from './compensated.js';
export * from './gap.js';
export * from './input.js';
export * from './options.js';
export * from './topLabel.js';
