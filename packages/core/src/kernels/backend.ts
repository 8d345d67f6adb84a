import { KERNELS_WASM_BASE64 } from './kernelsWasm.js';

/** @internal The exports of kernels.wat (byte offsets into `memory`). */
export interface KernelExports {
  memory: WebAssembly.Memory;
  softmax(z: number, out: number, n: number, k: number): void;
  logSumExp(z: number, lse: number, out: number, scratch: number, n: number, k: number): void;
  crossEntropyIndex(
    z: number,
    labels: number,
    w: number,
    grad: number,
    loss: number,
    n: number,
    k: number,
    on: number,
    off: number,
    scale: number,
    mode: number,
    hasW: number,
    wSum: number,
    cmp: number,
    total: number,
  ): number;
  crossEntropyProbability(
    z: number,
    t: number,
    w: number,
    grad: number,
    loss: number,
    n: number,
    k: number,
    keep: number,
    u: number,
    scale: number,
    mode: number,
    total: number,
  ): number;
  sigmoidCrossEntropy(
    x: number,
    t: number,
    wpos: number,
    grad: number,
    loss: number,
    count: number,
    cols: number,
    keep: number,
    shift: number,
    div: number,
    total: number,
  ): void;
  product(
    a: number,
    rows: number,
    m: number,
    w: number,
    p: number,
    bias: number,
    hasBias: number,
    out: number,
  ): void;
  addTransposeProduct(
    a: number,
    rows: number,
    m: number,
    g: number,
    p: number,
    out: number,
    bias: number,
    hasBias: number,
  ): void;
  tanh(x: number, n: number): void;
}

let instance: KernelExports | null | undefined;
let forced: 'auto' | 'js' = 'auto';

/** @internal The kernels' bytes. */
export function kernelBytes(): Uint8Array<ArrayBuffer> {
  const bin = atob(KERNELS_WASM_BASE64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * @internal The WebAssembly kernels, compiled on first use (about 4 KB, so
 * synchronous compilation is allowed on a browser's main thread too), or null
 * where WebAssembly or its SIMD extension is missing, where compiling it is
 * refused (a Content-Security-Policy without 'wasm-unsafe-eval'), or the
 * JavaScript fallback is forced.
 */
export function wasmKernels(): KernelExports | null {
  if (forced === 'js') return null;
  if (instance === undefined) {
    instance = null;
    if (typeof WebAssembly === 'object') {
      const bytes = kernelBytes();
      if (WebAssembly.validate(bytes)) {
        try {
          instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), {})
            .exports as unknown as KernelExports;
        } catch {
          // compilation refused: a page whose Content-Security-Policy lacks
          // 'wasm-unsafe-eval' (the report's) gets the bit-identical JavaScript twin
          instance = null;
        }
      }
    }
  }
  return instance;
}

/**
 * @internal Chooses the kernels: `'auto'` (WebAssembly SIMD where the engine
 * has it) or `'js'` (always the JavaScript fallback; the tests use it to
 * compare the two bit for bit). Returns the backend now in use.
 */
export function setKernelBackend(backend: 'auto' | 'js'): 'wasm' | 'js' {
  forced = backend;
  return kernelBackend();
}

/**
 * Which kernels this engine runs: `'wasm'` (WebAssembly SIMD) or `'js'` (their
 * bit-identical JavaScript twin, where WebAssembly or SIMD is missing or a
 * Content-Security-Policy refuses compiling it). Compiles the kernels on
 * first use; the numbers are the same bits either way, only the speed differs.
 *
 * @returns the backend in use
 * @example
 * kernelBackend(); // 'wasm' in Node 20 and current browsers
 */
export function kernelBackend(): 'wasm' | 'js' {
  return wasmKernels() === null ? 'js' : 'wasm';
}

/** @internal Makes the kernels' memory at least `bytes` long; returns its buffer. */
export function reserve(k: KernelExports, bytes: number): ArrayBuffer {
  const have = k.memory.buffer.byteLength;
  if (bytes > have) k.memory.grow(Math.ceil((bytes - have) / 65536));
  return k.memory.buffer;
}

/** @internal True in Node (where a pool uses worker_threads rather than Web Workers). */
export function runsOnNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return p?.versions?.node !== undefined;
}

/** @internal Rounds a byte offset up to a multiple of 16. */
export function align(bytes: number): number {
  return (bytes + 15) & ~15;
}
