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
export { assignShards, estimateCost } from './sweep/assignShards.js';
export { type Cell, cellKey, cellSeed, expandGrid } from './sweep/expandGrid.js';
export { gridSchema } from './sweep/gridSchema.js';
export {
  gridHash,
  MANIFEST_FORMAT,
  readShard,
  type Shard,
  type ShardManifest,
  shardName,
} from './sweep/manifest.js';
export { mergeShards } from './sweep/mergeShards.js';
export { type AxisSpec, type GridFile, parseGridFile } from './sweep/parseGridFile.js';
export { DEFAULT_MAX_CELLS, type Grid, resolveGrid } from './sweep/resolveGrid.js';
export { runShard, type ShardOptions, type ShardOutcome } from './sweep/runShard.js';
export { shardFromEnv } from './sweep/shardFromEnv.js';
export { writeFileAtomic } from './writeFileAtomic.js';
export { writeJsonAtomic } from './writeJsonAtomic.js';
