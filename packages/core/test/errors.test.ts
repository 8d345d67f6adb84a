import { describe, expect, it } from 'vitest';
import { fromRows, LslabError, type LslabErrorCode, softmax } from '../src/index.ts';

const CODES: LslabErrorCode[] = [
  'E_SHAPE',
  'E_RANGE',
  'E_NOT_FINITE',
  'E_NOT_DISTRIBUTION',
  'E_LABEL',
  'E_EMPTY',
  'E_PARSE',
  'E_OPTION',
  'E_CONVERGENCE',
];

describe('new LslabError(code, fn, problem, details)', () => {
  it('keeps the problem apart, so a caller can throw it again in its own name', () => {
    const inner = new LslabError('E_RANGE', 'splitDataset', 'must sum to 1', {
      argument: 'options.fractions',
      value: [0.5, 0.2],
    });
    expect(inner.problem).toBe('must sum to 1');
    const outer = new LslabError(inner.code, 'loadPenguins', inner.problem, inner.details);
    expect(outer.message).toBe('loadPenguins: options.fractions = [0.5,0.2]: must sum to 1');
  });

  it.each(CODES)('keeps code %s, is an Error and an LslabError', (code) => {
    const e = new LslabError(code, 'f', 'went wrong');
    expect(e).toBeInstanceOf(Error);
    expect(e).toBeInstanceOf(LslabError);
    expect(e.code).toBe(code);
    expect(e.fn).toBe('f');
    expect(e.name).toBe('LslabError');
    expect(e.details).toEqual({});
  });

  it('message is "fn: problem" without an argument', () => {
    expect(new LslabError('E_RANGE', 'f', 'went wrong').message).toBe('f: went wrong');
  });

  it('message names argument, row, column and value', () => {
    const e = new LslabError('E_NOT_FINITE', 'softmax', 'is not finite', {
      argument: 'z',
      row: 4812,
      column: 3,
      value: Number.NaN,
    });
    expect(e.message).toBe('softmax: z[4812][3] = NaN: is not finite');
    expect(e.details.row).toBe(4812);
    expect(e.details.column).toBe(3);
  });

  it('message names the line of a parse error', () => {
    const e = new LslabError('E_PARSE', 'readCsv', 'is not a number', {
      argument: 'preds.csv',
      line: 7,
      column: 2,
      value: 'abc',
    });
    expect(e.message).toBe('readCsv: preds.csv line 7[2] = "abc": is not a number');
  });

  it('shows ±Infinity, negative zero as 0, objects as JSON and an explicit undefined value', () => {
    const msg = (value: unknown) =>
      new LslabError('E_RANGE', 'f', 'bad', { argument: 'x', value }).message;
    expect(msg(Number.POSITIVE_INFINITY)).toBe('f: x = Infinity: bad');
    expect(msg(Number.NEGATIVE_INFINITY)).toBe('f: x = -Infinity: bad');
    expect(msg(1.7)).toBe('f: x = 1.7: bad');
    expect(msg([1, 2])).toBe('f: x = [1,2]: bad');
    expect(msg(undefined)).toBe('f: x = undefined: bad');
    expect(new LslabError('E_RANGE', 'f', 'bad', { argument: 'x' }).message).toBe('f: x: bad');
  });

  it('shows a value that JSON cannot serialise', () => {
    const cyclic: { self?: unknown } = {};
    cyclic.self = cyclic;
    expect(new LslabError('E_RANGE', 'f', 'bad', { argument: 'x', value: cyclic }).message).toBe(
      'f: x = [object Object]: bad',
    );
  });

  it('is what public functions throw', () => {
    let caught: unknown;
    try {
      softmax(fromRows([[0, Number.NaN]]));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(LslabError);
    expect((caught as LslabError).code).toBe('E_NOT_FINITE');
    expect((caught as LslabError).message).toBe('softmax: z[0][1] = NaN: is not finite');
  });
});
