import { fromRows, LslabError } from '@lslab/core';
import { expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { softmaxRegression } from '../../src/training/index.ts';
import { checkGradient, checkHessian, randomData, randomizeParams } from './helpers.ts';

describe('softmaxRegression(options)', () => {
  it('forward(x) computes xW + b with W stored d×K row-major', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 3 });
    m.tensors.W.set([1, 2, 3, 4, 5, 6]); // rows: feature 0 → [1, 2, 3], feature 1 → [4, 5, 6]
    m.tensors.b.set([0.5, 0, -0.5]);
    const z = m.forward(
      fromRows([
        [1, -1],
        [2, 0.5],
      ]),
    );
    // [1−4+0.5, 2−5, 3−6−0.5] and [2+2+0.5, 4+2.5, 6+3−0.5]
    expect(Array.from(z.data)).toEqual([-2.5, -3, -3.5, 4.5, 6.5, 8.5]);
  });

  it('starts at zero: predictProba is uniform and the loss is ln K', () => {
    const { x, y } = randomData(1, 20, 3, 4);
    const m = softmaxRegression({ inputDim: 3, numClasses: 4 });
    expectArraysClose(m.predictProba(x).data.subarray(0, 4), [0.25, 0.25, 0.25, 0.25]);
    expectClose(m.lossAndGradient(x, y), Math.log(4), { rtol: 2 });
  });

  it('lossAndGradient matches central differences, with and without bias, L2, smoothing and weights', () => {
    const { x, y } = randomData(2, 15, 4, 3);
    for (const bias of [true, false]) {
      for (const weightMode of ['target', 'sample'] as const) {
        const m = softmaxRegression({
          inputDim: 4,
          numClasses: 3,
          bias,
          l2: 0.2,
          loss: { labelSmoothing: 0.15, convention: 'others', weight: [1, 0.3, 2], weightMode },
        });
        randomizeParams(m, 3);
        checkGradient(m, x, y);
        checkGradient(m, x, y, Uint32Array.of(3, 3, 14, 0));
      }
    }
  });

  it('adds (λ/2)‖W‖² and leaves the bias unpenalised', () => {
    const { x, y } = randomData(3, 10, 2, 3);
    const a = softmaxRegression({ inputDim: 2, numClasses: 3 });
    const b = softmaxRegression({ inputDim: 2, numClasses: 3, l2: 0.7 });
    randomizeParams(a, 4);
    b.params.set(a.params);
    let w2 = 0;
    for (const w of a.tensors.W) w2 += w * w;
    expectClose(b.lossAndGradient(x, y) - a.lossAndGradient(x, y), 0.35 * w2, { rtol: 64 });
    expectArraysClose(b.gradTensors.b, a.gradTensors.b, { rtol: 0 });
  });

  it('hessian matches central differences of the gradient (unweighted and weighted, both modes)', () => {
    const { x, y } = randomData(4, 12, 3, 3);
    const variants = [
      { l2: 0, loss: {} },
      { l2: 0.1, loss: { labelSmoothing: 0.1 } },
      { l2: 0, loss: { labelSmoothing: 0.2, weight: [2, 0.5, 1], weightMode: 'target' as const } },
      {
        l2: 0.05,
        loss: {
          labelSmoothing: 0.3,
          convention: 'others' as const,
          weight: [2, 0.5, 1],
          weightMode: 'sample' as const,
        },
      },
    ];
    for (const v of variants) {
      const m = softmaxRegression({ inputDim: 3, numClasses: 3, ...v });
      randomizeParams(m, 5);
      checkHessian(m, x, y);
    }
  });

  it('throws for bad dimensions, a negative L2 and a foreign loss option', () => {
    expect(() => softmaxRegression({ inputDim: 0, numClasses: 3 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => softmaxRegression({ inputDim: 2, numClasses: 1 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => softmaxRegression({ inputDim: 2, numClasses: 2, l2: -1 })).toThrow(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
    expect(() => softmaxRegression({ inputDim: 2, numClasses: 2, loss: { posWeight: 2 } })).toThrow(
      expect.objectContaining({ code: 'E_OPTION' }),
    );
  });

  it('forward(x) rejects a wrong column count, a non-finite feature and sparse input', () => {
    const m = softmaxRegression({ inputDim: 2, numClasses: 2 });
    expect(() => m.forward(fromRows([[1, 2, 3]]))).toThrow(
      expect.objectContaining({ code: 'E_SHAPE' }),
    );
    expect(() => m.forward(fromRows([[1, Number.NaN]]))).toThrow(/x\[0\]\[1\] = NaN/);
    const csr = {
      rows: 1,
      cols: 2,
      indptr: Int32Array.of(0, 1),
      indices: Int32Array.of(0),
      values: Float64Array.of(1),
    };
    expect(() => m.forward(csr)).toThrow(LslabError);
  });
});
