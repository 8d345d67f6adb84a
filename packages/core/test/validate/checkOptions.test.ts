import { describe, expect, it } from 'vitest';
import { checkOptions } from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

type Opts = { labelSmoothing?: number; reduction?: string; weight?: number[] };
const ALLOWED = ['labelSmoothing', 'reduction', 'weight'] as const;

describe('checkOptions(fn, options, allowed)', () => {
  it('returns {} for undefined and the object itself when every key is allowed', () => {
    expect(checkOptions<Opts>('f', undefined, ALLOWED)).toEqual({});
    const o = { labelSmoothing: 0.1, reduction: 'sum' };
    expect(checkOptions<Opts>('f', o, ALLOWED)).toBe(o);
    expect(checkOptions<Opts>('f', {}, ALLOWED)).toEqual({});
  });

  it('rejects an unknown key with E_OPTION naming the key, the function and the nearest allowed key', () => {
    const e = thrownLslabError(
      () => checkOptions<Opts>('softmaxCrossEntropy', { labelSmothing: 0.1 }, ALLOWED),
      'E_OPTION',
    );
    expect(e.fn).toBe('softmaxCrossEntropy');
    expect(e.details).toEqual({ argument: 'options.labelSmothing', value: 0.1 });
    expect(e.message).toBe(
      "softmaxCrossEntropy: options.labelSmothing = 0.1: is not an option of softmaxCrossEntropy; did you mean 'labelSmoothing'? (options: 'labelSmoothing', 'reduction', 'weight')",
    );
  });

  it("with name 'params' speaks of the parameters of a claim", () => {
    const e = thrownLslabError(
      () => checkOptions('C1.smoothed-targets', { alfa: 0.1 }, ['alpha', 'K'], 'params'),
      'E_OPTION',
    );
    expect(e.details).toEqual({ argument: 'params.alfa', value: 0.1 });
    expect(e.message).toBe(
      "C1.smoothed-targets: params.alfa = 0.1: is not a parameter of C1.smoothed-targets; did you mean 'alpha'? (parameters: 'alpha', 'K')",
    );
    expect(
      thrownLslabError(() => checkOptions('C2.gradient', [1], ['K'], 'params'), 'E_OPTION').message,
    ).toBe('C2.gradient: params = [1]: params must be an object');
  });

  it('suggests by edit distance, ignoring case: weights → weight, Reduction → reduction', () => {
    expect(
      thrownLslabError(() => checkOptions('f', { weights: [1] }, ALLOWED), 'E_OPTION').message,
    ).toContain("did you mean 'weight'?");
    expect(
      thrownLslabError(() => checkOptions('f', { Reduction: 'sum' }, ALLOWED), 'E_OPTION').message,
    ).toContain("did you mean 'reduction'?");
  });

  it('rejects an unknown key even when its value is undefined, and names the first unknown key', () => {
    const e = thrownLslabError(
      () => checkOptions('f', { reduction: 'sum', tol: undefined, x: 1 }, ALLOWED),
      'E_OPTION',
    );
    expect(e.details.argument).toBe('options.tol');
  });

  it('says so when the function takes no options', () => {
    const e = thrownLslabError(() => checkOptions('g', { a: 1 }, []), 'E_OPTION');
    expect(e.message).toBe('g: options.a = 1: is not an option of g; (options: none)');
  });

  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a number', 0.1],
    ['a string', 'mean'],
    ['a boolean', true],
  ])('rejects %s as options with E_OPTION "options must be an object"', (_, value) => {
    const e = thrownLslabError(() => checkOptions('f', value, ALLOWED), 'E_OPTION');
    expect(e.fn).toBe('f');
    expect(e.details.argument).toBe('options');
    expect(e.message).toMatch(/^f: options = .*: options must be an object$/);
  });
});
