import { describe, expect, it } from 'vitest';
import { fromRows, matrix, softmaxCrossEntropy } from '../src/index.ts';
import { thrownLslabError } from './helpers/index.ts';

const Z = fromRows([
  [0.5, -1, 2],
  [1, 0, 0],
]);
const FN = 'softmaxCrossEntropy';

describe('softmaxCrossEntropy errors', () => {
  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'E_NOT_FINITE for a logit %s, naming row and column (index and probability targets)',
    (bad) => {
      const z = fromRows([
        [0, 1, 2],
        [3, 4, bad],
      ]);
      let e = thrownLslabError(() => softmaxCrossEntropy(z, [0, 1]), 'E_NOT_FINITE');
      expect(e.message).toBe(`${FN}: logits[1][2] = ${bad}: is not finite`);
      expect(e.details).toMatchObject({ argument: 'logits', row: 1, column: 2 });
      e = thrownLslabError(
        () =>
          softmaxCrossEntropy(
            z,
            fromRows([
              [1, 0, 0],
              [0, 1, 0],
            ]),
          ),
        'E_NOT_FINITE',
      );
      expect(e.message).toBe(`${FN}: logits[1][2] = ${bad}: is not finite`);
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'E_NOT_FINITE for a logit %s in an ignored row: it does not count, but it is still bad input',
    (bad) => {
      const z = fromRows([
        [0, 1, 2],
        [bad, 4, 5],
      ]);
      const e = thrownLslabError(
        () => softmaxCrossEntropy(z, [0, -100], { ignoreIndex: -100 }),
        'E_NOT_FINITE',
      );
      expect(e.message).toBe(`${FN}: logits[1][0] = ${bad}: is not finite`);
    },
  );

  it('E_NOT_FINITE for a non-finite logit in Float32 data', () => {
    const z = matrix(1, 2, new Float32Array([Number.NaN, 0]));
    const e = thrownLslabError(() => softmaxCrossEntropy(z, [0]), 'E_NOT_FINITE');
    expect(e.details).toMatchObject({ row: 0, column: 0 });
  });

  it.each([
    [3, 'out of range'],
    [-1, 'negative'],
    [1.5, 'not an integer'],
    [Number.NaN, 'NaN'],
  ])('E_LABEL for label %s (%s)', (bad) => {
    const e = thrownLslabError(() => softmaxCrossEntropy(Z, [0, bad]), 'E_LABEL');
    expect(e.message).toBe(`${FN}: target[1] = ${bad}: is not a class index in [0, 3)`);
  });

  it("E_LABEL for PyTorch's −100 when ignoreIndex is not given (there is no default)", () => {
    const e = thrownLslabError(() => softmaxCrossEntropy(Z, [-100, 0]), 'E_LABEL');
    expect(e.message).toBe(`${FN}: target[0] = -100: is not a class index in [0, 3)`);
    expect(softmaxCrossEntropy(Z, [-100, 0], { ignoreIndex: -100 }).loss).toBeGreaterThan(0);
  });

  it('E_LABEL for a negative label that is not the ignoreIndex', () => {
    thrownLslabError(() => softmaxCrossEntropy(Z, [-100, -1], { ignoreIndex: -100 }), 'E_LABEL');
  });

  it.each([-0.1, 1.5])('E_RANGE for labelSmoothing %s', (alpha) => {
    const e = thrownLslabError(
      () => softmaxCrossEntropy(Z, [0, 1], { labelSmoothing: alpha }),
      'E_RANGE',
    );
    expect(e.message).toBe(`${FN}: options.labelSmoothing = ${alpha}: must lie in [0, 1]`);
  });

  it('E_NOT_FINITE for labelSmoothing NaN', () => {
    thrownLslabError(
      () => softmaxCrossEntropy(Z, [0, 1], { labelSmoothing: Number.NaN }),
      'E_NOT_FINITE',
    );
  });

  it('E_SHAPE for a weight of the wrong length, E_RANGE for a negative one', () => {
    let e = thrownLslabError(() => softmaxCrossEntropy(Z, [0, 1], { weight: [1, 2] }), 'E_SHAPE');
    expect(e.message).toBe(
      `${FN}: options.weight: has length 2, expected one weight per class (3)`,
    );
    e = thrownLslabError(() => softmaxCrossEntropy(Z, [0, 1], { weight: [1, -0.5, 1] }), 'E_RANGE');
    expect(e.message).toBe(`${FN}: options.weight[1] = -0.5: must be ≥ 0`);
    thrownLslabError(
      () => softmaxCrossEntropy(Z, [0, 1], { weight: [1, Number.NaN, 1] }),
      'E_NOT_FINITE',
    );
  });

  it('E_NOT_DISTRIBUTION for probability rows that do not sum to 1 within 1e-6', () => {
    const e = thrownLslabError(
      () =>
        softmaxCrossEntropy(
          Z,
          fromRows([
            [0.2, 0.3, 0.5],
            [0.5, 0.5, 0.1],
          ]),
        ),
      'E_NOT_DISTRIBUTION',
    );
    expect(e.details).toMatchObject({ argument: 'target', row: 1 });
    expect(e.message).toMatch(/^softmaxCrossEntropy: target\[1\]: row sums to 1\.1/);
    // 2e-6 off is rejected, 5e-7 off is accepted
    thrownLslabError(
      () => softmaxCrossEntropy(fromRows([[0, 1]]), fromRows([[0.5, 0.5 + 2e-6]])),
      'E_NOT_DISTRIBUTION',
    );
    expect(() =>
      softmaxCrossEntropy(fromRows([[0, 1]]), fromRows([[0.5, 0.5 + 5e-7]])),
    ).not.toThrow();
    // an entry outside [0, 1] even if the row sums to 1
    const neg = thrownLslabError(
      () => softmaxCrossEntropy(fromRows([[0, 1]]), fromRows([[1.5, -0.5]])),
      'E_NOT_DISTRIBUTION',
    );
    expect(neg.details).toMatchObject({ row: 0, column: 0, value: 1.5 });
  });

  it('E_RANGE for K < 2', () => {
    const e = thrownLslabError(() => softmaxCrossEntropy(fromRows([[1], [2]]), [0, 0]), 'E_RANGE');
    expect(e.message).toBe(`${FN}: logits.cols = 1: needs K ≥ 2 columns`);
  });

  it('E_SHAPE for mismatched shapes', () => {
    let e = thrownLslabError(() => softmaxCrossEntropy(Z, [0, 1, 2]), 'E_SHAPE');
    expect(e.message).toBe(`${FN}: target: has length 3, expected 2 (one label per row)`);
    e = thrownLslabError(() => softmaxCrossEntropy(Z, fromRows([[1, 0, 0]])), 'E_SHAPE');
    expect(e.message).toBe(`${FN}: target: is 1 × 3, expected 2 × 3 like logits`);
    thrownLslabError(
      () =>
        softmaxCrossEntropy(
          Z,
          fromRows([
            [1, 0],
            [0, 1],
          ]),
        ),
      'E_SHAPE',
    );
    thrownLslabError(
      () => softmaxCrossEntropy({ rows: 2, cols: 3, data: new Float64Array(5) }, [0, 1]),
      'E_SHAPE',
    );
    thrownLslabError(
      () => softmaxCrossEntropy({ rows: 1, cols: 2, data: [0, 1] as unknown as Float64Array }, [0]),
      'E_SHAPE',
    );
  });

  it('E_EMPTY for an empty batch', () => {
    const e = thrownLslabError(() => softmaxCrossEntropy(matrix(0, 3), []), 'E_EMPTY');
    expect(e.message).toBe(`${FN}: logits: is empty`);
  });

  it("E_EMPTY when every row is ignored with reduction 'mean' (and for zero total weight)", () => {
    const e = thrownLslabError(
      () => softmaxCrossEntropy(Z, [-100, -100], { ignoreIndex: -100 }),
      'E_EMPTY',
    );
    expect(e.message).toMatch(/^softmaxCrossEntropy: target: no weight left to average over/);
    thrownLslabError(() => softmaxCrossEntropy(Z, [0, 0], { weight: [0, 1, 1] }), 'E_EMPTY');
  });

  it.each([
    ['reduction', { reduction: 'avg' }],
    ['weightMode', { weightMode: 'row' }],
    ['convention', { convention: 'keras' }],
    ['dtype', { dtype: 'float16' }],
  ])('E_OPTION for an unknown %s', (name, opts) => {
    const e = thrownLslabError(
      () => softmaxCrossEntropy(Z, [0, 1], opts as Record<string, string>),
      'E_OPTION',
    );
    expect(e.details.argument).toBe(`options.${name}`);
    expect(e.message).toMatch(
      new RegExp(`^softmaxCrossEntropy: options\\.${name} = "\\w+": must be one of`),
    );
  });

  it('E_OPTION for ignoreIndex with probability targets', () => {
    const e = thrownLslabError(
      () =>
        softmaxCrossEntropy(
          Z,
          fromRows([
            [1, 0, 0],
            [0, 1, 0],
          ]),
          { ignoreIndex: -100 },
        ),
      'E_OPTION',
    );
    expect(e.message).toBe(
      `${FN}: options.ignoreIndex = -100: applies to class-index targets only`,
    );
  });
});

