import { align, type KernelExports, reserve } from './backend.js';

// The kernels never see a whole batch: rows go through a fixed scratch region
// of the kernels' memory a chunk at a time (copied in, computed, copied out),
// so the copies and the kernel run on data that stays in cache, memory does
// not grow with the batch, and the caller's arrays are read and written once.

/** Bytes of one operand's chunk: small enough that a chunk's operands stay in the L2 cache. */
export const CHUNK_BYTES = 32 * 1024;

/** Slot 0 (16 bytes) holds a kernel's running loss sum. */
export const SLOT = 16;

/**
 * @internal Rows of `rowBytes` bytes each that fit one chunk (at least one):
 * a whole row always goes through in one piece.
 */
export function chunkRows(rowBytes: number): number {
  return Math.max(1, Math.floor(CHUNK_BYTES / rowBytes));
}

/**
 * @internal Lays out regions of the given byte sizes after slot 0, each
 * 16-byte aligned, reserves the memory, and returns the buffer and the
 * regions' offsets.
 */
export function layout(wk: KernelExports, sizes: number[]): { buf: ArrayBuffer; at: number[] } {
  const at: number[] = [];
  let end = SLOT;
  for (const s of sizes) {
    at.push(end);
    end = align(end + s);
  }
  return { buf: reserve(wk, end), at };
}

/**
 * @internal Calls `run(r0, r1)` on consecutive chunks of `rows` rows of
 * [0, n); stops at the first chunk that reports a bad row (≥ 0) and returns
 * it as an index into [0, n), or −1.
 */
export function eachChunk(
  n: number,
  rows: number,
  run: (r0: number, r1: number) => number,
): number {
  for (let r0 = 0; r0 < n; r0 += rows) {
    const bad = run(r0, Math.min(n, r0 + rows));
    if (bad >= 0) return r0 + bad;
  }
  return -1;
}

/** @internal values[from..to) without copying when they are a typed array. */
export function part(values: ArrayLike<number>, from: number, to: number): ArrayLike<number> {
  return ArrayBuffer.isView(values)
    ? (values as Float64Array).subarray(from, to)
    : Array.prototype.slice.call(values, from, to);
}
