import { describeMachine } from '@lslab/test-utils/bench';
import { benchKernels, kernelsTable, numpyAvailable } from './kernels.bench.ts';

// `npx tsx bench/kernels.ts` (after `pnpm build`: the pool's workers run dist/)
console.log('## @lslab/core: kernel layer, softmaxCrossEntropy loss + gradient');
console.log('');
console.log(`Machine: ${describeMachine()}`);
console.log('');
console.log(
  'Float64, index targets, labelSmoothing 0.1, reduction mean, `options.out` reused; M logits/s, median (best) of 9 interleaved rounds.',
);
if (!numpyAvailable())
  console.log('numpy: absent (python3 -c "import numpy" failed), column skipped.');
console.log('PyTorch: not installed on this machine, column skipped.');
console.log('');
for (const line of kernelsTable(await benchKernels())) console.log(line);
