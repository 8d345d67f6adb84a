import type { ExperimentResult } from './evaluateExperiment.js';

const f = (x: number) => (Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(1) : x.toFixed(3));

/** @internal One sentence per experiment: ECE of each model and the verdicts at the focus α. */
export function describeExperiment(r: ExperimentResult, alpha: number): string {
  const rows = r.comparisons as {
    experiment: string;
    alpha: number;
    metric: string;
    against: string;
    difference: number;
    lower: number;
    upper: number;
    verdict: string;
  }[];
  const name = rows[0]?.experiment ?? '';
  const t = r.temperature as { temperature: number };
  const parts = rows
    .filter((c) => c.alpha === alpha)
    .map(
      (c) =>
        `${c.metric} vs ${c.against}: ${c.verdict} (Δ = ${f(c.difference)} [${f(c.lower)}, ${f(c.upper)}])`,
    );
  const ece = (r.metrics as { model: string; metric: string; estimate: number }[])
    .filter((m) => m.metric === 'ECE')
    .map((m) => `${m.model} ${f(m.estimate)}`)
    .join(', ');
  return `${name}: ECE ${ece}; T = ${f(t.temperature)}. At α = ${alpha}, smoothing — ${parts.join('; ')}.`;
}
