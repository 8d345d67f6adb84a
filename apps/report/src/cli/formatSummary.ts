import { formatNumber } from '../formatNumber.js';
import type { ClaimReport } from '../runClaims.js';

/** The check a summary shows for a claim: the first whose expected value mathjs confirmed, else the first. */
function keyCheck(r: ClaimReport) {
  const confirmed = r.checks.find((c) => r.formulas.some((f) => f.name === c.name && f.agrees));
  return confirmed ?? r.checks[0];
}

/**
 * Whether a claim holds: every check holds and every formula agrees with mathjs.
 *
 * @example
 * claimHolds(report); // true
 */
export function claimHolds(r: ClaimReport): boolean {
  return r.holds && r.formulas.every((f) => f.agrees);
}

/**
 * The summary the command prints: one row per claim with its checks held
 * (x/y), its key number against its expectation, and whether it holds; then
 * one line with the totals.
 *
 * @param reports - the claims that ran
 * @returns lines of text
 * @example
 * formatSummary(reports)[0]; // 'claim                     checks  key number (measured vs expected)  …'
 */
export function formatSummary(reports: readonly ClaimReport[]): string[] {
  const rows = reports.map((r) => {
    const k = keyCheck(r);
    const key = k
      ? `${k.name}: ${formatNumber(k.measured, 8)} vs ${formatNumber(k.expected, 8)}`
      : '–';
    return [r.id, `${r.held}/${r.checks.length}`, claimHolds(r) ? 'holds' : 'DOES NOT HOLD', key];
  });
  const header = ['claim', 'checks', '', 'key number (measured vs expected)'];
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) =>
    r
      .map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd();
  const failing = reports.filter((r) => !claimHolds(r));
  const held = reports.reduce((s, r) => s + r.held, 0);
  const checks = reports.reduce((s, r) => s + r.checks.length, 0);
  return [
    line(header),
    ...rows.map(line),
    '',
    failing.length === 0
      ? `All ${reports.length} claims hold: ${held}/${checks} checks.`
      : `${failing.length} of ${reports.length} claims DO NOT HOLD (${failing.map((r) => r.id).join(', ')}): ${held}/${checks} checks hold.`,
  ];
}
