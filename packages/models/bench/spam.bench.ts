import { loadSpamAssassin } from '../src/node/index.ts';
import { adam, logisticRegression, train } from '../src/training/index.ts';
import { guardFinite, medianTime } from './internal/machine.ts';
import type { BenchRow } from './training.bench.ts';

/**
 * Logistic regression on SpamAssassin (hashed CSR features, the loader's
 * default split and scaling): 200 full-batch Adam steps, α = 0.1, L2 1e-4.
 * Loading is timed once, outside the training runs.
 */
export function benchSpam(runs = 3): BenchRow[] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const data = loadSpamAssassin();
  const loadMs = performance.now() - t0;
  const c = process.cpuUsage(c0);
  const loadCpu = (c.user + c.system) / 1000;
  const { train: tr, test } = data;
  const d = tr.x.cols;
  const nnz = tr.x.indptr[tr.x.rows];
  const { ms, cpuMs, result } = medianTime(runs, () => {
    const m = logisticRegression({ inputDim: d, l2: 1e-4, loss: { labelSmoothing: 0.1 } });
    train(m, tr.x, tr.y, {
      optimizer: adam({ learningRate: 0.01 }),
      steps: 200,
      log: { steps: [] },
    });
    return m;
  });
  const z = result.forward(test.x).data;
  let hits = 0;
  for (let i = 0; i < z.length; i++) if ((z[i] > 0 ? 1 : 0) === test.y[i]) hits++;
  const loss = result.lossAndGradient(tr.x, tr.y);
  guardFinite('spam', loss, hits);
  return [
    {
      name: 'SpamAssassin: load, tokenise, hash, split (once)',
      ms: loadMs,
      cpuMs: loadCpu,
      runs: 1,
      note: `${tr.x.rows + data.validation.x.rows + test.x.rows} messages, d = ${d}`,
    },
    {
      name: 'Logistic regression on SpamAssassin, 200 Adam steps (CSR)',
      ms,
      cpuMs,
      runs,
      note: `train n = ${tr.x.rows}, ${nnz} non-zeros; test accuracy ${(hits / z.length).toFixed(4)}`,
    },
  ];
}
