/**
 * The stable error codes of lslab. A code never changes meaning between
 * releases; new codes may be added.
 *
 * - `E_SHAPE`: lengths or dimensions disagree.
 * - `E_RANGE`: a number is outside its domain (α ∉ [0, 1], K < 2, a negative weight…).
 * - `E_NOT_FINITE`: NaN or ±∞ where a finite number is required.
 * - `E_NOT_DISTRIBUTION`: a row that should be a probability distribution is not one.
 * - `E_LABEL`: a class label that is not an integer in [0, K).
 * - `E_EMPTY`: no rows (or no rows left after ignoring some).
 * - `E_PARSE`: a file or string could not be read; the message names line and column.
 * - `E_OPTION`: an option has an unknown value or does not apply.
 * - `E_CONVERGENCE`: an iterative solver did not reach its tolerance.
 */
export type LslabErrorCode =
  | 'E_SHAPE'
  | 'E_RANGE'
  | 'E_NOT_FINITE'
  | 'E_NOT_DISTRIBUTION'
  | 'E_LABEL'
  | 'E_EMPTY'
  | 'E_PARSE'
  | 'E_OPTION'
  | 'E_CONVERGENCE';

/** Where in the input an error was found. Every field is optional. */
export interface LslabErrorDetails {
  /** Name of the argument or option, e.g. `'logits'` or `'options.weight'`. */
  argument?: string;
  /** Zero-based row (sample) index. */
  row?: number;
  /** Zero-based column (class or feature) index. */
  column?: number;
  /** The offending value, as given. */
  value?: unknown;
  /** One-based line of a file, for parse errors. */
  line?: number;
}

function show(value: unknown): string {
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'NaN';
    return String(value);
  }
  if (typeof value === 'string') return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The one error type lslab throws for bad input. `code` is stable and meant
 * for programs; `message` names the function, the argument, the row/column and
 * the value, and is meant for people.
 *
 * @example
 * try {
 *   softmax(fromRows([[0, Number.NaN]]));
 * } catch (e) {
 *   if (e instanceof LslabError) e.code; // 'E_NOT_FINITE'
 *   // e.message: "softmax: z[0][1] = NaN: is not finite"
 * }
 */
export class LslabError extends Error {
  /** Stable machine-readable code. */
  readonly code: LslabErrorCode;
  /** Name of the function that rejected its input. */
  readonly fn: string;
  /** Where the problem is. */
  readonly details: LslabErrorDetails;
  /** What is wrong, without the function and the place (the message's last part). */
  readonly problem: string;

  constructor(code: LslabErrorCode, fn: string, problem: string, details: LslabErrorDetails = {}) {
    super(`${fn}: ${LslabError.where(details)}${problem}`);
    this.name = 'LslabError';
    this.code = code;
    this.fn = fn;
    this.details = details;
    this.problem = problem;
  }

  private static where(d: LslabErrorDetails): string {
    if (d.argument === undefined) return '';
    let s = d.argument;
    if (d.line !== undefined) s += ` line ${d.line}`;
    if (d.row !== undefined) s += `[${d.row}]`;
    if (d.column !== undefined) s += `[${d.column}]`;
    if ('value' in d) s += ` = ${show(d.value)}`;
    return `${s}: `;
  }
}
