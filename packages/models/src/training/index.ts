export { type AdamOptions, adam } from './adam.js';
export { type FreeLogitsOptions, freeLogits } from './freeLogits.js';
export { gradientDescent } from './gradientDescent.js';
export { type LogSchedule, loggingSteps } from './loggingSteps.js';
export { type LogisticRegressionOptions, logisticRegression } from './logisticRegression.js';
export { type Activation, type MlpOptions, mlp } from './mlp.js';
export type { Features, LossOptions, Model, ModelKind } from './model.js';
export { type NewtonIteration, type NewtonOptions, type NewtonResult, newton } from './newton.js';
export type { Optimizer } from './optimizer.js';
export { type SgdOptions, sgd } from './sgd.js';
export { type SoftmaxRegressionOptions, softmaxRegression } from './softmaxRegression.js';
export { type TrainOptions, type TrainRecord, type TrainResult, train } from './train.js';
export {
  type UnconstrainedFeaturesOptions,
  unconstrainedFeatures,
} from './unconstrainedFeatures.js';
