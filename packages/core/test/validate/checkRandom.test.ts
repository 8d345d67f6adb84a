import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/index.ts';
import { checkRng, checkSeed, SEED_LIMIT } from '../../src/validate/index.ts';
import { thrownLslabError } from '../helpers/index.ts';

describe('checkSeed(fn, name, seed)', () => {
  it('accepts every integer in [0, 2^53)', () => {
    expect(SEED_LIMIT).toBe(9007199254740992);
    for (const s of [0, 1, 2 ** 32, 2 ** 53 - 1]) expect(checkSeed('f', 'options.seed', s)).toBe(s);
  });

  it('E_RANGE for fractions, negatives, 2^53 and non-numbers; E_NOT_FINITE for NaN and ∞', () => {
    expect(
      thrownLslabError(() => checkSeed('bootstrap', 'options.seed', 1.5), 'E_RANGE').message,
    ).toBe('bootstrap: options.seed = 1.5: must be an integer in [0, 9007199254740991]');
    for (const s of [-1, 2 ** 53, '7'])
      thrownLslabError(() => checkSeed('f', 'seed', s), 'E_RANGE');
    for (const s of [Number.NaN, Infinity])
      thrownLslabError(() => checkSeed('f', 'seed', s), 'E_NOT_FINITE');
  });
});

describe('checkRng(fn, name, rng)', () => {
  it('returns a generator made by createRng', () => {
    const r = createRng(1);
    expect(checkRng('train', 'options.rng', r)).toBe(r);
    expect(checkRng('train', 'options.rng', r.split())).toBeDefined();
  });

  it('rejects Math.random, a seed or a look-alike object with E_OPTION naming the argument', () => {
    expect(
      thrownLslabError(() => checkRng('train', 'options.rng', Math.random), 'E_OPTION').message,
    ).toBe('train: options.rng: is not an Rng; make one with createRng(seed)');
    thrownLslabError(() => checkRng('train', 'options.rng', 42), 'E_OPTION');
    thrownLslabError(() => checkRng('train', 'options.rng', { uniform: () => 0.5 }), 'E_OPTION');
  });
});
