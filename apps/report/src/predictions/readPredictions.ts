import { fromRows, LslabError, type Matrix, softmax } from '@lslab/core';
import { parseCsv, parseJsonRecords } from './parseTable.js';
import {
  checkPredictionsBytes,
  checkPredictionsRows,
  MAX_PREDICTIONS_BYTES,
  MAX_PREDICTIONS_ROWS,
} from './predictionsLimits.js';

/** Options of {@link readPredictions}. */
export interface ReadPredictionsOptions {
  /** `'csv'` or `'json'`; default from the file name (`.json` → json, else csv). */
  format?: 'csv' | 'json';
  /** Treat the score columns as logits whatever their names. */
  logits?: boolean;
  /** The name shown in errors, e.g. the path as given. */
  name?: string;
}

/** A model's predictions, validated. */
export interface Predictions {
  /** The name the file was given by. */
  name: string;
  /** Whether the file held probabilities or logits. */
  kind: 'probabilities' | 'logits';
  /** Class names, from the score columns (prefix `p_`, `prob_`, `logit_` or `z_` removed). */
  classes: string[];
  /** N×K probabilities (softmax of the logits for a logits file). */
  probs: Matrix;
  /** N×K logits; for a probabilities file, ln p (0 floored at 1e-300). */
  logits: Matrix;
  /** Whether a probability of 0 was floored to take its log. */
  floored: boolean;
  /** Class index of each row. */
  labels: Int32Array;
}

const LABEL_NAMES = ['label', 'y', 'target'];
const FN = 'lslab report --predictions';

function fail(
  code: 'E_PARSE' | 'E_NOT_DISTRIBUTION' | 'E_LABEL' | 'E_EMPTY',
  name: string,
  problem: string,
  line?: number,
  value?: unknown,
): never {
  const details: Record<string, unknown> = { argument: name };
  if (line !== undefined) details.line = line;
  if (value !== undefined) details.value = value;
  throw new LslabError(code, FN, problem, details);
}

function scoreKind(columns: readonly string[], logits: boolean) {
  const strip = (re: RegExp) => columns.map((c) => c.replace(re, ''));
  if (logits || columns.every((c) => /^(logit|z)_/i.test(c))) {
    return { kind: 'logits' as const, classes: strip(/^(logit|z)_/i) };
  }
  return { kind: 'probabilities' as const, classes: strip(/^(p|prob)_/i) };
}

/**
 * Reads a model's predictions from CSV or JSON text: a label column (`label`,
 * `y` or `target`) and K ≥ 2 score columns, probabilities (`p_<class>`, or any
 * other names) or logits (`logit_<class>`, `z_<class>`, or `--logits`). A
 * label is a class index in [0, K) or a class name. JSON is an array of
 * records with the same fields.
 *
 * The size and row limits are checked first, before any parsing: at most
 * {@link MAX_PREDICTIONS_BYTES} bytes (text given as a string is measured in
 * UTF-16 code units, never more than its UTF-8 bytes) and
 * {@link MAX_PREDICTIONS_ROWS} data rows.
 *
 * @param input - the file's bytes (UTF-8) or text
 * @param options - format, logits, the name for messages
 * @returns validated predictions
 * @throws LslabError with the line: `E_PARSE` (not UTF-8, bad CSV/JSON, missing
 *   label column, fewer than two score columns, a number that is not finite),
 *   `E_NOT_DISTRIBUTION` (a probability outside [0, 1] or a row not summing to
 *   1 within 1e-6), `E_LABEL` (a label that is no class), `E_EMPTY` (no rows),
 *   `E_RANGE` (more than {@link MAX_PREDICTIONS_BYTES} bytes or
 *   {@link MAX_PREDICTIONS_ROWS} rows, before parsing)
 * @example
 * readPredictions('label,p_a,p_b\n0,0.8,0.2\n1,0.3,0.7\n').classes; // ['a', 'b']
 */
