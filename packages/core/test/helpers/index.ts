export {
  big,
  bigCrossEntropy,
  bigLog1p,
  bigLogSoftmax,
  bigLogSumExp,
  bigSoftmax,
  bn,
  num,
} from './big.ts';
export { centralDifference } from './finiteDifference.ts';
export {
  randomDistributionRows,
  randomLabels,
  randomLogits,
  randomWeights,
  seededRng,
  type TestRng,
} from './rng.ts';
export { thrownLslabError } from './thrown.ts';
