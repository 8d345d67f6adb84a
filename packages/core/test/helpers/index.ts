export { thrown, thrownLslabError } from '@lslab/test-utils';
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