describe('softmaxCrossEntropy at the edge of the double range', () => {
  // rows whose spread overflows the sums: test/extremes.test.ts
  it('±1e300 stays inside it', () => {
    const r = softmaxCrossEntropy(fromRows([[1e300, -1e300]]), [0], { labelSmoothing: 0.1 });
    // q = (0.95, 0.05): loss = 0.05·2e300
    expect(r.loss).toBe(0.05 * 2e300);
  });
});

describe('softmaxCrossEntropy options.out', () => {
  it('E_SHAPE for a wrong length, E_OPTION for a plain array or a contradicting dtype', () => {
    let e = thrownLslabError(
      () => softmaxCrossEntropy(Z, [0, 1], { out: new Float64Array(5) }),
      'E_SHAPE',
    );
    expect(e.details.argument).toBe('options.out');
    e = thrownLslabError(
      () => softmaxCrossEntropy(Z, [0, 1], { out: [0, 0, 0, 0, 0, 0] as unknown as Float64Array }),
      'E_OPTION',
    );
    expect(e.details.argument).toBe('options.out');
    e = thrownLslabError(
      () => softmaxCrossEntropy(Z, [0, 1], { out: new Float32Array(6), dtype: 'float64' }),
      'E_OPTION',
    );
    expect(e.details.argument).toBe('options.dtype');
  });
});
