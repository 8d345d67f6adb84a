export {
  big,
  bigCrossEntropy,
  bigEvaluate,
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
} from './rng.ts';
export { thrown, thrownLslabError } from './thrown.ts';
