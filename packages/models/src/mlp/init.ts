import type { Rng } from '@lslab/core';
import type { Activation } from './activation.js';

/**
 * @internal Seeded initialisation of an MLP's weight matrices, layer by layer,
 * row-major: Glorot-uniform U(−a, a), a = √(6/(fan_in + fan_out)), for tanh
 * and sigmoid hidden layers and for the output layer; He-normal N(0, 2/fan_in)
 * for ReLU hidden layers. Biases are left at 0.
 */
export function initialiseWeights(
  weights: Float64Array[],
  sizes: readonly number[],
  act: Activation,
  rng: Rng,
): void {
  const layers = sizes.length - 1;
  for (let l = 0; l < layers; l++) {
    const fanIn = sizes[l];
    const fanOut = sizes[l + 1];
    const W = weights[l];
    if (act === 'relu' && l < layers - 1) {
      const sd = Math.sqrt(2 / fanIn);
      for (let j = 0; j < W.length; j++) W[j] = sd * rng.normal();
    } else {
      const a = Math.sqrt(6 / (fanIn + fanOut));
      for (let j = 0; j < W.length; j++) W[j] = a * (2 * rng.uniform() - 1);
    }
  }
}
