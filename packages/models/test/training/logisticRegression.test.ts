import { fromRows, type Matrix } from '@lslab/core';
import { expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import type { CsrMatrix } from '../../src/data/dataset.ts';
import { logisticRegression } from '../../src/training/index.ts';
import { checkGradient, checkHessian, randomData, randomizeParams } from './helpers.ts';

/** The CSR form of a dense matrix, keeping only non-zeros. */
function toCsr(x: Matrix): CsrMatrix {
  const indptr = new Int32Array(x.rows + 1);
  const indices: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < x.cols; j++) {
      const v = x.data[i * x.cols + j];
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    }
    indptr[i + 1] = indices.length;
  }
  return {
    rows: x.rows,
    cols: x.cols,
    indptr,
    indices: Int32Array.from(indices),
    values: Float64Array.from(values),
  };
}

/** Features with about half the entries zero, so the sparse path skips something. */
function sparseData(seed: number, n: number, d: number) {
  const { x, y } = randomData(seed, n, d, 2);
  for (let i = 0; i < x.data.length; i++) if (i % 3 !== 0 && (i * 7) % 5 < 3) x.data[i] = 0;
  return { x, y };
}

describe('logisticRegression(options)', () => {
  it('predictProba gives [1 − σ(z), σ(z)]: z = ln 9 → [0.1, 0.9]', () => {
    const m = logisticRegression({ inputDim: 1 });
    m.params.set([Math.log(9), 0]);
    expectArraysClose(m.predictProba(fromRows([[1], [-1]])).data, [0.1, 0.9, 0.9, 0.1], {
      rtol: 4,
    });
  });

  it('lossAndGradient at zero is ln 2 with gradient mean((1/2 − t′)·x̃) (hand computation)', () => {
    const x = fromRows([
      [1, 2],
      [3, -1],
    ]);
    const y = [1, 0];
    const m = logisticRegression({ inputDim: 2, loss: { labelSmoothing: 0.2 } });
    // t′ = t·0.8 + 0.1: 0.9 and 0.1; σ(0) − t′ = −0.4 and 0.4
    expectClose(m.lossAndGradient(x, y), Math.log(2), { rtol: 2 });
    // ∇w = ((−0.4)·[1, 2] + 0.4·[3, −1]) / 2 = [0.4, −0.6]; ∇b = 0
    expectArraysClose(m.grad, [0.4, -0.6, 0], { rtol: 4, atol: 1 });
  });

  it('lossAndGradient matches central differences, dense and CSR, with smoothing, posWeight and L2', () => {
    const { x, y } = sparseData(5, 14, 4);
    for (const bias of [true, false]) {
      const loss = { labelSmoothing: 0.1, convention: 'others' as const, posWeight: 1.7 };
      const m = logisticRegression({ inputDim: 4, l2: 0.3, bias, loss });
      randomizeParams(m, 6);
      checkGradient(m, x, y);
      checkGradient(m, toCsr(x), y);
      checkGradient(m, toCsr(x), y, Uint32Array.of(13, 2, 2, 8));
    }
  });

  it('gives the same loss and gradient for dense and CSR input', () => {
    const { x, y } = sparseData(6, 30, 5);
    const m = logisticRegression({ inputDim: 5, l2: 0.01 });
    randomizeParams(m, 7);
    const dense = m.lossAndGradient(x, y);
    const g = Float64Array.from(m.grad);
    const sparse = m.lossAndGradient(toCsr(x), y);
    expectClose(sparse, dense, { rtol: 8 });
    expectArraysClose(m.grad, g, { rtol: 64, atol: 4 });
    expectArraysClose(m.forward(toCsr(x)).data, m.forward(x).data, { rtol: 16, atol: 4 });
  });

  it('hessian matches central differences of the gradient, dense and CSR', () => {
    const { x, y } = sparseData(7, 16, 3);
    for (const bias of [true, false]) {
      const m = logisticRegression({
        inputDim: 3,
        l2: 0.05,
        bias,
        loss: { labelSmoothing: 0.1, posWeight: 2.5 },
      });
      randomizeParams(m, 8);
      checkHessian(m, x, y);
      checkHessian(m, toCsr(x), y);
    }
  });

  it('throws E_OPTION for class weights, E_RANGE for a bad dimension, E_SHAPE for a wrong width', () => {
    expect(() => logisticRegression({ inputDim: 2, loss: { weight: [1, 2] } })).toThrow(
      expect.objectContaining({ code: 'E_OPTION' }),
    );
    expect(() => logisticRegression({ inputDim: 0 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    const m = logisticRegression({ inputDim: 2 });
    expect(() => m.forward(fromRows([[1]]))).toThrow(expect.objectContaining({ code: 'E_SHAPE' }));
    const bad = toCsr(fromRows([[1, 0]]));
    expect(() => m.forward({ ...bad, values: Float64Array.of(Number.POSITIVE_INFINITY) })).toThrow(
      expect.objectContaining({ code: 'E_NOT_FINITE' }),
    );
  });
});
