export { checkClaimParams } from './checkClaimParams.js';
export { checkDistributionRows, DISTRIBUTION_TOLERANCE } from './checkDistributionRows.js';
export { checkMatrix, checkNonEmpty } from './checkMatrix.js';
export { checkConvention, checkOption } from './checkOption.js';
export { checkOptions } from './checkOptions.js';
export { checkRng } from './checkRng.js';
export { checkSeed, SEED_LIMIT } from './checkSeed.js';
export {
  type ClaimParamSchema,
  type ClaimParamSpec,
  checkClaimParam,
  type ParamBound,
  type ParamControl,
  type ResolvedParam,
  resolveParamControls,
} from './claimParamSchema.js';
export { checkFiniteMatrix, checkFiniteVector, checkNumber, firstNonFinite } from './finite.js';
export { checkLabels, checkWeights } from './labels.js';
export {
  checkAlpha,
  checkInOpenRange,
  checkInRange,
  checkInteger,
  checkNumClasses,
  checkPositive,
} from './numbers.js';
