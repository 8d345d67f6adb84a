import { LslabError } from '../errors.js';
import type { Matrix } from '../matrix.js';
import { checkMatrix } from '../validate/index.js';

/** @internal Logits and targets of an element-wise loss, flattened, with their shape. */
export interface ElementPairs {
  x: ArrayLike<number>;
  t: ArrayLike<number>;
  rows: number;
  cols: number;
  isMatrix: boolean;
}

function isMatrix(v: unknown): v is Matrix {
  return v !== null && typeof v === 'object' && 'rows' in v && 'cols' in v && 'data' in v;
}

/**
 * @internal Accepts two 1-D array-likes of equal length (cols = 1) or two
 * Matrices of equal shape; checks that both are non-empty, logits finite and
 * targets finite and in [0, 1], naming the row (and column) of the first bad value.
 */
export function elementPairs(
  fn: string,
  logits: Matrix | ArrayLike<number>,
  targets: Matrix | ArrayLike<number>,
): ElementPairs {
  const lm = isMatrix(logits);
  if (lm !== isMatrix(targets)) {
    throw new LslabError(
      'E_SHAPE',
      fn,
      `is ${lm ? 'an array' : 'a Matrix'}, expected ${lm ? 'a Matrix' : 'an array'} like logits`,
      { argument: 'targets' },
    );
  }
  let p: ElementPairs;
  if (lm) {
    const a = logits as Matrix;
    const b = targets as Matrix;
    checkMatrix(fn, 'logits', a);
    checkMatrix(fn, 'targets', b);
    if (a.rows !== b.rows || a.cols !== b.cols) {
      throw new LslabError(
        'E_SHAPE',
        fn,
        `is ${b.rows} × ${b.cols}, expected ${a.rows} × ${a.cols} like logits`,
        { argument: 'targets' },
      );
    }
    p = { x: a.data, t: b.data, rows: a.rows, cols: a.cols, isMatrix: true };
  } else {
    const a = logits as ArrayLike<number>;
    const b = targets as ArrayLike<number>;
    for (const [name, v] of [
      ['logits', a],
      ['targets', b],
    ] as const) {
      if (v === null || typeof v !== 'object' || typeof v.length !== 'number') {
        throw new LslabError('E_SHAPE', fn, 'is neither an array of numbers nor a Matrix', {
          argument: name,
        });
      }
    }
    if (a.length !== b.length) {
      throw new LslabError('E_SHAPE', fn, `has length ${b.length}, expected ${a.length}`, {
        argument: 'targets',
      });
    }
    p = { x: a, t: b, rows: a.length, cols: 1, isMatrix: false };
  }
  if (p.x.length === 0) throw new LslabError('E_EMPTY', fn, 'is empty', { argument: 'logits' });
  const where = (i: number) =>
    p.isMatrix ? { row: Math.floor(i / p.cols), column: i % p.cols } : { row: i };
  for (let i = 0; i < p.x.length; i++) {
    const v = p.x[i];
    if (typeof v !== 'number' || !(v > -Infinity && v < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: 'logits',
        ...where(i),
        value: v,
      });
    }
    const t = p.t[i];
    if (typeof t !== 'number' || !(t > -Infinity && t < Infinity)) {
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: 'targets',
        ...where(i),
        value: t,
      });
    }
    if (t < 0 || t > 1) {
      throw new LslabError('E_RANGE', fn, 'must lie in [0, 1]', {
        argument: 'targets',
        ...where(i),
        value: t,
      });
    }
  }
  return p;
}

/**
 * @internal Positive-class weights: a number (every column) or one value per
 * column; each finite and ≥ 0. Returns a Float64Array of length `cols`.
 */
export function positiveWeights(
  fn: string,
  name: string,
  w: number | ArrayLike<number> | undefined,
  cols: number,
): Float64Array {
  const out = new Float64Array(cols).fill(1);
  if (w === undefined) return out;
  if (typeof w === 'number') out.fill(w);
  else {
    if (w === null || typeof w !== 'object' || w.length !== cols) {
      throw new LslabError(
        'E_SHAPE',
        fn,
        `has length ${w?.length}, expected a number or one weight per column (${cols})`,
        { argument: name },
      );
    }
    for (let c = 0; c < cols; c++) out[c] = w[c];
  }
  for (let c = 0; c < cols; c++) {
    const v = out[c];
    const at = typeof w === 'number' ? {} : { column: c };
    if (!(v > -Infinity && v < Infinity))
      throw new LslabError('E_NOT_FINITE', fn, 'is not finite', {
        argument: name,
        ...at,
        value: v,
      });
    if (v < 0)
      throw new LslabError('E_RANGE', fn, 'must be ≥ 0', { argument: name, ...at, value: v });
  }
  return out;
}
