import { fromRows } from '@lslab/core';
import { expectClose } from '@lslab/test-utils';
import { all, type BigNumber, create } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { applyTemperature, fitTemperature } from '../../src/index.ts';
import { thrownCode } from './helpers.ts';

const big = create(all, { number: 'BigNumber', precision: 64 });
const B = (x: number) => big.bignumber(x) as BigNumber;

/** softmax((z − max z)/T) at 64 digits, rounded once to doubles. */
function bigSoftmax(row: number[], t: number): number[] {
  const m = Math.max(...row);
  const e = row.map((v) => big.exp(big.divide(big.subtract(B(v), B(m)), B(t)) as BigNumber));
  const s = e.reduce((a, b) => big.add(a, b) as BigNumber, B(0));
  return e.map((v) => Number(big.divide(v, s).toString()));
}

/** Mean NLL of softmax(β·z) at 64 digits: (1/N) Σ_i [βm_i + ln Σ_j e^{β(z_ij − m_i)} − βz_iy]. */
function bigNll(rows: number[][], y: number[], beta: number): number {
  let total = B(0);
  rows.forEach((row, i) => {
    const m = Math.max(...row);
    const s = row.reduce(
      (a, v) =>
        big.add(
          a,
          big.exp(big.multiply(B(beta), big.subtract(B(v), B(m))) as BigNumber),
        ) as BigNumber,
      B(0),
    );
    const term = big.add(big.log(s), big.multiply(B(beta), big.subtract(B(m), B(row[y[i]]))));
    total = big.add(total, term) as BigNumber;
  });
  return Number(big.divide(total, B(rows.length)).toString());
}

describe('temperature scaling at the extremes of float64 (log domain)', () => {
  it('applyTemperature(z, 1e-320) gives the exact one-hot probabilities (ties shared)', () => {
    const rows = [
      [1, 0, -1],
      [2, 2, 0],
      [-3, 5, 4.999],
    ];
    const p = applyTemperature(fromRows(rows), 1e-320, { output: 'probabilities' });
    const expected = rows.flatMap((r) => bigSoftmax(r, 1e-320));
    expect(expected).toEqual([1, 0, 0, 0.5, 0.5, 0, 0, 1, 0]);
    expect(Array.from(p.data)).toEqual(expected);
  });

  it('applyTemperature on logits spanning ±1e308 matches 64-digit softmax at T = 1 and T = 1e300', () => {
    const rows = [
      [1e308, -1e308],
      [-1e308, 0, 1e308],
    ];
    for (const t of [1, 1e300]) {
      for (const r of rows) {
        const p = applyTemperature(fromRows([r]), t, { output: 'probabilities' });
        const e = bigSoftmax(r, t);
        Array.from(p.data).forEach((v, j) => {
          expectClose(v, e[j], { rtol: 4, atol: 1 });
        });
      }
    }
  });

  it("applyTemperature(z, 1e-320) with output 'logits': z/T overflows, E_RANGE (zero logits stay 0)", () => {
    expect(thrownCode(() => applyTemperature(fromRows([[1, 0]]), 1e-320))).toBe('E_RANGE');
    expect(Array.from(applyTemperature(fromRows([[0, 0]]), 1e-320).data)).toEqual([0, 0]);
  });

  it('fitTemperature on ±1e308 logits: nllBefore and nllAfter are the exact finite means', () => {
    const cases: [number[][], number[], number][] = [
      // one row right (NLL 0), one wrong by 2e308: the mean is 1e308
      [
        [
          [1e308, -1e308],
          [-1e308, 1e308],
        ],
        [0, 0],
        1e308,
      ],
      [
        [
          [1e308, -1e308, 0],
          [-1e308, 1e308, 3],
          [5, 1, 1e308],
        ],
        [0, 2, 1],
        // (1e308 + (1e308 − 3) + (1e308 − 1)) / 3 ≈ 2e308/3
        6.666666666666667e307,
      ],
    ];
    for (const [rows, y, before] of cases) {
      const fit = fitTemperature(fromRows(rows), y);
      expectClose(bigNll(rows, y, 1), before, { rtol: 2 });
      expectClose(fit.nllBefore, bigNll(rows, y, 1), { rtol: 8 });
      expectClose(fit.nllAfter, bigNll(rows, y, fit.beta), { rtol: 8 });
      // f(β) ≈ β·(mean gap of the wrong rows) falls all the way to the smallest β: T at its ceiling.
      expect(fit).toMatchObject({ status: 'ceiling', temperature: 1000 });
      expect(fit.nllAfter).toBeLessThan(fit.nllBefore);
    }
  });
});
