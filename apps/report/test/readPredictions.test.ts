import { readFileSync } from 'node:fs';
import { LslabError } from '@lslab/core';
import { thrown } from '@lslab/test-utils';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysePredictions } from '../src/predictions/analysePredictions.ts';
import { readPredictions } from '../src/predictions/readPredictions.ts';

describe('readPredictions(input, options)', () => {
  it('reads probabilities with labels given by index or class name', () => {
    const p = readPredictions('label,p_cat,p_dog\ncat,0.8,0.2\n1,0.3,0.7\n');
    expect(p.kind).toBe('probabilities');
    expect(p.classes).toEqual(['cat', 'dog']);
    expect([...p.labels]).toEqual([0, 1]);
    expect([...p.probs.data]).toEqual([0.8, 0.2, 0.3, 0.7]);
    expect(p.logits.data[0]).toBe(Math.log(0.8));
  });

  it('reads logits (by column name or --logits) and takes their softmax: [0, ln 3] → [1/4, 3/4]', () => {
    const a = readPredictions(`y,logit_0,logit_1\n1,0,${Math.log(3)}\n`);
    const b = readPredictions(`target,s0,s1\n1,0,${Math.log(3)}\n`, { logits: true });
    for (const p of [a, b]) {
      expect(p.kind).toBe('logits');
      expect(p.probs.data[0]).toBeCloseTo(0.25, 15);
      expect(p.probs.data[1]).toBeCloseTo(0.75, 15);
    }
  });

  it('reads JSON records with the same fields', () => {
    const p = readPredictions(
      '[{"label":0,"p_a":0.9,"p_b":0.1},{"label":"b","p_a":0.4,"p_b":0.6}]',
      {
        format: 'json',
      },
    );
    expect([...p.labels]).toEqual([0, 1]);
  });

  it.each([
    [
      'label,p_a,p_b\n0,0.5,0.5\n1,abc,0.5\n',
      'E_PARSE',
      3,
      /line 3, column "p_a": "abc" is not a finite number/,
    ],
    ['label,p_a,p_b\n0,0.5,0.5\n1,,0.5\n', 'E_PARSE', 3, /is not a finite number/],
    ['label,p_a,p_b\n0,0.5,0.6\n', 'E_NOT_DISTRIBUTION', 2, /sum to 1.1/],
    ['label,p_a,p_b\n0,1.5,-0.5\n', 'E_NOT_DISTRIBUTION', 2, /1.5 is not a probability/],
    ['label,p_a,p_b\n0,0.5,0.5\n\n2,0.5,0.5\n', 'E_LABEL', 4, /"2" is not a class/],
    ['label,p_a,p_b\nzebra,0.5,0.5\n', 'E_LABEL', 2, /"zebra" is not a class/],
    ['label,p_a,p_b\n0,0.5\n', 'E_PARSE', 2, /has 2 fields, expected 3/],
    ['label,p_a,p_b\n', 'E_EMPTY', undefined, /has no data rows/],
    ['', 'E_EMPTY', undefined, /no header/],
    ['p_a,p_b\n0.5,0.5\n', 'E_PARSE', 1, /has no label column/],
    ['label,p_a\n0,1\n', 'E_PARSE', 1, /at least two score columns/],
  ])('rejects %j with %s on line %s', (text, code, line, message) => {
    const e = thrown(() => readPredictions(text, { name: 'preds.csv' }));
    expect(e.code).toBe(code);
    expect(e.details.line).toBe(line);
    expect(e.message).toMatch(message);
  });

  it('rejects bytes that are not UTF-8', () => {
    const e = thrown(() => readPredictions(new Uint8Array([0x6c, 0xff, 0xfe, 0x0a])));
    expect(e.code).toBe('E_PARSE');
    expect(e.message).toMatch(/not UTF-8/);
  });

  it('fuzz: random bytes and 2,000 mutated CSVs give predictions or a typed error, never a crash', () => {
    const base = readFileSync(
      new URL('../../../examples/predictions/overconfident.csv', import.meta.url),
      'utf8',
    )
      .split('\n')
      .slice(0, 8)
      .join('\n');
    const outcome = (input: Uint8Array | string) => {
      try {
        const p = readPredictions(input);
        // accepted input is valid: finite distributions and labels in range
        for (const v of p.probs.data) expect(v >= 0 && v <= 1).toBe(true);
        for (const y of p.labels) expect(y >= 0 && y < p.classes.length).toBe(true);
      } catch (e) {
        if (!(e instanceof LslabError)) throw e;
        expect(e.code).toMatch(/^E_/);
      }
    };
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => outcome(bytes)),
      {
        seed: 1,
        numRuns: 500,
      },
    );
    const edit = fc.record({
      at: fc.nat(),
      remove: fc.nat({ max: 3 }),
      insert: fc.string({
        maxLength: 3,
        unit: fc.constantFrom(',', '"', '\n', '\r', '-', 'e', '.', '1', '9', 'x', ' ', '\u00e9'),
      }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        let text = base;
        for (const { at, remove, insert } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + insert + text.slice(i + remove);
        }
        outcome(text);
      }),
      { seed: 2, numRuns: 2000 },
    );
  });
});

describe('analysePredictions(predictions, seed)', () => {
  it('matches a hand-worked example: accuracy, confidence, NLL and Brier', () => {
    // argmax 0, 0, 1, 1 against labels 0, 1, 1, 1: three right
    const p = readPredictions('label,p_0,p_1\n0,0.8,0.2\n1,0.6,0.4\n1,0.3,0.7\n1,0.1,0.9\n');
    const r = analysePredictions(p, 0, { resamples: 50 });
    const get = (m: string) => r.metrics.find((x) => x.metric === m)?.estimate;
    expect(get('accuracy')).toBe(0.75);
    expect(get('mean confidence')).toBeCloseTo((0.8 + 0.6 + 0.7 + 0.9) / 4, 15);
    expect(get('NLL')).toBeCloseTo(
      -(Math.log(0.8) + Math.log(0.4) + Math.log(0.7) + Math.log(0.9)) / 4,
      15,
    );
    // Brier: (0.08 + 0.72 + 0.18 + 0.02) / 4
    expect(get('Brier')).toBeCloseTo(0.25, 15);
    for (const m of r.metrics) {
      if (m.lower === null || m.upper === null) continue; // smECE is not bootstrapped
      expect(m.lower).toBeLessThanOrEqual(m.upper);
      // The debiased ECE is clipped at 0: here it is 0 on the data (every bin's gap is within
      // its sampling variance), and a percentile interval of a clipped estimator may lie wholly
      // above it, so only the other metrics are expected inside their intervals.
      if (m.metric === 'ECE (debiased)') continue;
      expect(m.lower <= m.estimate + 1e-12 && m.estimate <= m.upper + 1e-12).toBe(true);
    }
    expect(r.series.reliability.length).toBeGreaterThan(0);
  });

  it('says in words when the temperature is degenerate (separable data: T at its floor)', () => {
    const p = readPredictions('label,p_0,p_1\n0,0.9,0.1\n1,0.2,0.8\n0,0.7,0.3\n');
    const r = analysePredictions(p, 0, { resamples: 50 });
    expect(r.temperature.status).toBe('separable');
    expect(r.notes.join(' ')).toMatch(/separable/);
  });
});
