export {
  type Claim,
  type ClaimCheck,
  type ClaimComparison,
  type ClaimResult,
  check,
} from './claim.js';
export {
  type ClaimProgress,
  type ClaimProgressListener,
  type ClaimProgressStep,
  claimProgress,
} from './claimProgress.js';
export { confidencePenalty } from './confidencePenalty.js';
export { SMOOTHING_CONVENTIONS, type SmoothingConvention } from './convention.js';
export { convertSmoothing } from './convertSmoothing.js';
export { LslabError, type LslabErrorCode, type LslabErrorDetails } from './errors.js';
export {
  createKernelPool,
  type KernelPool,
  type KernelPoolOptions,
} from './kernels/pool.js';
export { logSigmoid } from './logSigmoid.js';
export { logSoftmax } from './logSoftmax.js';
export { logSumExp } from './logSumExp.js';
export { type Dtype, fromRows, MAX_ELEMENTS, type Matrix, matrix, toRows } from './matrix.js';
export { type MeanDivisorOptions, meanDivisor } from './meanDivisor.js';
export { minimumSmoothedLoss } from './minimumSmoothedLoss.js';
export { optimalLogitGap } from './optimalLogitGap.js';
export { optimalProbabilities } from './optimalProbabilities.js';
export { optimalSigmoidLogit } from './optimalSigmoidLogit.js';
export { createRng, Rng } from './random/rng.js';
export { sigmoid } from './sigmoid.js';
export {
  type SigmoidCrossEntropyOptions,
  type SigmoidCrossEntropyResult,
  sigmoidCrossEntropy,
} from './sigmoidCrossEntropy.js';
export { smoothBinaryTarget } from './smoothBinaryTarget.js';
export { smoothBinaryTargets } from './smoothBinaryTargets.js';
export {
  type SmoothingDecomposition,
  type SmoothingTerms,
  smoothingDecomposition,
} from './smoothingDecomposition.js';
export { smoothingMass } from './smoothingMass.js';
export { smoothLabels } from './smoothLabels.js';
export { softmax } from './softmax.js';
export {
  type CrossEntropyResult,
  type Reduction,
  type SoftmaxCrossEntropyOptions,
  softmaxCrossEntropy,
} from './softmaxCrossEntropy.js';
export { softplus } from './softplus.js';
