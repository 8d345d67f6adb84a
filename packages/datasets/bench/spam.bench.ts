import { adam, logisticRegression, train } from '@lslab/models';
import { describeMachine, time } from '@lslab/test-utils/bench';
import { loadSpamAssassin } from '../src/node/index.ts';

// Logistic regression on SpamAssassin (hashed CSR features, the loader's
// default split and scaling): 200 full-batch Adam steps, α = 0.1, L2 1e-4.
// Loading is timed once, outside the training runs.

const t0 = performance.now();
const data = loadSpamAssassin();
const loadMs = performance.now() - t0;
const { train: tr, test } = data;
const d = tr.x.cols;
const nnz = tr.x.indptr[tr.x.rows];
let model = logisticRegression({ inputDim: d });
const fit = time(
  () => {
    model = logisticRegression({ inputDim: d, l2: 1e-4, loss: { labelSmoothing: 0.1 } });
    train(model, tr.x, tr.y, {
      optimizer: adam({ learningRate: 0.01 }),
      steps: 200,
      log: { steps: [] },
    });
    return model.lossAndGradient(tr.x, tr.y);
  },
  {
    warmup: 1,
    reps: 3,
    guard: (loss) => {
      if (!Number.isFinite(loss)) throw new Error(`spam: loss ${loss} is not finite`);
    },
  },
);
const z = model.forward(test.x).data;
let hits = 0;
for (let i = 0; i < z.length; i++) if ((z[i] > 0 ? 1 : 0) === test.y[i]) hits++;
const n = tr.x.rows + data.validation.x.rows + test.x.rows;

console.log('## @lslab/datasets: SpamAssassin');
console.log('');
console.log(`Machine: ${describeMachine()}`);
console.log('');
console.log('| benchmark | wall | runs | note |');
console.log('|---|---:|---:|---|');
console.log(
  `| SpamAssassin: load, tokenise, hash, split (once) | ${(loadMs / 1000).toFixed(3)} s | 1 | ${n} messages, d = ${d} |`,
);
console.log(
  `| Logistic regression on SpamAssassin, 200 Adam steps (CSR) | ${(fit.medianMs / 1000).toFixed(3)} s (median) | ${fit.reps} | train n = ${tr.x.rows}, ${nnz} non-zeros; test accuracy ${(hits / z.length).toFixed(4)} |`,
);
