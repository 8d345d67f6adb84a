import type { ResolvedParam } from '@lslab/core/validate';
import type { Chart } from '../charts/chartConfig.js';
import type { PageChapter, PageClaim, PageFormula } from '../pageData.js';
import type { RejectedParam } from './liveClaim.js';

/**
 * The least time between two partial results with charts from the notebook
 * worker: a claim that finishes units every few milliseconds (C10 fits 84
 * pairs) would otherwise have the page redraw its charts for each.
 */
export const PROGRESS_CHARTS_MS = 150;

/** What the page asks of the notebook worker. */
export type WorkerRequest =
  | {
      type: 'claim';
      /** Increasing per page: a reply to an older request is stale. */
      request: number;
      id: string;
      /** The report's parameters of the claim (what "reset" returns to). */
      base: Record<string, unknown>;
      /** The parameters asked for (from the controls or a link): untrusted. */
      given: Record<string, unknown>;
    }
  | {
      type: 'predictions';
      request: number;
      /** The file name, as the reader's system gave it: untrusted, shown as text. */
      name: string;
      /** The file's size in bytes, as the browser reported it, before reading. */
      bytes: number;
      text: string;
      /** The bootstrap seed (the report's `--seed`, 0 by default). */
      seed: number;
    };

/** Full-precision numbers of a predictions analysis, for the page's data attributes. */
export interface ModelNumbers {
  ece: number;
  nll: number;
  temperature: number;
}

/** What the notebook worker answers. */
export type WorkerReply =
  | {
      type: 'claim';
      request: number;
      cell: PageClaim;
      params: Record<string, unknown>;
      controls: ResolvedParam[];
      rejected: RejectedParam[];
      ms: number;
      /** which kernels the worker runs: WebAssembly, or their JavaScript twin where the page's policy refuses it */
      kernels: 'wasm' | 'js';
    }
  | { type: 'preview'; request: number; formulas: PageFormula[] }
  | {
      /** A long claim's partial result: its units of work so far and the charts of its rows so far. */
      type: 'progress';
      request: number;
      done: number;
      total: number;
      /** The unit just finished, e.g. `'penguins, split 3 of 10'`. */
      stage: string;
      /** The charts of the rows so far; `null` when the worker sent charts less than {@link PROGRESS_CHARTS_MS} ago. */
      charts: Chart[] | null;
      ms: number;
    }
  | {
      type: 'model';
      request: number;
      chapter: PageChapter;
      numbers: ModelNumbers;
      /** the per-class table as CSV, by the writer of `lslab report`'s classes.csv (formulas neutralised) */
      classesCsv: string;
      ms: number;
    }
  | {
      type: 'error';
      request: number;
      message: string;
      /** The line (and column) of a file error, when the reader knows it. */
      line?: number;
      column?: number;
      rejected?: RejectedParam[];
    };
