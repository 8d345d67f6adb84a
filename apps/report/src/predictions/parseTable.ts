// The one place the predictions reader takes its CSV and JSON parsers from.
export { parseCsv, parseJsonRecords } from '@lslab/datasets';
