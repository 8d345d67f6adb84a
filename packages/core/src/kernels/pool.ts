import { LslabError } from '../errors.js';
import { runsOnNode } from './backend.js';
import { crossEntropyIndex, crossEntropyProbability } from './crossEntropy.js';
import type { PoolJob } from './poolJob.js';
import type { IndexArgs, ProbabilityArgs } from './types.js';

/** Options of {@link createKernelPool}. */
export interface KernelPoolOptions {
  /** Threads that share a batch, the caller's included: an integer in [1, 64]. */
  threads: number;
}

/**
 * Worker threads (Node) or Web Workers (browsers) that share large batches
 * of `softmaxCrossEntropy` with the calling thread. Made only by
 * {@link createKernelPool}; pass it as `options.pool`; stop it with `close()`.
 */
export interface KernelPool {
  /** Threads that share a batch, the caller's included. */
  readonly threads: number;
  /** Stops the workers; the pool cannot be used afterwards. */
  close(): Promise<void>;
}

/** Batches of fewer logits run on the calling thread alone (a slice costs a message and a copy). */
export const POOL_MIN_LOGITS = 1_000_000;

interface Port {
  post(job: PoolJob): void;
  stop(): Promise<void>;
}

class Pool implements KernelPool {
  readonly threads: number;
  #ports: Port[];
  #closed = false;
  readonly buffers = new Map<string, SharedArrayBuffer>();
  constructor(ports: Port[]) {
    this.#ports = ports;
    this.threads = ports.length + 1;
  }
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all(this.#ports.map((p) => p.stop()));
  }
  get closed(): boolean {
    return this.#closed;
  }
  get ports(): Port[] {
    return this.#ports;
  }
}

const FN = 'createKernelPool';

/**
 * Starts `threads − 1` workers that split large batches of
 * `softmaxCrossEntropy` (≥ 10^6 logits, passed `{ pool }`) by rows with the
 * calling thread, on shared memory. Results are bit for bit those of one
 * thread: rows are independent and the losses are summed in row order on the
 * calling thread. Nothing in lslab starts threads unless a pool is made here.
 *
 * The calling thread waits for the workers with `Atomics.wait`, which Node
 * allows on its main thread and browsers allow in Web Workers (not on the
 * page's main thread); browsers also need cross-origin isolation for
 * SharedArrayBuffer.
 *
 * @param options.threads - threads in all, an integer in [1, 64]
 * @returns a pool; `await pool.close()` when done
 * @throws LslabError `E_RANGE` (threads), `E_OPTION` (no SharedArrayBuffer or workers here)
 * @example
 * const logits = fromRows([[2, 0, -1], [0.5, 1.5, 0]]);
 * const labels = [0, 1];
 * const pool = await createKernelPool({ threads: 2 });
 * softmaxCrossEntropy(logits, labels, { pool }); // same bits as without the pool
 * await pool.close();
 */
export async function createKernelPool(options: KernelPoolOptions): Promise<KernelPool> {
  const threads = options?.threads;
  if (!(Number.isInteger(threads) && threads >= 1 && threads <= 64)) {
    throw new LslabError('E_RANGE', FN, 'must be an integer in [1, 64]', {
      argument: 'options.threads',
      value: threads,
    });
  }
  if (typeof SharedArrayBuffer !== 'function' || typeof Atomics !== 'object') {
    throw new LslabError(
      'E_OPTION',
      FN,
      'needs SharedArrayBuffer (in browsers: a cross-origin isolated page)',
      { argument: 'options.threads', value: threads },
    );
  }
  const url = new URL('./poolWorker.js', import.meta.url);
  const ports: Port[] = [];
  for (let i = 1; i < threads; i++) ports.push(await startWorker(url));
  return new Pool(ports);
}

/** The parts of Node's worker_threads used here (typed locally: the build has no Node types). */
interface NodeWorker {
  once(event: 'message' | 'error', f: (x: unknown) => void): void;
  postMessage(m: unknown): void;
  unref(): void;
  terminate(): Promise<number>;
}

/** Node's worker_threads, loaded only when a pool is made in Node. */
async function nodeWorkers(): Promise<{ Worker: new (url: URL) => NodeWorker }> {
  const name = 'node:worker_threads';
  return import(name);
}

async function startWorker(url: URL): Promise<Port> {
  if (runsOnNode()) {
    const w = new (await nodeWorkers()).Worker(url);
    await new Promise<void>((resolve, reject) => {
      w.once('message', () => resolve());
      w.once('error', reject);
    });
    w.unref();
    return {
      post: (job) => w.postMessage(job),
      stop: async () => {
        await w.terminate();
      },
    };
  }
  if (typeof Worker !== 'function') {
    throw new LslabError('E_OPTION', FN, 'needs Web Workers', { argument: 'options.threads' });
  }
  const w = new Worker(url, { type: 'module' });
  await new Promise<void>((resolve, reject) => {
    w.onmessage = () => resolve();
    w.onerror = (e) => reject(e);
  });
  return {
    post: (job) => w.postMessage(job),
    stop: async () => w.terminate(),
  };
}

