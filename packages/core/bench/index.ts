import { describeMachine } from '@lslab/test-utils/bench';
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
console.log(`Total bench time ${((performance.now() - t0) / 1000).toFixed(1)} s.`);
