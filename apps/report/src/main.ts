import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue, claimPrefix } from './catalogue.js';
import { type ClaimSource, claimSources } from './claimSources.js';
import { claimHolds, formatSummary } from './cli/formatSummary.js';
import { parseArgs, type ReportArgs } from './cli/parseArgs.js';
import { createProgress } from './cli/progress.js';
import { runDev } from './dev/runDev.js';
import { generateReport, resultsJson } from './generateReport.js';
import { checkOutFile } from './output/checkTarget.js';
import { writeReportDir } from './output/writeReportDir.js';
import { reportVersion } from './packageDir.js';
import { checkPredictionsBytes } from './predictions/predictionsLimits.js';
import { type Predictions, readPredictions } from './predictions/readPredictions.js';
import { sweepChapter } from './sweep/sweepChapter.js';
import { SWEEP_USAGE, sweepMain } from './sweep/sweepMain.js';
import { writeJsonAtomic } from './writeJsonAtomic.js';

/** The `--help` text. */
export const USAGE = `Usage: lslab report [options]
       lslab dev [--claims C1,C6] [--seed N] [--port 5173] [--host 127.0.0.1]
       lslab sweep --grid FILE --out DIR [options]
       lslab merge DIR… --out FILE
       lslab --help | --version

Runs every claim of the lslab packages on worker threads, checks each
measurement against its closed form (and the closed form again with mathjs),
and writes a report directory:
  index.html    the notebook: chapters, formulas, charts, checks; one file
                that opens offline (file://) and makes no network request
  results.json  every parameter, check, series and note; the same seed gives
                the same bytes
  figures/      every chart as SVG
  checks.csv    every check of every claim, one row each
  classes.csv   with --predictions: one row a class of your model

Options:
  --out DIR            where to write the report (default: report); replaced
                       atomically, never a symlink, a device or a directory
                       lslab did not write
  --seed N             seed of every claim that has one, and of the bootstrap
                       of --predictions (default: each claim's own)
  --claims C1,C8       run only these claims (prefixes or full ids)
  --predictions FILE   add the chapter "Your model": the calibration of your
                       model's predictions (CSV or JSON, at most 32 MiB
                       and 200,000 rows)
  --format csv|json    the format of FILE (default: from its extension)
  --logits             FILE holds logits, not probabilities
  --strict             exit 1 when a check fails
  --json FILE|-        also write results.json to FILE, or to stdout with '-'
  --quiet              print only the last line (where the report is)
  --threads N          worker threads (default: one a core; 1 = no workers)
  --from-sweep FILE    add a chapter with the charts of a merged sweep
  -h, --help           show this text
  -v, --version        show the version

lslab dev runs the claims once and serves the notebook page with Vite,
reloading it on every edit of its sources (src/page, src/).

Exit status: 0 the report ran (even if a claim does not hold, unless
--strict), 1 --strict and a check failed, 2 it could not run.

${SWEEP_USAGE}`;

/** Where {@link main} writes, and what it runs (replaceable in tests). */
export interface MainOptions {
  sources?: readonly ClaimSource[];
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** Whether stderr is a terminal (progress bar); default `process.stderr.isTTY`. */
  tty?: boolean;
  /** Worker threads when `--threads` is not given. */
  threads?: number;
  /** Where progress goes (default: stderr as is, no newline added). */
  progress?: (text: string) => void;
}

function loadPredictions(args: ReportArgs): Predictions | undefined {
  if (args.predictions === undefined) return undefined;
  const file = args.predictions;
  checkPredictionsBytes(statSync(file).size, file);
  return readPredictions(readFileSync(file), {
    name: file,
    format: args.format,
    logits: args.logits,
  });
}

function unknownClaims(
  claims: readonly string[] | undefined,
  sources: readonly ClaimSource[],
): string[] {
  const ids = sources.flatMap((s) => s.claims.map((c) => c.id));
  const known = new Set([...ids, ...ids.map(claimPrefix), ...catalogue.map((c) => c.prefix)]);
  return (claims ?? []).filter((c) => !known.has(c));
}

/**
 * The `lslab` command: parses `argv`, runs the claims, writes the report
 * directory atomically and prints a summary whose last line names
 * `DIR/index.html`.
 *
 * @param argv - the arguments after the program name
 * @param options - sources, output streams, threads
 * @returns the exit status: 0 ran, 1 `--strict` and a check failed, 2 could not run
 * @example
 * await main(['report', '--out', 'report']); // 0; prints the summary and 'Report: report/index.html'
 */
export async function main(argv: readonly string[], options: MainOptions = {}): Promise<number> {
  const stdout = options.stdout ?? ((t: string) => process.stdout.write(`${t}\n`));
  const stderr = options.stderr ?? ((t: string) => process.stderr.write(`${t}\n`));
  const parsed = parseArgs(argv);
  if (parsed.command === 'help') {
    stdout(USAGE);
    return 0;
  }
  if (parsed.command === 'version') {
    stdout(reportVersion());
    return 0;
  }
  if (parsed.command === 'error') {
    stderr(`lslab: ${parsed.message}\n\n${USAGE}`);
    return 2;
  }
  const sources = options.sources ?? claimSources;
  if (parsed.command === 'dev') return runDev(parsed.args, sources, stdout);
  if (parsed.command === 'sweep' || parsed.command === 'merge') {
    return sweepMain(parsed, {
      sources,
      stdout,
      stderr,
      tty: options.tty ?? process.stderr.isTTY === true,
      progress: options.progress ?? ((t) => process.stderr.write(t)),
      threads: options.threads,
    });
  }
  const args = parsed.args;
  // with --json -, stdout carries the JSON alone and people read stderr
  const say = args.json === '-' ? stderr : stdout;
  const unknown = unknownClaims(args.claims, sources);
  if (unknown.length > 0) {
    stderr(`lslab: --claims: no claim ${unknown.join(', ')} (the catalogue is C1 to C11)`);
    return 2;
  }
  const progress = createProgress({
    write: args.quiet ? () => {} : (options.progress ?? ((t) => process.stderr.write(t))),
    tty: options.tty ?? process.stderr.isTTY === true,
  });
  try {
    if (args.json !== undefined && args.json !== '-') checkOutFile(args.json);
    const predictions = loadPredictions(args);
    const report = await generateReport({
      sources,
      claims: args.claims,
      seed: args.seed,
      predictions,
      threads: args.threads ?? options.threads,
      onProgress: (e) => progress.claim(e),
      extraChapters: args.fromSweep === undefined ? undefined : [sweepChapter(args.fromSweep)],
    });
    progress.phase('writing the report');
    writeReportDir(args.out, report.files);
    if (args.json === '-') process.stdout.write(resultsJson(report.results));
    else if (args.json !== undefined) writeJsonAtomic(args.json, report.results);
    progress.end();
    if (!args.quiet) for (const line of formatSummary(report.claims)) say(line);
    say(`Report: ${join(args.out, 'index.html')}`);
    return args.strict && !report.claims.every(claimHolds) ? 1 : 0;
  } catch (e) {
    progress.end();
    const message = e instanceof Error ? e.message : String(e);
    stderr(`lslab: ${message}; nothing was written.`);
    return 2;
  }
}
