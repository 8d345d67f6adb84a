import { describe, expect, it } from 'vitest';
import {
  confidencePenalty,
  fromRows,
  logSoftmax,
  meanDivisor,
  minimumSmoothedLoss,
  optimalLogitGap,
  optimalProbabilities,
  optimalSigmoidLogit,
  sigmoidCrossEntropy,
  smoothBinaryTargets,
  smoothingDecomposition,
  smoothLabels,
  softmax,
  softmaxCrossEntropy,
} from '../src/index.ts';
import { thrownLslabError } from './helpers/index.ts';

const z = fromRows([[2, 0, 0]]);
type Call = (options: unknown) => unknown;

// every public function of core that takes an options object, with a valid call, an option it
// knows (to misspell) and the spelling the user should be pointed to
const CALLS: [string, Call, string, string][] = [
  [
    'softmaxCrossEntropy',
    (o) => softmaxCrossEntropy(z, [0], o as never),
    'labelSmothing',
    'labelSmoothing',
  ],
  [
    'sigmoidCrossEntropy',
    (o) => sigmoidCrossEntropy([0], [1], o as never),
    'posweight',
    'posWeight',
  ],
  [
    'confidencePenalty',
    (o) => confidencePenalty(z, [0], 0.1, o as never),
    'reductoin',
    'reduction',
  ],
  ['softmax', (o) => softmax(z, o as never), 'dtyp', 'dtype'],
  ['logSoftmax', (o) => logSoftmax(z, o as never), 'type', 'dtype'],
  ['smoothLabels', (o) => smoothLabels([0], 3, 0.1, o as never), 'conventon', 'convention'],
  [
    'smoothBinaryTargets',
    (o) => smoothBinaryTargets([1], 0.1, o as never),
    'Convention',
    'convention',
  ],
  [
    'smoothingDecomposition',
    (o) => smoothingDecomposition(z, [0], 0.1, o as never),
    'convension',
    'convention',
  ],
  [
    'minimumSmoothedLoss',
    (o) => minimumSmoothedLoss(0.1, 3, o as never),
    'convetion',
    'convention',
  ],
  ['optimalLogitGap', (o) => optimalLogitGap(0.1, 3, o as never), 'conv', 'convention'],
  ['optimalProbabilities', (o) => optimalProbabilities(0.1, 3, o as never), 'lable', 'label'],
  ['optimalSigmoidLogit', (o) => optimalSigmoidLogit(0.1, o as never), 'convention_', 'convention'],
  ['meanDivisor', (o) => meanDivisor([0], o as never), 'ignoreindex', 'ignoreIndex'],
];

describe.each(CALLS)('%s(…, options)', (fn, call, typo, meant) => {
  it('accepts no options and {}', () => {
    expect(() => call(undefined)).not.toThrow();
    expect(() => call({})).not.toThrow();
  });

  it(`rejects the unknown key '${typo}' with E_OPTION naming it, ${fn} and '${meant}'`, () => {
    const e = thrownLslabError(() => call({ [typo]: 0.1 }), 'E_OPTION');
    expect(e.fn).toBe(fn);
    expect(e.details.argument).toBe(`options.${typo}`);
    expect(e.message).toContain(`options.${typo}`);
    expect(e.message).toContain(`is not an option of ${fn}`);
    expect(e.message).toContain(`did you mean '${meant}'?`);
  });

  it('rejects options that are not an object (null, an array, a number) with E_OPTION', () => {
    for (const bad of [null, [], 0.1]) {
      const e = thrownLslabError(() => call(bad), 'E_OPTION');
      expect(e.fn).toBe(fn);
      expect(e.message).toContain('options must be an object');
    }
  });
});

describe('softmaxCrossEntropy(z, y, { labelSmothing: 0.1 })', () => {
  it('throws instead of returning the unsmoothed loss', () => {
    const e = thrownLslabError(
      () => softmaxCrossEntropy(z, [0], { labelSmothing: 0.1 } as never),
      'E_OPTION',
    );
    expect(e.message).toBe(
      "softmaxCrossEntropy: options.labelSmothing = 0.1: is not an option of softmaxCrossEntropy; did you mean 'labelSmoothing'? (options: 'labelSmoothing', 'convention', 'weight', 'weightMode', 'ignoreIndex', 'reduction', 'dtype', 'out', 'pool')",
    );
  });
});
