import { thrownLslabError } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { checkClaimParams } from '../../src/validate/index.ts';

const DEFAULTS = { alpha: 0.1, K: 3 };

describe('checkClaimParams(id, defaults, params)', () => {
  it('fills the keys left out from the defaults and keeps the given ones', () => {
    expect(checkClaimParams('C1.smoothed-targets', DEFAULTS, { K: 5 })).toEqual({
      alpha: 0.1,
      K: 5,
    });
    expect(checkClaimParams('C1.smoothed-targets', DEFAULTS, undefined)).toEqual(DEFAULTS);
  });

  it('names an unknown key as a parameter of the claim, with the nearest one', () => {
    const e = thrownLslabError(
      () => checkClaimParams('C1.smoothed-targets', DEFAULTS, { alfa: 0.2 }),
      'E_OPTION',
    );
    expect(e.message).toBe(
      "C1.smoothed-targets: params.alfa = 0.2: is not a parameter of C1.smoothed-targets; did you mean 'alpha'? (parameters: 'alpha', 'K')",
    );
  });

  it('rejects parameters that are not an object', () => {
    for (const bad of [null, 'x', 3, [0.1]]) {
      const e = thrownLslabError(
        () => checkClaimParams('C6.optimal-margin', DEFAULTS, bad),
        'E_OPTION',
      );
      expect(e.fn).toBe('C6.optimal-margin');
    }
  });
});
