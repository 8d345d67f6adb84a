export {
  type CatalogueEntry,
  type Chapter,
  catalogue,
  chapters,
  claimPrefix,
} from './catalogue.js';
export { type Chart, OKABE_ITO, withConfig } from './charts/chartConfig.js';
export { chartBuilders, chartsForClaim } from './charts/chartsForClaim.js';
export { genericChart } from './charts/genericChart.js';
export { reliabilityChart } from './charts/reliabilityChart.js';
export type { ChartPart, SeriesChart, SeriesCharts } from './charts/seriesChart.js';
export { type ClaimSource, claimSources } from './claimSources.js';
export { evaluateFormulas, FORMULA_RTOL, type FormulaResult } from './evaluateFormulas.js';
export { formatNumber } from './formatNumber.js';
export {
  type GeneratedReport,
  type GenerateOptions,
  generateReport,
  RESULTS_SCHEMA_VERSION,
  resultsJson,
} from './generateReport.js';
export {
  contentSecurityPolicy,
  type InlineContent,
  sha256Source,
  withContentSecurityPolicy,
} from './html/contentSecurityPolicy.js';
export { type MainOptions, main, USAGE } from './main.js';
export { checkOutDir, checkOutFile, UnsafeTargetError } from './output/checkTarget.js';
export { type CsvCell, formatCsv } from './output/formatCsv.js';
export { checksCsv, classesCsv, reportCsvFiles } from './output/reportCsv.js';
export { writeReportDir } from './output/writeReportDir.js';
export { analysePredictions, type PredictionsReport } from './predictions/analysePredictions.js';
export { type ClassRow, perClass } from './predictions/perClass.js';
export {
  checkPredictionsBytes,
  checkPredictionsRows,
  MAX_PREDICTIONS_BYTES,
  MAX_PREDICTIONS_ROWS,
} from './predictions/predictionsLimits.js';
export { type Predictions, readPredictions } from './predictions/readPredictions.js';
export { renderSvg } from './renderSvg.js';
export { type ClaimReport, ClaimRunError, planClaims, runClaim, runClaims } from './runClaims.js';
export { writeJsonAtomic } from './writeJsonAtomic.js';