export function readPredictions(
  input: Uint8Array | string,
  options: ReadPredictionsOptions = {},
): Predictions {
  const name = options.name ?? 'predictions';
  checkPredictionsBytes(typeof input === 'string' ? input.length : input.byteLength, name);
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      fail('E_PARSE', name, 'is not UTF-8 text');
    }
  }
  const format = options.format ?? (/\.json$/i.test(name) ? 'json' : 'csv');
  checkPredictionsRows(text, format, name);
  let columns: string[];
  let rows: string[][];
  let lines: number[];
  if (format === 'json') {
    const records = parseJsonRecords(text);
    columns = records.length > 0 ? Object.keys(records[0]) : [];
    rows = records.map((r, i) => {
      const keys = Object.keys(r);
      if (keys.length !== columns.length || keys.some((k, j) => k !== columns[j])) {
        fail(
          'E_PARSE',
          name,
          `record ${i} has the fields ${JSON.stringify(keys)}, expected ${JSON.stringify(columns)}`,
        );
      }
      return columns.map((k) =>
        typeof r[k] === 'number' || typeof r[k] === 'string'
          ? String(r[k])
          : (JSON.stringify(r[k]) ?? ''),
      );
    });
    lines = records.map((_, i) => i + 1);
  } else {
    const table = parseCsv(text);
    columns = [...table.columns];
    rows = table.rows as string[][];
    lines = [...table.lines];
  }
  if (rows.length === 0) fail('E_EMPTY', name, 'has no data rows');
  const labelAt = columns.findIndex((c) => LABEL_NAMES.includes(c.trim().toLowerCase()));
  if (labelAt < 0)
    fail(
      'E_PARSE',
      name,
      `has no label column (one of ${LABEL_NAMES.join(', ')}) in ${JSON.stringify(columns)}`,
      1,
    );
  const scoreAt = columns.map((_, j) => j).filter((j) => j !== labelAt);
  if (scoreAt.length < 2)
    fail('E_PARSE', name, 'needs at least two score columns (one per class)', 1);
  const { kind, classes } = scoreKind(
    scoreAt.map((j) => columns[j]),
    options.logits === true,
  );
  const k = classes.length;
  const labels = new Int32Array(rows.length);
  const scores: number[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const line = format === 'json' ? undefined : lines[i];
    const at = line === undefined ? `record ${i}` : `line ${line}`;
    const row = rows[i];
    const values = scoreAt.map((j) => {
      const s = row[j].trim();
      const v = s === '' ? Number.NaN : Number(s);
      if (!Number.isFinite(v))
        fail(
          'E_PARSE',
          name,
          `${at}, column "${columns[j]}": ${JSON.stringify(row[j])} is not a finite number`,
          line,
          row[j],
        );
      if (kind === 'probabilities' && (v < 0 || v > 1)) {
        fail(
          'E_NOT_DISTRIBUTION',
          name,
          `${at}, column "${columns[j]}": ${v} is not a probability in [0, 1]`,
          line,
          v,
        );
      }
      return v;
    });
    if (kind === 'probabilities') {
      const sum = values.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - 1) > 1e-6)
        fail(
          'E_NOT_DISTRIBUTION',
          name,
          `${at}: the probabilities sum to ${sum}, not 1 (within 1e-6)`,
          line,
          sum,
        );
    }
    const raw = row[labelAt].trim();
    let label = /^\d+$/.test(raw) ? Number(raw) : classes.indexOf(raw);
    if (!(label >= 0 && label < k)) label = -1;
    if (label < 0)
      fail(
        'E_LABEL',
        name,
        `${at}, column "${columns[labelAt]}": ${JSON.stringify(row[labelAt])} is not a class (0…${k - 1} or one of ${classes.join(', ')})`,
        line,
        row[labelAt],
      );
    labels[i] = label;
    scores.push(values);
  }
  const given = fromRows(scores);
  let floored = false;
  const logits =
    kind === 'logits'
      ? given
      : fromRows(
          scores.map((r) =>
            r.map((p) => {
              if (p === 0) floored = true;
              return Math.log(Math.max(p, 1e-300));
            }),
          ),
        );
  return {
    name,
    kind,
    classes,
    probs: kind === 'logits' ? softmax(given) : given,
    logits,
    floored,
    labels,
  };
}
