import { fromRows, LslabError, matrix } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import {
  brierDecomposition,
  brierScore,
  createCalibrationAccumulator,
  expectedCalibrationError,
  ksCalibrationError,
  negativeLogLikelihood,
  overUnderConfidence,
  reliabilityDiagram,
  smoothCalibrationError,
} from '../../src/index.ts';

type Metric = (p: never, y: ArrayLike<number>) => unknown;

const metrics: Record<string, Metric> = {
  expectedCalibrationError,
  smoothCalibrationError,
  ksCalibrationError,
  brierScore,
  brierDecomposition,
  negativeLogLikelihood,
  overUnderConfidence,
  'CalibrationAccumulator.add': (p, y) =>
    createCalibrationAccumulator({ numClasses: 2 }).add(p as never, y),
};

function expectError(f: () => unknown, code: string, ...fragments: string[]): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(LslabError);
    expect((e as LslabError).code).toBe(code);
    for (const s of fragments) expect((e as LslabError).message).toContain(s);
    return;
  }
  throw new Error(`expected LslabError ${code}, nothing was thrown`);
}

describe.each(Object.entries(metrics))('%s(probs, labels) rejects bad input', (name, f) => {
  const good = fromRows([
    [0.3, 0.7],
    [0.6, 0.4],
  ]);

  it('E_NOT_DISTRIBUTION for a matrix entry outside [0, 1], naming row and column', () => {
    const m = fromRows([
      [0.5, 0.5],
      [1.5, -0.5],
    ]);
    expectError(() => f(m as never, [0, 1]), 'E_NOT_DISTRIBUTION', name, 'probs[1][0] = 1.5');
  });

  it('E_NOT_DISTRIBUTION for a row that does not sum to 1 within 1e-6', () => {
    const m = fromRows([
      [0.5, 0.5],
      [0.5, 0.5 + 2e-6],
    ]);
    expectError(() => f(m as never, [0, 1]), 'E_NOT_DISTRIBUTION', 'probs[1]', 'sums to');
    // within tolerance is accepted
    const ok = fromRows([
      [0.5, 0.5],
      [0.5, 0.5 + 5e-7],
    ]);
    expect(() => f(ok as never, [0, 1])).not.toThrow();
  });

  it('E_RANGE for a vector entry p(y=1) outside [0, 1]', () => {
    expectError(() => f([0.2, 1.2] as never, [0, 1]), 'E_RANGE', 'probs[1] = 1.2');
    expectError(() => f([-0.1, 0.5] as never, [0, 1]), 'E_RANGE', 'probs[0] = -0.1');
  });

  it('E_NOT_FINITE for NaN and ±∞ (matrix and vector)', () => {
    const m = fromRows([
      [0.5, 0.5],
      [Number.NaN, 0.5],
    ]);
    expectError(() => f(m as never, [0, 1]), 'E_NOT_FINITE', 'probs[1][0] = NaN');
    expectError(
      () => f([0.5, Number.POSITIVE_INFINITY] as never, [0, 1]),
      'E_NOT_FINITE',
      'probs[1]',
    );
  });

  it('E_LABEL for a label out of range or not an integer', () => {
    expectError(() => f(good as never, [0, 2]), 'E_LABEL', 'labels[1] = 2');
    expectError(() => f(good as never, [-1, 0]), 'E_LABEL', 'labels[0] = -1');
    expectError(() => f([0.5, 0.5] as never, [0, 0.5]), 'E_LABEL', 'labels[1] = 0.5');
    expectError(() => f([0.5, 0.5] as never, [0, Number.NaN]), 'E_LABEL', 'labels[1] = NaN');
  });

  it('E_EMPTY for no rows', () => {
    expectError(() => f([] as never, []), 'E_EMPTY', 'probs');
    expectError(() => f(matrix(0, 2) as never, []), 'E_EMPTY', 'probs');
  });

  it('E_SHAPE for mismatched lengths and a one-column matrix', () => {
    expectError(() => f(good as never, [0]), 'E_SHAPE', 'labels', 'expected 2');
    expectError(() => f([0.1, 0.2, 0.3] as never, [0, 1]), 'E_SHAPE', 'labels');
    expectError(() => f(matrix(2, 1, [1, 1]) as never, [0, 0]), 'E_SHAPE', 'K ≥ 2');
  });
});

