import type { PredictionsReport } from '../predictions/analysePredictions.js';
import type { ClaimReport } from '../runClaims.js';
import { formatCsv } from './formatCsv.js';

/**
 * `checks.csv`: one row a check of every claim, with the raw numbers (not
 * the page's rounded ones): claim, check, comparison (`equal`,
 * `atMost`, `atLeast`), expected, measured, delta = measured − expected,
 * tolerance, holds, and mathjs (`agrees`, `disagrees`, or empty when no
 * formula gives the expected value). The package of each claim is in
 * results.json (a leading `@` would be neutralised here as a formula start).
 *
 * @param claims - the claims' reports
 * @returns the CSV text (see `formatCsv`)
 * @example
 * checksCsv(claims).split('\r\n')[0];
 * // 'claim,check,comparison,expected,measured,delta,tolerance,holds,mathjs'
 */
export function checksCsv(claims: readonly ClaimReport[]): string {
  const header = [
    'claim',
    'check',
    'comparison',
    'expected',
    'measured',
    'delta',
    'tolerance',
    'holds',
    'mathjs',
  ];
  const rows = claims.flatMap((c) =>
    c.checks.map((k) => {
      const f = c.formulas.find((x) => x.name === k.name);
      return [
        c.id,
        k.name,
        k.comparison,
        k.expected,
        k.measured,
        k.measured - k.expected,
        k.tolerance,
        k.holds,
        f === undefined ? null : f.agrees ? 'agrees' : 'disagrees',
      ];
    }),
  );
  return formatCsv(header, rows);
}

/**
 * `classes.csv`: the per-class table of `--predictions` (class, support,
 * frequency, predicted, recall, mean probability). The class names come from
 * the predictions file and are written as text cells, neutralised.
 *
 * @param r - the analysis of the predictions
 * @returns the CSV text
 * @example
 * classesCsv(report).split('\r\n')[0]; // 'class,support,frequency,predicted,recall,mean_probability'
 */
export function classesCsv(r: PredictionsReport): string {
  return formatCsv(
    ['class', 'support', 'frequency', 'predicted', 'recall', 'mean_probability'],
    r.perClass.map((c) => [
      c.class,
      c.support,
      c.frequency,
      c.predicted,
      c.recall,
      c.meanProbability,
    ]),
  );
}

/**
 * The CSV files of a report directory, with their content: `checks.csv`
 * always, `classes.csv` with `--predictions`.
 *
 * @param claims - the claims' reports
 * @param predictions - the analysis of `--predictions`, if given
 * @returns file name → { about, text }, in the order the page lists them
 * @example
 * [...reportCsvFiles(claims, undefined).keys()]; // ['checks.csv']
 */
export function reportCsvFiles(
  claims: readonly ClaimReport[],
  predictions: PredictionsReport | undefined,
): Map<string, { about: string; text: string }> {
  const out = new Map<string, { about: string; text: string }>();
  out.set('checks.csv', { about: 'every check of every claim', text: checksCsv(claims) });
  if (predictions !== undefined) {
    out.set('classes.csv', {
      about: `the per-class table of ${predictions.file}`,
      text: classesCsv(predictions),
    });
  }
  return out;
}
