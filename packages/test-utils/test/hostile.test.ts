import { describe, expect, it } from 'vitest';
import { nonFinite, parameterNames, runHostile } from '../src/hostile.ts';
import { thrown, thrownLslabError } from '../src/index.ts';

/** An error shaped like core's LslabError, without importing core. */
class FakeLslabError extends Error {
  readonly code: string;
  readonly fn: string;
  readonly details: { argument?: string };
  constructor(code: string, fn: string, argument: string) {
    super(`${fn}: ${argument}: is bad`);
    this.name = 'LslabError';
    this.code = code;
    this.fn = fn;
    this.details = { argument };
  }
}

function strict(x: unknown): number {
  if (typeof x !== 'number' || !Number.isFinite(x))
    throw new FakeLslabError('E_NOT_FINITE', 'strict', 'x');
  return Math.min(x, 1);
}

describe('runHostile', () => {
  it('passes a function that checks its input, and counts its calls', async () => {
    const r = await runHostile('fake', { strict }, { strict: { args: () => [1] } });
    expect(r.failures).toEqual([]);
    expect(r.calls).toBe(r.typedErrors + r.validResults);
    expect(r.typedErrors).toBeGreaterThan(0);
  });

  it('reports a TypeError, a NaN result, an undocumented code, a wrong fn and a missing entry', async () => {
    const api = {
      loose: (x: { length: number }) => x.length,
      nan: (x: number) => x * Number.NaN,
      oddCode: (_x: unknown) => {
        throw new FakeLslabError('E_WHATEVER', 'oddCode', '_x');
      },
      inner: (_x: unknown) => {
        throw new FakeLslabError('E_RANGE', 'helper', '_x');
      },
      forgotten: () => 1,
    };
    const r = await runHostile('fake', api, {
      loose: { args: () => [[1]], randomRuns: 0 },
      nan: { args: () => [1], randomRuns: 0 },
      oddCode: { args: () => [1], randomRuns: 0 },
      inner: { args: () => [1], randomRuns: 0 },
    });
    const text = r.failures.join('\n');
    expect(text).toMatch(/loose\(argument 0 = null\): threw TypeError/);
    expect(text).toMatch(/nan\(valid baseline\): returned result = NaN/);
    expect(text).toMatch(/undocumented code E_WHATEVER/);
    expect(text).toMatch(/the error names helper, not inner/);
    expect(text).toMatch(/forgotten: exported but missing from the hostile table/);
  });
});

describe('runHostile time bound', () => {
  it('fails a call that spins past its CPU-time bound, and not one that only waits', async () => {
    const spin = (_x: unknown) => {
      const cpu0 = process.cpuUsage();
      let t = 0;
      while (t < 40_000) {
        const c = process.cpuUsage(cpu0);
        t = c.user + c.system;
      }
      return 1;
    };
    const wait = async (_x: unknown) => {
      await new Promise((r) => setTimeout(r, 25));
      return 1;
    };
    const r = await runHostile(
      'fake',
      { spin, wait },
      {
        spin: { args: () => [1], randomRuns: 0, timeBoundMs: 10 },
        wait: { args: () => [1], randomRuns: 0, timeBoundMs: 10 },
      },
    );
    const text = r.failures.join('\n');
    expect(text).toMatch(/spin\(valid baseline\): took \d+ ms of CPU time \(bound 10 ms\)/);
    expect(text).not.toMatch(/wait\(/);
  });
});

describe('hostile helpers', () => {
  it('parameterNames reads a function source', () => {
    function f(logits: unknown, target: unknown, options = {}) {
      return [logits, target, options];
    }
    expect(parameterNames(f)).toEqual(['logits', 'target', 'options']);
  });

  it('nonFinite walks arrays, typed arrays and objects', () => {
    expect(nonFinite({ a: [1, { b: Float64Array.of(0, Number.POSITIVE_INFINITY) }] })).toEqual([
      { path: 'result.a[1].b[1]', value: Number.POSITIVE_INFINITY },
    ]);
    expect(nonFinite({ a: 1, f: () => Number.NaN })).toEqual([]);
  });
});

describe('thrown', () => {
  it('returns the LslabError, and fails saying what happened otherwise', () => {
    const e = thrown(() => strict('x'));
    expect([e.code, e.fn, e.details.argument]).toEqual(['E_NOT_FINITE', 'strict', 'x']);
    expect(() => thrown(() => 1)).toThrow('expected an LslabError, but nothing was thrown');
    expect(() =>
      thrown(() => {
        throw new TypeError('boom');
      }),
    ).toThrow('expected an LslabError, but got TypeError: boom');
    expect(() => thrownLslabError(() => strict('x'), 'E_RANGE')).toThrow(
      'expected E_RANGE, got E_NOT_FINITE',
    );
  });
});
