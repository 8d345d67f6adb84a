import type { Chart } from './charts/chartConfig.js';
import { chartsForClaim } from './charts/chartsForClaim.js';
import { renderSvg } from './renderSvg.js';
import { type ClaimReport, type ClaimTask, runClaim } from './runClaims.js';
import type { ClaimUnits } from './runPool.js';

/** A claim after it ran: its report, its charts and their SVG renderings. */
export interface ProcessedClaim {
  report: ClaimReport;
  charts: Chart[];
  /** Chart name → SVG document. */
  svgs: Record<string, string>;
  /** Wall time of the run and the rendering, in milliseconds (not part of the results). */
  ms: number;
}

/**
 * Runs one claim, builds its charts and renders each to SVG: the unit of work
 * of the report, done in a worker thread or in this one.
 *
 * @param task - the claim, its package and parameters
 * @param options - `charts: false` skips the charts and their SVGs (a sweep
 *   cell needs only the report; default true); `onUnits` hears a long
 *   claim's units of work as they finish
 * @returns the processed claim
 * @throws ClaimRunError when the claim throws
 * @example
 * (await processClaim(planClaims(claimSources, { claims: ['C9'] })[0])).charts[0].name; // 'C9-norms'
 */
export async function processClaim(
  task: ClaimTask,
  options: { charts?: boolean; onUnits?: (units: ClaimUnits) => void } = {},
): Promise<ProcessedClaim> {
  const start = performance.now();
  const { onUnits } = options;
  const report = runClaim(
    task,
    onUnits && ((p) => onUnits({ done: p.done, total: p.total, stage: p.stage })),
  );
  const charts = options.charts === false ? [] : chartsForClaim(report.id, report.series);
  const svgs: Record<string, string> = {};
  for (const chart of charts) svgs[chart.name] = await renderSvg(chart.spec);
  return { report, charts, svgs, ms: performance.now() - start };
}
