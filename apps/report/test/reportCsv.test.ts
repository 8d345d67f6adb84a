import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checksCsv, classesCsv, reportCsvFiles } from '../src/output/reportCsv.ts';
import { analysePredictions } from '../src/predictions/analysePredictions.ts';
import { parseCsv } from '../src/predictions/parseTable.ts';
import { perClass } from '../src/predictions/perClass.ts';
import { readPredictions } from '../src/predictions/readPredictions.ts';
import type { ClaimReport } from '../src/runClaims.ts';

// five rows, four classes; row 4 ties a and b (the tie goes to a); d is never the label
const FILE = [
  'label,p_a,p_b,p_c,p_d',
  'a,0.7,0.2,0.1,0',
  'b,0.5,0.4,0.1,0',
  'b,0.1,0.6,0.3,0',
  'c,0.3,0.3,0.4,0',
  'b,0.4,0.4,0.2,0',
].join('\n');

describe('perClass(predictions)', () => {
  it('matches the hand count: support, frequency, argmax (ties low), recall, mean probability', () => {
    const rows = perClass(readPredictions(FILE));
    expect(rows.map((r) => [r.class, r.support, r.predicted, r.recall])).toEqual([
      ['a', 1, 3, 1],
      ['b', 3, 1, 1 / 3],
      ['c', 1, 1, 1],
      ['d', 0, 0, null],
    ]);
    expect(rows.map((r) => r.frequency)).toEqual([0.2, 0.6, 0.2, 0]);
    // (0.7+0.5+0.1+0.3+0.4)/5, (0.2+0.4+0.6+0.3+0.4)/5, (0.1+0.1+0.3+0.4+0.2)/5, 0
    const expected = [0.4, 0.38, 0.22, 0];
    rows.forEach((r, j) => {
      expect(r.meanProbability).toBeCloseTo(expected[j], 15);
    });
  });

  it('property: supports and predictions each sum to N, mean probabilities to 1', () => {
    const row = fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(row, fc.nat({ max: 2 })), { minLength: 1, maxLength: 30 }),
        (rs) => {
          const text = [
            'label,p_x,p_y,p_z',
            ...rs.map(([w, y]) => {
              const s = w.reduce((a, b) => a + b, 0);
              return [y, ...w.map((v) => v / s)].join(',');
            }),
          ].join('\n');
          const t = perClass(readPredictions(text));
          expect(t.reduce((a, r) => a + r.support, 0)).toBe(rs.length);
          expect(t.reduce((a, r) => a + r.predicted, 0)).toBe(rs.length);
          expect(Math.abs(t.reduce((a, r) => a + r.meanProbability, 0) - 1)).toBeLessThan(1e-12);
        },
      ),
      { seed: 6, numRuns: 200 },
    );
  });
});

const claim = (over: Partial<ClaimReport>): ClaimReport => ({
  package: '@lslab/test',
  id: 'X1.example',
  title: 't',
  statement: 's',
  params: {},
  checks: [],
  held: 0,
  holds: true,
  formulas: [],
  series: {},
  notes: [],
  ...over,
});

describe('the CSV exports', () => {
  it('checks.csv: one row a check, raw numbers (a negative delta stays a number), mathjs agreement', () => {
    const csv = checksCsv([
      claim({
        checks: [
          {
            name: 'gap',
            comparison: 'equal',
            expected: 2,
            measured: 1.5,
            tolerance: 1e-9,
            holds: false,
          },
          {
            name: '=bound',
            comparison: 'atMost',
            expected: 1,
            measured: 0.25,
            tolerance: 0,
            holds: true,
          },
        ],
        formulas: [
          {
            name: 'gap',
            expression: '2',
            tex: '2',
            value: 2,
            expected: 2,
            tolerance: 1e-12,
            agrees: true,
          },
        ],
      }),
    ]);
    expect(csv).toBe(
      [
        'claim,check,comparison,expected,measured,delta,tolerance,holds,mathjs',
        'X1.example,gap,equal,2,1.5,-0.5,1e-9,false,agrees',
        "X1.example,'=bound,atMost,1,0.25,-0.75,0,true,",
        '',
      ].join('\r\n'),
    );
  });

  it('classes.csv: class names from the file are text cells, neutralised; the numbers parse back', () => {
    const text = 'label,p_=cmd|calc,p_@x,p_-1\n=cmd|calc,0.5,0.25,0.25\n-1,0.2,0.2,0.6\n';
    const r = analysePredictions(readPredictions(text), 0, { resamples: 10 });
    const table = parseCsv(classesCsv(r));
    expect(table.columns).toEqual([
      'class',
      'support',
      'frequency',
      'predicted',
      'recall',
      'mean_probability',
    ]);
    expect(table.rows.map((row) => row[0])).toEqual(["'=cmd|calc", "'@x", "'-1"]);
    expect(table.rows.map((row) => Number(row[5]))).toEqual([0.35, 0.225, 0.425]);
  });

  it('reportCsvFiles: checks.csv always, classes.csv only with predictions', () => {
    expect([...reportCsvFiles([], undefined).keys()]).toEqual(['checks.csv']);
    const r = analysePredictions(readPredictions(FILE), 0, { resamples: 10 });
    expect([...reportCsvFiles([], r).keys()]).toEqual(['checks.csv', 'classes.csv']);
  });
});
