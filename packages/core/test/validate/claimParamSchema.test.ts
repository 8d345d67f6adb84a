import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { c1SmoothedTargets, c9TrainingRhythm } from '../../src/claims/index.ts';
import { LslabError } from '../../src/errors.ts';
import {
  type ClaimParamSchema,
  checkClaimParam,
  checkClaimParams,
  resolveParamControls,
} from '../../src/validate/index.ts';

const SCHEMA: ClaimParamSchema = {
  K: { kind: 'integer', label: 'K', min: 2, max: 1000, control: { max: 50 } },
  alpha: {
    kind: 'number',
    label: 'α',
    min: 0,
    max: (p) => ((p.K as number) - 1) / (p.K as number),
  },
  py: { kind: 'open', label: 'p_y', min: (p) => 1 / (p.K as number), max: 1, why: 'a reason' },
  lambda: { kind: 'positive', label: 'λ', control: { min: 0.01, max: 10 } },
  seed: { kind: 'seed', label: 'seed', control: { max: 1000 } },
  convention: { kind: 'choice', label: 'convention', values: ['uniform', 'others'] },
  trials: { kind: 'integer', label: 'trials', min: 1, max: 10, control: false },
};
const DEFAULTS = {
  K: 4,
  alpha: 0.1,
  py: 0.5,
  lambda: 1,
  seed: 0,
  convention: 'uniform',
  trials: 3,
};

function message(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LslabError);
    return (e as Error).message;
  }
  throw new Error('did not throw');
}

describe('checkClaimParam(id, name, value, spec, params)', () => {
  it('names the claim, the parameter and the domain, with bounds that depend on earlier parameters', () => {
    expect(message(() => checkClaimParams('C', DEFAULTS, { K: 1 }, SCHEMA))).toBe(
      'C: K = 1: must be an integer in [2, 1000]',
    );
    expect(message(() => checkClaimParams('C', DEFAULTS, { alpha: 0.8 }, SCHEMA))).toBe(
      'C: alpha = 0.8: must lie in [0, 0.75]',
    );
    expect(message(() => checkClaimParams('C', DEFAULTS, { py: 0.25 }, SCHEMA))).toBe(
      'C: py = 0.25: must lie in (0.25, 1) (a reason)',
    );
    expect(message(() => checkClaimParams('C', DEFAULTS, { lambda: 0 }, SCHEMA))).toBe(
      'C: lambda = 0: must be > 0',
    );
    expect(message(() => checkClaimParam('C', 'seed', -1, SCHEMA.seed))).toMatch(/seed = -1/);
    expect(message(() => checkClaimParam('C', 'convention', 'both', SCHEMA.convention))).toMatch(
      /convention/,
    );
    expect(message(() => checkClaimParams('C', DEFAULTS, { alfa: 0.1 }, SCHEMA))).toMatch(
      /did you mean 'alpha'/,
    );
  });
  it('returns the defaults overridden by valid values', () => {
    expect(checkClaimParams('C', DEFAULTS, { K: 10, py: 0.2 }, SCHEMA)).toEqual({
      ...DEFAULTS,
      K: 10,
      py: 0.2,
    });
  });
});

describe('resolveParamControls(schema, params)', () => {
  it('resolves bounds at the parameters and narrows them to the control; false hides a parameter', () => {
    const controls = resolveParamControls(SCHEMA, { ...DEFAULTS, K: 10 });
    expect(controls.map((c) => c.name)).toEqual([
      'K',
      'alpha',
      'py',
      'lambda',
      'seed',
      'convention',
    ]);
    expect(controls[0]).toMatchObject({ min: 2, max: 50, step: 1, value: 10 });
    expect(controls[1]).toMatchObject({ min: 0, max: 0.9, open: false });
    expect(controls[2]).toMatchObject({ min: 0.1, max: 1, open: true });
    expect(controls[3]).toMatchObject({ min: 0.01, max: 10, open: false });
    expect(controls[4]).toMatchObject({ min: 0, max: 1000, step: 1 });
    expect(controls[5].values).toEqual(['uniform', 'others']);
  });
  it('every value a closed control offers passes the claim’s own validation (C1, C9)', () => {
    for (const claim of [c1SmoothedTargets, c9TrainingRhythm]) {
      const schema = claim.paramSchema as ClaimParamSchema;
      const K = fc.integer({ min: 2, max: 40 });
      fc.assert(
        fc.property(K, fc.double({ min: 0, max: 1, noNaN: true }), (k, t) => {
          const base = { ...(claim.defaults as Record<string, unknown>), K: k };
          const c = resolveParamControls(schema, base).find(
            (x) => x.name !== 'K' && x.kind !== 'seed',
          );
          if (c === undefined || c.min === undefined || c.max === undefined) return;
          const v = c.min + t * (c.max - c.min);
          if (c.open && (v <= c.min || v >= c.max)) return;
          expect(() =>
            checkClaimParams(claim.id, claim.defaults, { ...base, [c.name]: v }, schema),
          ).not.toThrow();
        }),
        { numRuns: 200 },
      );
    }
  });
});
