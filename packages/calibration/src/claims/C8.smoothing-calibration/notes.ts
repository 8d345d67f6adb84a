import type { ExperimentResult } from './evaluate.js';
import { METRIC_NAMES } from './metrics.js';

const f = (x: number) => (Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(1) : x.toFixed(3));

/**
 * @internal One sentence per experiment: plug-in and debiased ECE of each
 * model, the fitted temperature (and why the baseline is not informative,
 * when it is not), and the verdicts at the focus α.
 */
export function describeExperiment(r: ExperimentResult, alpha: number): string {
  const models = r.boot.models;
  const label = (m: number) =>
    m === r.temperatureModel ? 'temperature scaling' : m === 0 ? 'hard' : `model ${m}`;
  const ece = Array.from({ length: models }, (_, m) => {
    const plug = r.boot.estimate(m, 0);
    const deb = r.boot.estimate(m, 1);
    return `${label(m)} ${f(plug)} (debiased ${f(deb)})`;
  }).join(', ');
  const t = r.temperature as { temperature: number };
  const baseline =
    r.degenerate === null
      ? `T = ${f(t.temperature)}`
      : `T = ${f(t.temperature)}; the comparison with temperature scaling is not informative: ${r.degenerate}, so no verdict is drawn from it`;
  const parts = r.comparisons
    .filter((c) => c.alpha === alpha && c.verdict !== 'not informative')
    .map(
      (c) =>
        `${c.metric} vs ${c.against}: ${c.verdict} (Δ = ${f(c.difference)} [${f(c.lower)}, ${f(c.upper)}])`,
    );
  return `${r.name}: ${METRIC_NAMES[0]} ${ece}; ${baseline}. At α = ${alpha}, smoothing — ${parts.join('; ')}.`;
}
