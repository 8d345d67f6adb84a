/// <reference lib="webworker" />
// The notebook's Web Worker: bundled with the packages' own code at the
// report's build (scripts/buildNotebook.mjs), inlined into index.html and
// started from a blob: URL. It runs claims and analyses predictions files
// exactly as `lslab report` does, and posts plain data back.

import { LslabError } from '@lslab/core';
import { kernelBackend } from '@lslab/core/kernels';
import { claimSources } from '../claimSources.js';
import { classesCsv } from '../output/reportCsv.js';
import { analysePredictions } from '../predictions/analysePredictions.js';
import { predictionChartsOf, predictionsChapter } from '../predictions/predictionsChapter.js';
import { checkPredictionsBytes } from '../predictions/predictionsLimits.js';
import { readPredictions } from '../predictions/readPredictions.js';
import { PAGE_DATASETS } from './browserDataFiles.js';
import { liveClaim, previewFormulas, type RejectedParam } from './liveClaim.js';
import { PROGRESS_CHARTS_MS, type WorkerReply, type WorkerRequest } from './messages.js';

declare const self: DedicatedWorkerGlobalScope;

function errorReply(request: number, e: unknown): WorkerReply {
  const message = e instanceof Error ? e.message : String(e);
  const details = e instanceof LslabError ? (e.details as Record<string, unknown>) : {};
  const line = typeof details.line === 'number' ? details.line : undefined;
  const column = typeof details.column === 'number' ? details.column : undefined;
  return { type: 'error', request, message, line, column };
}

/**
 * The report's parameters as the page can run them: a `datasets` list keeps
 * the data sets inlined in the page (the others are read from disk).
 */
function pageBase(given: Record<string, unknown>): {
  base: Record<string, unknown>;
  skipped: RejectedParam[];
} {
  const base = { ...given };
  const skipped: RejectedParam[] = [];
  if (Array.isArray(base.datasets)) {
    const all = base.datasets as string[];
    base.datasets = all.filter((d) => PAGE_DATASETS.includes(d));
    for (const d of all.filter((x) => !PAGE_DATASETS.includes(x)))
      skipped.push({
        name: 'datasets',
        value: d,
        reason: `${d} is read from disk by lslab report; the page runs without it`,
      });
  }
  return { base, skipped };
}

function handle(m: WorkerRequest): WorkerReply {
  const start = performance.now();
  if (m.type === 'claim') {
    const { base, skipped } = pageBase(m.base);
    let chartsAt = -Infinity;
    const r = liveClaim(claimSources, m.id, base, m.given, {
      onAccepted: (claim, accepted) => {
        const formulas = previewFormulas(claim, accepted.params);
        self.postMessage({ type: 'preview', request: m.request, formulas } satisfies WorkerReply);
      },
      onProgress: (p, charts) => {
        // the last unit's rows come with the result, a moment later
        if (p.done === p.total) return;
        const now = performance.now();
        const withCharts = now - chartsAt >= PROGRESS_CHARTS_MS;
        if (withCharts) chartsAt = now;
        self.postMessage({
          type: 'progress',
          request: m.request,
          done: p.done,
          total: p.total,
          stage: p.stage,
          charts: withCharts ? charts() : null,
          ms: now - start,
        } satisfies WorkerReply);
      },
    });
    const rejected = [...skipped, ...r.rejected];
    return {
      type: 'claim',
      request: m.request,
      ...r,
      rejected,
      ms: performance.now() - start,
      kernels: kernelBackend(),
    };
  }
  // the size the browser reported; readPredictions checks the text's size and rows before parsing
  checkPredictionsBytes(m.bytes, m.name);
  const predictions = readPredictions(m.text, { name: m.name });
  const report = analysePredictions(predictions, m.seed);
  const chapter = predictionsChapter(report, predictionChartsOf(report));
  const ece = report.metrics.find((r) => r.metric === 'ECE');
  const nll = report.metrics.find((r) => r.metric === 'NLL');
  return {
    type: 'model',
    request: m.request,
    chapter,
    numbers: {
      ece: ece?.estimate ?? Number.NaN,
      nll: nll?.estimate ?? Number.NaN,
      temperature: report.temperature.temperature,
    },
    classesCsv: classesCsv(report),
    ms: performance.now() - start,
  };
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const m = event.data;
  let reply: WorkerReply;
  try {
    reply = handle(m);
  } catch (e) {
    reply = errorReply(m.request, e);
  }
  self.postMessage(reply);
};
