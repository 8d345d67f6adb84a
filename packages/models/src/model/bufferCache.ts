/**
 * @internal Buffers keyed by batch size, made on first use and reused after.
 * A training run meets at most two sizes per data set (the batch and the last,
 * shorter batch of an epoch, plus the full set when recording).
 */
export class BufferCache<T> {
  #make: (rows: number) => T;
  #cache = new Map<number, T>();

  constructor(make: (rows: number) => T) {
    this.#make = make;
  }

  get(rows: number): T {
    let b = this.#cache.get(rows);
    if (b === undefined) {
      b = this.#make(rows);
      this.#cache.set(rows, b);
    }
    return b;
  }
}

/** @internal Copies the labels of the rows in `batch` into `out`. */
export function gatherLabels(
  y: ArrayLike<number>,
  batch: ArrayLike<number>,
  out: Int32Array,
): void {
  for (let r = 0; r < batch.length; r++) out[r] = y[batch[r]];
}
