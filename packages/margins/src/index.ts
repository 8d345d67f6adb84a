export { logitGaps } from './logitGaps.js';
export { MARGIN_QUANTILES, type MarginSummary, marginSummary } from './marginSummary.js';
export { type ScatterRatio, scatterRatio } from './scatterRatio.js';
export { type TemplateProjection, templateProjection } from './templateProjection.js';
