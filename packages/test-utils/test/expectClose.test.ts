import { describe, expect, it } from 'vitest';
import { EPS, expectArraysClose, expectClose } from '../src/index.ts';

describe('expectClose(actual, expected, tol)', () => {
  it('passes on exact equality, including equal infinities', () => {
    expect(() => expectClose(1.5, 1.5, { rtol: 0 })).not.toThrow();
    expect(() => expectClose(Infinity, Infinity, { rtol: 0 })).not.toThrow();
  });
  it('accepts 0.1 + 0.2 vs 0.3 at 1·EPS relative (|Δ| = 2^-54 < 0.3·2^-52)', () => {
    expect(() => expectClose(0.1 + 0.2, 0.3, { rtol: 1 })).not.toThrow();
    expect(() => expectClose(0.1 + 0.2, 0.3, { rtol: 0.1 })).toThrow(/\|Δ\| = 5\.551e-17/);
  });
  it('uses atol in multiples of EPS', () => {
    expect(() => expectClose(1e-17, 0, { atol: 1 })).not.toThrow();
    expect(() => expectClose(3 * EPS, 0, { atol: 2 })).toThrow(/tol = 4\.441e-16/);
  });
  it('rejects NaN unless both sides are NaN', () => {
    expect(() => expectClose(Number.NaN, 1, { rtol: 1e9 })).toThrow(/NaN/);
    expect(() => expectClose(Number.NaN, Number.NaN)).not.toThrow();
  });
  it('prints the label, the inputs and the relative error', () => {
    expect(() => expectClose(2, 1, { label: 'loss' })).toThrow(
      /^loss: expected 1, got 2; .*relative \|Δ\|\/\|e\| = 1\.000e\+0/,
    );
  });
});

describe('expectArraysClose(actual, expected, tol)', () => {
  it('names the first failing index and the number of failures', () => {
    expect(() => expectArraysClose([1, 2, 3], [1, 2.5, 3.5])).toThrow(
      /2 of 3 elements differ; first at \[1\]/,
    );
  });
  it('rejects a length mismatch', () => {
    expect(() => expectArraysClose([1], [1, 2])).toThrow(/length 1 ≠ expected length 2/);
  });
  it('passes element-wise within tolerance', () => {
    expect(() =>
      expectArraysClose(new Float64Array([1, 2]), [1, 2 + 2 * EPS], { rtol: 2 }),
    ).not.toThrow();
  });
});
