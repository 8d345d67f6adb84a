import { fromRows } from '@lslab/core';
import { describeFailures, type HostileTable, runHostile } from '@lslab/test-utils/hostile';
import { expect, it } from 'vitest';
import * as api from '../src/index.ts';

const P = () =>
  fromRows([
    [0.7, 0.2, 0.1],
    [0.1, 0.6, 0.3],
    [0.3, 0.3, 0.4],
  ]);
const Y = () => [0, 1, 1];
const Z = () =>
  fromRows([
    [2, 0, -1],
    [0, 1, 0.5],
    [1, 1, 0],
  ]);
const mean = (p: Float64Array | { data: ArrayLike<number> }) => {
  const d = 'data' in p ? p.data : p;
  let s = 0;
  for (let i = 0; i < d.length; i++) s += d[i];
  return s / d.length;
};

/** −log p_y is +∞ exactly when the true class has probability 0. */
function zeroOnTrueClass(args: readonly unknown[]): boolean {
  const [p, y] = args as [
    { cols?: number; data?: ArrayLike<number> } | ArrayLike<number>,
    ArrayLike<number>,
  ];
  if (p === null || typeof p !== 'object' || y === null || typeof y !== 'object') return false;
  for (let i = 0; i < y.length; i++) {
    if ('data' in p && p.data !== undefined && typeof p.cols === 'number') {
      if (p.data[i * p.cols + y[i]] === 0) return true;
    } else {
      const q = (p as ArrayLike<number>)[i];
      if ((y[i] === 1 ? q : 1 - q) === 0) return true;
    }
  }
  return false;
}

// Valid arguments for every function that calibration's index exports.
const table: HostileTable = {
  applyTemperature: { args: () => [Z(), 1.5, { output: 'logits' }] },
  bootstrap: {
    args: () => [mean, [0.2, 0.4, 0.6, 0.8], [0, 0, 1, 1], { resamples: 20, seed: 1, level: 0.9 }],
    randomRuns: 20,
  },
  brierDecomposition: { args: () => [[0.2, 0.2, 0.8, 0.8], [0, 1, 1, 1], { bins: 2 }] },
  brierScore: { args: () => [P(), Y()] },
  createCalibrationAccumulator: { args: () => [{ bins: 4, numClasses: 3, edges: 'left' }] },
  expectedCalibrationError: {
    args: () => [P(), Y(), { bins: 4, norm: 'l1', debias: false }],
  },
  fitTemperature: {
    args: () => [
      Z(),
      Y(),
      { minTemperature: 0.01, maxTemperature: 100, maxIterations: 50, tolerance: 1e-10 },
    ],
  },
  ksCalibrationError: {
    args: () => [
      [0.9, 0.2, 0.6],
      [0, 0, 1],
    ],
  },
  negativeLogLikelihood: { args: () => [P(), Y()], infinite: zeroOnTrueClass },
  overUnderConfidence: { args: () => [[0.2, 0.9], [1, 0], { bins: 2 }] },
  reliabilityDiagram: {
    args: () => [[0.6, 0.9, 0.3], [1, 0, 0], { bins: 2, resamples: 20, seed: 1 }],
    randomRuns: 20,
  },
  smoothCalibrationError: {
    // one sign of residual: σ* = 0.3 is found without the costly small bandwidths
    args: () => [[0.6, 0.8], [1, 1], { points: 64 }],
    // a call at a small bandwidth takes up to half a second
    randomRuns: 8,
  },
};

it('every export of @lslab/calibration keeps the hostile-input contract', async () => {
  const report = await runHostile('@lslab/calibration', api, table);
  expect(report.failures, describeFailures(report)).toEqual([]);
});
