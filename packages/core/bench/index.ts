import { describeMachine, pythonHas } from '@lslab/test-utils/bench';
import { benchKernels, kernelsTable } from './kernels.bench.ts';
import { benchSoftmaxCrossEntropy, softmaxCrossEntropyTable } from './softmaxCrossEntropy.bench.ts';

const t0 = performance.now();
console.log('## @lslab/core: softmaxCrossEntropy loss + gradient');
console.log('');
console.log(`Machine: ${describeMachine()}`);
console.log('');
console.log(
  'Index targets, labelSmoothing 0.1, reduction mean; logits uniform in [−5, 5) from a seeded generator.',
);
console.log('');
const rows = await benchSoftmaxCrossEntropy();
for (const line of softmaxCrossEntropyTable(rows)) console.log(line);
console.log('');
console.log('## @lslab/core: kernel layer against numpy, and two threads');
console.log('');
console.log(
  'Float64, index targets, labelSmoothing 0.1, reduction mean, `options.out` reused; M logits/s, median (best) of 9 interleaved rounds, each round the best of two runs of every column (the same rule as the Python peers); numpy vectorised and in place, PyTorch `F.cross_entropy` + backward on one thread, on the same logits.',
);
if (!pythonHas('numpy'))
  console.log('numpy: absent (python3 -c "import numpy" failed), column skipped.');
if (!pythonHas('torch'))
  console.log('PyTorch: absent (python3 -c "import torch" failed), column skipped.');
console.log('');
for (const line of kernelsTable(await benchKernels())) console.log(line);
console.log('');
console.log(`Total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
