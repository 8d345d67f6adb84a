export { type ClaimSource, claimSources } from './claimSources.js';
export { evaluateFormulas, FORMULA_RTOL, type FormulaResult } from './evaluateFormulas.js';
export { formatNumber } from './formatNumber.js';
export { formatTable } from './formatTable.js';
export { type MainOptions, main, USAGE } from './main.js';
export { type ClaimReport, ClaimRunError, runClaims } from './runClaims.js';
export { writeJsonAtomic } from './writeJsonAtomic.js';