describe('options are validated', () => {
  const p = [0.2, 0.8];
  const y = [0, 1];

  it('E_RANGE for bins < 1, not an integer or above the stated limit 10⁶; E_NOT_FINITE for NaN, ±∞', () => {
    const cases: [number, string][] = [
      [0, 'E_RANGE'],
      [-3, 'E_RANGE'],
      [2.5, 'E_RANGE'],
      [4e9, 'E_RANGE'],
      [2 ** 31, 'E_RANGE'],
      [Number.NaN, 'E_NOT_FINITE'],
      [Number.POSITIVE_INFINITY, 'E_NOT_FINITE'],
    ];
    for (const [bins, code] of cases) {
      expectError(() => expectedCalibrationError(p, y, { bins }), code, 'options.bins');
      expectError(() => overUnderConfidence(p, y, { bins }), code, 'options.bins');
      expectError(() => brierDecomposition(p, y, { bins }), code, 'options.bins');
      expectError(
        () => reliabilityDiagram(p, y, { bins }),
        code,
        'reliabilityDiagram: options.bins',
      );
      expectError(() => createCalibrationAccumulator({ bins, numClasses: 2 }), code);
    }
    // The limit is stated, and checked before anything is allocated (this returns at once).
    expectError(
      () => expectedCalibrationError(p, y, { bins: 2 ** 31 }),
      'E_RANGE',
      'must be an integer in [1, 1000000]',
    );
    expectError(
      () => createCalibrationAccumulator({ bins: 100_000, numClasses: 1000 }),
      'E_RANGE',
      'exceeds the limit 10000000',
    );
  });

  it('names nested arrays as not a number, and errors of reliabilityDiagram name it', () => {
    expectError(
      () => expectedCalibrationError([[0.7, 0.3]] as never, [0]),
      'E_NOT_FINITE',
      'expectedCalibrationError: probs[0] = [0.7,0.3]: is not a number',
    );
    expectError(
      () => reliabilityDiagram([0.5, 2], [0, 1]),
      'E_RANGE',
      'reliabilityDiagram: probs[1]',
    );
    expectError(() => reliabilityDiagram([0.5], [3]), 'E_LABEL', 'reliabilityDiagram: labels[0]');
    expectError(
      () => reliabilityDiagram([0.5], [1], { binning: 'quantile' } as never),
      'E_OPTION',
      'reliabilityDiagram: options.binning',
    );
  });

  it('E_OPTION for an unknown option or value', () => {
    expectError(
      () => expectedCalibrationError(p, y, { nbins: 10 } as never),
      'E_OPTION',
      'options.nbins',
    );
    expectError(
      () => expectedCalibrationError(p, y, { norm: 'l3' } as never),
      'E_OPTION',
      'options.norm',
    );
    expectError(
      () => expectedCalibrationError(p, y, { binning: 'quantile' } as never),
      'E_OPTION',
      'options.binning',
    );
    expectError(
      () => expectedCalibrationError(p, y, { scope: 'marginal' } as never),
      'E_OPTION',
      'options.scope',
    );
    expectError(
      () => expectedCalibrationError(p, y, { edges: 'both' } as never),
      'E_OPTION',
      'options.edges',
    );
    expectError(
      () => expectedCalibrationError(p, y, { debias: 1 } as never),
      'E_OPTION',
      'options.debias',
    );
    expectError(
      () => overUnderConfidence(p, y, { norm: 'l1' } as never),
      'E_OPTION',
      'options.norm',
    );
    expectError(() => smoothCalibrationError(p, y, { sigma: 0.1 } as never), 'E_OPTION');
    expectError(() => brierDecomposition(p, y, { binning: 'equal-mass' } as never), 'E_OPTION');
  });

  it('smoothCalibrationError: E_RANGE for points < 2', () => {
    expectError(() => smoothCalibrationError(p, y, { points: 1 }), 'E_RANGE', 'options.points');
  });
});

describe('createCalibrationAccumulator errors', () => {
  it('E_RANGE for numClasses < 2 or missing', () => {
    expectError(() => createCalibrationAccumulator({ numClasses: 1 }), 'E_RANGE', 'numClasses');
    expectError(() => createCalibrationAccumulator({} as never), 'E_RANGE', 'numClasses');
  });

  it('E_SHAPE for a batch with another K or a change of input kind', () => {
    const acc = createCalibrationAccumulator({ numClasses: 3 });
    expectError(() => acc.add(fromRows([[0.5, 0.5]]), [0]), 'E_SHAPE');
    const bin = createCalibrationAccumulator({ numClasses: 2 }).add([0.3], [1]);
    expectError(() => bin.add(fromRows([[0.5, 0.5]]), [0]), 'E_SHAPE', 'mixes');
  });

  it('E_OPTION when merging accumulators with other settings; E_EMPTY before any row', () => {
    const a = createCalibrationAccumulator({ numClasses: 2, bins: 10 });
    const b = createCalibrationAccumulator({ numClasses: 2, bins: 15 });
    expectError(() => a.merge(b), 'E_OPTION', 'merge');
    expectError(() => a.merge({ bins: 10, numClasses: 2, edges: 'left' } as never), 'E_OPTION');
    expectError(() => a.result(), 'E_EMPTY');
  });

  it('a rejected batch leaves the accumulator unchanged', () => {
    const acc = createCalibrationAccumulator({ numClasses: 2, bins: 2 }).add([0.6], [1]);
    expect(() => acc.add([0.9, 1.5], [0, 1])).toThrow(LslabError);
    expect(acc.count).toBe(1);
  });
});

describe('NLL and Brier: the row checks ride along with the metric', () => {
  const p = fromRows([
    [0.2, 0.8],
    [0.6, 0.4],
    [0.5, 0.5],
  ]);
  it.each([
    ['negativeLogLikelihood', negativeLogLikelihood],
    ['brierScore', brierScore],
  ] as const)('%s: a bad row after good ones, and a hole in the labels, are named', (_, f) => {
    const bad = fromRows([
      [0.2, 0.8],
      [0.6, 0.4],
      [0.5, 0.6],
    ]);
    expectError(() => f(bad, [0, 1, 1]), 'E_NOT_DISTRIBUTION', 'probs', 'row sums to 1.1');
    // a bad probability comes before a bad label (the validators' order), whatever the rows
    expectError(() => f(bad, [0, 7, 1]), 'E_NOT_DISTRIBUTION', 'probs');
    expectError(() => f(p, [0, 1, 2]), 'E_LABEL', 'labels[2] = 2');
    expectError(() => f(p, [0, 1]), 'E_SHAPE', 'labels');
    // biome-ignore lint/suspicious/noSparseArray: a hole is the case under test
    expectError(() => f(p, [0, , 1] as number[]), 'E_LABEL', 'labels[1]');
  });
});
