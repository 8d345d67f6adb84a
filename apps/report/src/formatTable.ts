import { formatNumber } from './formatNumber.js';
import type { ClaimReport } from './runClaims.js';

function table(header: string[], rows: string[][], indent = ''): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) =>
    indent +
    r
      .map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

function formatParams(params: object): string {
  return Object.entries(params)
    .map(([k, v]) => `${k} = ${typeof v === 'number' ? formatNumber(v) : String(v)}`)
    .join(', ');
}

/**
 * Renders claim reports as plain text: a summary table (claim, title, checks
 * held, formulas that agree), then every check with measured vs expected,
 * Δ and tolerance, failures marked `FAIL`, and a last line that says whether
 * every claim holds.
 *
 * @param reports - from {@link runClaims}
 * @returns the text, lines joined with `\n`
 * @example
 * formatTable(runClaims(claimSources)).split('\n')[0]; // 'lslab — 6 claims from @lslab/core, @lslab/calibration'
 */
export function formatTable(reports: readonly ClaimReport[]): string {
  const packages = [...new Set(reports.map((r) => r.package))];
  const out: string[] = [`lslab — ${reports.length} claims from ${packages.join(', ')}`, ''];
  const formulaCount = (r: ClaimReport) =>
    r.formulas.length === 0
      ? '–'
      : `${r.formulas.filter((f) => f.agrees).length}/${r.formulas.length}`;
  out.push(
    ...table(
      ['claim', 'title', 'checks held', 'formulas agree', ''],
      reports.map((r) => [
        r.id,
        r.title,
        `${r.held}/${r.checks.length}`,
        formulaCount(r),
        r.holds && r.formulas.every((f) => f.agrees) ? 'holds' : 'DOES NOT HOLD',
      ]),
    ),
  );
  for (const r of reports) {
    out.push('', `${r.id} — ${r.title} (${formatParams(r.params)})`);
    const rows = r.checks.map((c) => {
      const f = r.formulas.find((x) => x.name === c.name);
      const formula =
        f === undefined
          ? ''
          : f.agrees
            ? 'mathjs agrees'
            : `MATHJS DISAGREES: ${formatNumber(f.value)}${f.error ? ` (${f.error})` : ''}`;
      return [
        c.holds ? 'ok' : 'FAIL',
        c.name,
        formatNumber(c.measured),
        formatNumber(c.expected),
        formatNumber(c.measured - c.expected, 2),
        formatNumber(c.tolerance, 2),
        formula,
      ];
    });
    out.push(
      ...table(['', 'check', 'measured', 'expected', 'Δ', 'tolerance', 'formula'], rows, '  '),
    );
    for (const f of r.formulas) {
      if (f.expected === null || f.error !== undefined) {
        if (r.checks.some((c) => c.name === f.name)) continue; // already shown in its row
        out.push(`  FAIL  formula '${f.name}' = ${f.expression}: ${f.error ?? 'no check'}`);
      }
    }
    for (const n of r.notes) out.push(`  note: ${n}`);
  }
  const failing = reports.filter((r) => !r.holds || !r.formulas.every((f) => f.agrees));
  const checks = reports.reduce((s, r) => s + r.checks.length, 0);
  const held = reports.reduce((s, r) => s + r.held, 0);
  const formulas = reports.reduce((s, r) => s + r.formulas.length, 0);
  const agree = reports.reduce((s, r) => s + r.formulas.filter((f) => f.agrees).length, 0);
  out.push(
    '',
    failing.length === 0
      ? `All ${reports.length} claims hold: ${held}/${checks} checks, ${agree}/${formulas} formulas agree with mathjs.`
      : `${failing.length} of ${reports.length} claims DO NOT HOLD (${failing.map((r) => r.id).join(', ')}): ${held}/${checks} checks, ${agree}/${formulas} formulas agree with mathjs.`,
  );
  return out.join('\n');
}
