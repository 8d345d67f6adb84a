/** @internal One slice of a cross-entropy, as posted to a pool worker. */
export interface PoolJob {
  kind: 'index' | 'probability';
  /** which worker (its slot for a bad row in `control`) */
  slot: number;
  /** rows [r0, r1) */
  r0: number;
  r1: number;
  k: number;
  buffers: {
    /** Int32: [0] done counter, [1 + slot] 1 + the first bad row, or 0 */
    control: SharedArrayBuffer;
    /** the logits of the whole batch from byte zOffset (the caller's own array when it is shared) */
    z: SharedArrayBuffer;
    zOffset: number;
    z32: boolean;
    /** Int32 labels (−1 = ignored) or Float64 probability rows, from byte targetOffset */
    target: SharedArrayBuffer;
    targetOffset: number;
    /** the gradient of the whole batch from byte gradOffset, Float32 when grad32 */
    grad: SharedArrayBuffer;
    gradOffset: number;
    grad32: boolean;
    loss: SharedArrayBuffer;
  };
  /** the scalar arguments of the kernel (on, off, scale, mode, wSum / keep, u, scale, mode) and w */
  params: { [name: string]: number | number[] | undefined; w?: number[] };
}
