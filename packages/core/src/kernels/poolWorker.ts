// The entry of a kernel pool's worker (a Node worker thread or a Web Worker).
// It runs one slice of rows of a cross-entropy on views of the caller's shared
// memory, then adds 1 to the job's done counter and wakes the caller.
import { runsOnNode } from './backend.js';
import { crossEntropyIndex, crossEntropyProbability } from './crossEntropy.js';
import type { PoolJob } from './poolJob.js';

function handle(job: PoolJob): void {
  const { kind, r0, r1, k, buffers, params } = job;
  const n = r1 - r0;
  const z = buffers.z32
    ? new Float32Array(buffers.z, buffers.zOffset + r0 * k * 4, n * k)
    : new Float64Array(buffers.z, buffers.zOffset + r0 * k * 8, n * k);
  const grad = buffers.grad32
    ? new Float32Array(buffers.grad, buffers.gradOffset + r0 * k * 4, n * k)
    : new Float64Array(buffers.grad, buffers.gradOffset + r0 * k * 8, n * k);
  const loss = new Float64Array(buffers.loss, r0 * 8, n);
  const w = params.w === undefined ? undefined : Float64Array.from(params.w);
  let bad: number;
  if (kind === 'index') {
    const labels = new Int32Array(buffers.target, r0 * 4, n);
    bad = crossEntropyIndex({
      ...params,
      z,
      labels,
      ignoreIndex: -1,
      w,
      grad,
      loss,
      n,
      k,
      total: 0,
    } as unknown as Parameters<typeof crossEntropyIndex>[0]);
  } else {
    const t = new Float64Array(buffers.target, buffers.targetOffset + r0 * k * 8, n * k);
    bad = crossEntropyProbability({
      ...params,
      z,
      t,
      w,
      grad,
      loss,
      n,
      k,
      total: 0,
    } as unknown as Parameters<typeof crossEntropyProbability>[0]);
  }
  const control = new Int32Array(buffers.control);
  if (bad >= 0) Atomics.store(control, 1 + job.slot, r0 + bad + 1);
  Atomics.add(control, 0, 1);
  Atomics.notify(control, 0);
}

if (runsOnNode()) {
  const name = 'node:worker_threads'; // typed locally: the build has no Node types
  const { parentPort } = (await import(name)) as {
    parentPort: {
      on(e: 'message', f: (job: PoolJob) => void): void;
      postMessage(m: unknown): void;
    };
  };
  parentPort.on('message', handle);
  parentPort.postMessage('ready');
} else {
  const scope = globalThis as unknown as {
    onmessage: (e: MessageEvent<PoolJob>) => void;
    postMessage: (m: unknown) => void;
  };
  scope.onmessage = (e) => handle(e.data);
  scope.postMessage('ready');
}
