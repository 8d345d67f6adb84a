import { resolveParamControls } from '@lslab/core/validate';
import { claimPrefix } from './catalogue.js';
import type { ClaimSource } from './claimSources.js';
import { renderHtml } from './html/renderHtml.js';
import { findClaim } from './notebook/liveClaim.js';
import { reportCsvFiles } from './output/reportCsv.js';
import { packageVersion, reportVersion } from './packageDir.js';
import { layoutChapters, type PageChapter, type PageData, pageClaim } from './pageData.js';
import type { PredictionsReport } from './predictions/analysePredictions.js';
import { predictionsChapter } from './predictions/predictionsChapter.js';
import type { Predictions } from './predictions/readPredictions.js';
import { renderSvg } from './renderSvg.js';
import { type ClaimReport, isSelected, planClaims } from './runClaims.js';
import { type ProgressEvent, processClaims } from './runPool.js';

/** The version of the layout of results.json; bumped when a field changes meaning. */
export const RESULTS_SCHEMA_VERSION = 1;

/** Options of {@link generateReport}. */
export interface GenerateOptions {
  sources: readonly ClaimSource[];
  /** Claim prefixes or ids (`--claims`). */
  claims?: readonly string[];
  /** `--seed`: replaces every claim's seed and seeds the bootstrap of "Your model" (default 0). */
  seed?: number;
  /** `--predictions`, already read. */
  predictions?: Predictions;
  threads?: number;
  onProgress?: (e: ProgressEvent) => void;
  /** Chapters shown after the others (`--from-sweep`); their charts go to `figures/` too. */
  extraChapters?: readonly PageChapter[];
}

/** A generated report: the files to write and what the summary needs. */
export interface GeneratedReport {
  /** Relative path → content. */
  files: Map<string, string>;
  /** The results.json value. */
  results: object;
  claims: ClaimReport[];
  predictions?: PredictionsReport;
  /** Wall time of each claim (ms), for the benchmark; not in the results. */
  timings: Record<string, number>;
}

/**
 * The versions of the report, the claim packages and the libraries that drew
 * the page, as recorded in results.json.
 */
function versions(sources: readonly ClaimSource[]): Record<string, string> {
  const out: Record<string, string> = { '@lslab/report': reportVersion() };
  for (const s of sources) {
    try {
      out[s.package] = packageVersion(s.package);
    } catch {
      out[s.package] = 'unknown';
    }
  }
  for (const lib of ['mathjs', 'vega', 'vega-lite', 'vega-embed', 'katex'])
    out[lib] = packageVersion(lib);
  return out;
}

/**
 * Serialises results for results.json: two-space JSON, NaN and ±∞ as `null`,
 * a final newline. The same input gives the same bytes.
 *
 * @example
 * resultsJson({ a: Number.NaN }); // '{\n  "a": null\n}\n'
 */
export function resultsJson(results: object): string {
  return `${JSON.stringify(results, null, 2)}\n`;
}

/**
 * Runs the selected claims (on worker threads), builds their charts, SVGs
 * and the page, and analyses the predictions if given. Nothing is written:
 * the files come back in memory, for an atomic write.
 *
 * @param options - sources, selection, seed, predictions, threads, progress
 * @returns the files (`results.json`, `index.html`, `checks.csv`, `classes.csv` with
 *   predictions, `figures/*.svg`) and the reports
 * @throws ClaimRunError when a claim throws; LslabError from the predictions analysis
 * @example
 * (await generateReport({ sources: claimSources })).files.has('index.html'); // true
 */
export async function generateReport(options: GenerateOptions): Promise<GeneratedReport> {
  const tasks = planClaims(options.sources, { claims: options.claims, seed: options.seed });
  const { claims: processed, model } = await processClaims(tasks, {
    threads: options.threads,
    onProgress: options.onProgress,
    model: options.predictions && { predictions: options.predictions, seed: options.seed ?? 0 },
  });
  const claims = processed.map((p) => p.report);
  const files = new Map<string, string>();
  const timings: Record<string, number> = {};
  for (const p of processed) {
    timings[p.report.id] = p.ms;
    for (const [name, svg] of Object.entries(p.svgs)) files.set(`figures/${name}.svg`, svg);
  }
  const predictions: PredictionsReport | undefined = model?.report;
  const modelCharts = model?.charts ?? [];
  if (model) {
    timings.predictions = model.ms;
    for (const [name, svg] of Object.entries(model.svgs)) files.set(`figures/${name}.svg`, svg);
  }
  const extra = options.extraChapters ?? [];
  for (const chapter of extra)
    for (const cell of chapter.cells)
      if (cell.kind === 'block')
        for (const c of cell.block.charts)
          files.set(`figures/${c.name}.svg`, await renderSvg(c.spec));
  const results = {
    schemaVersion: RESULTS_SCHEMA_VERSION,
    generator: '@lslab/report',
    versions: versions(options.sources),
    seed: options.seed ?? null,
    claims,
    predictions: predictions ?? null,
  };
  const held = claims.reduce((s, r) => s + r.held, 0);
  const checks = claims.reduce((s, r) => s + r.checks.length, 0);
  const failing = claims.filter((r) => !r.holds).map((r) => r.id);
  const csv = reportCsvFiles(claims, predictions);
  for (const [file, { text }] of csv) files.set(file, text);
  const page: PageData = {
    title: 'lslab — label smoothing, claim by claim',
    seed: options.seed ?? null,
    versions: results.versions,
    summary:
      `${claims.length} claims, ${held}/${checks} checks hold.` +
      (failing.length > 0
        ? ` Does not hold: ${failing.join(', ')} (shown below, never hidden).`
        : ''),
    downloads: [
      { file: 'results.json', about: 'every parameter, check, series and note' },
      ...[...csv].map(([file, { about }]) => ({ file, about })),
    ],
    chapters: [
      ...layoutChapters(
        processed.map((p) =>
          pageClaim(
            p.report,
            p.charts,
            resolveParamControls(
              findClaim(options.sources, p.report.id)?.claim.paramSchema ?? {},
              p.report.params as Record<string, unknown>,
            ),
          ),
        ),
        (prefix) => isSelected(prefix, options.claims?.map(claimPrefix)),
        predictionsChapter(predictions, modelCharts),
      ),
      ...extra,
    ],
  };
  files.set('results.json', resultsJson(results));
  files.set('index.html', renderHtml(page));
  return { files, results, claims, predictions, timings };
}