/** @internal True for a pool made by {@link createKernelPool} and not closed. */
export function isOpenPool(p: unknown): p is KernelPool {
  return p instanceof Pool && !p.closed;
}

/** A shared buffer of at least `bytes` kept by the pool under `name` (reused across calls). */
function shared(pool: Pool, name: string, bytes: number): SharedArrayBuffer {
  const have = pool.buffers.get(name);
  if (have !== undefined && have.byteLength >= bytes) return have;
  const b = new SharedArrayBuffer(Math.max(bytes, 8));
  pool.buffers.set(name, b);
  return b;
}

/**
 * @internal A cross-entropy split by rows over the pool: the calling thread
 * runs the first slice, each worker one of the others on shared copies, and
 * the calling thread gathers the gradient and losses and sums the losses in
 * row order (as the one-thread kernel does). Returns −1 or the first bad row.
 */
export function crossEntropyPooled(
  pool: KernelPool,
  kind: 'index' | 'probability',
  a: IndexArgs | ProbabilityArgs,
): number {
  const p = pool as Pool;
  const { n, k } = a;
  const threads = p.threads;
  const at = (i: number) => Math.round((i * n) / threads);
  const z32 = a.z instanceof Float32Array;
  const zB = shared(p, 'z', n * k * (z32 ? 4 : 8));
  const tB = shared(p, 't', kind === 'index' ? n * 4 : n * k * 8);
  const gB = shared(p, 'grad', n * k * 8);
  const lB = shared(p, 'loss', n * 8);
  const control = new Int32Array(shared(p, 'control', 4 * (threads + 1)), 0, threads + 1);
  control.fill(0);
  const r = at(1);
  (z32 ? new Float32Array(zB, 0, n * k) : new Float64Array(zB, 0, n * k)).set(
    (a.z as Float64Array).subarray(r * k, n * k),
    r * k,
  );
  if (kind === 'index') {
    const { labels, ignoreIndex } = a as IndexArgs;
    const y = new Int32Array(tB, 0, n);
    for (let i = r; i < n; i++) y[i] = labels[i] === ignoreIndex ? -1 : labels[i];
  } else {
    new Float64Array(tB, 0, n * k).set(
      ((a as ProbabilityArgs).t as Float64Array).subarray(r * k, n * k),
      r * k,
    );
  }
  const { z, t, labels, grad, loss, w, total, ignoreIndex, ...params } = a as IndexArgs &
    ProbabilityArgs;
  const job: Omit<PoolJob, 'slot' | 'r0' | 'r1'> = {
    kind,
    k,
    buffers: {
      control: control.buffer as SharedArrayBuffer,
      z: zB,
      z32,
      target: tB,
      grad: gB,
      loss: lB,
    },
    params: { ...params, ...(w === undefined ? {} : { w: Array.from(w) }) },
  };
  for (let s = 1; s < threads; s++) {
    const slice: PoolJob = { ...job, slot: s, r0: at(s), r1: at(s + 1) };
    p.ports[s - 1].post(slice);
  }
  // the calling thread's slice, with the one-thread kernel
  const mine = {
    ...a,
    z: (a.z as Float64Array).subarray(0, r * k),
    grad: a.grad.subarray(0, r * k),
    loss: a.loss.subarray(0, r),
    n: r,
  };
  if (kind === 'index') (mine as IndexArgs).labels = sliceOf((a as IndexArgs).labels, r);
  else (mine as ProbabilityArgs).t = ((a as ProbabilityArgs).t as Float64Array).subarray(0, r * k);
  let bad =
    kind === 'index'
      ? crossEntropyIndex(mine as IndexArgs)
      : crossEntropyProbability(mine as ProbabilityArgs);
  for (let done = Atomics.load(control, 0); done < threads - 1; done = Atomics.load(control, 0)) {
    Atomics.wait(control, 0, done);
  }
  for (let s = 1; bad < 0 && s < threads; s++) if (control[1 + s] > 0) bad = control[1 + s] - 1;
  if (bad >= 0) return bad;
  a.grad.set(new Float64Array(gB, r * k * 8, (n - r) * k), r * k);
  a.loss.set(new Float64Array(lB, r * 8, n - r), r);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += a.loss[i];
  a.total = sum;
  return -1;
}

function sliceOf(v: ArrayLike<number>, end: number): ArrayLike<number> {
  return ArrayBuffer.isView(v)
    ? (v as Int32Array).subarray(0, end)
    : Array.prototype.slice.call(v, 0, end);
}
