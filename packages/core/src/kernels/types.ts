/** @internal Arguments of the index-target cross-entropy kernel (see kernels.wat). */
export interface IndexArgs {
  z: ArrayLike<number>;
  labels: ArrayLike<number>;
  ignoreIndex: number | undefined;
  /** class weights (K), or undefined */
  w: Float64Array | undefined;
  /** N·K gradient; a Float32 one is the Float64 gradient rounded once */
  grad: Float64Array | Float32Array;
  /** N row losses */
  loss: Float64Array;
  n: number;
  k: number;
  on: number;
  off: number;
  scale: number;
  /** 0: row weights w_y (or none); 1: class weights on the target mass */
  mode: 0 | 1;
  /** Σ w (mode 1) */
  wSum: number;
  /** 1 − q_y = off·(K − 1), formed without cancelling */
  cmp: number;
  /** set by the kernel: Σ of the row losses, in row order */
  total: number;
}

/** @internal Arguments of the probability-target cross-entropy kernel. */
export interface ProbabilityArgs {
  z: ArrayLike<number>;
  t: ArrayLike<number>;
  w: Float64Array | undefined;
  grad: Float64Array | Float32Array;
  loss: Float64Array;
  n: number;
  k: number;
  keep: number;
  u: number;
  scale: number;
  /** 0: no weights; 1: class weights; 2: row weight ⟨w, t_i⟩ */
  mode: 0 | 1 | 2;
  total: number;
}

/** @internal Arguments of the sigmoid cross-entropy kernel. */
export interface SigmoidArgs {
  x: ArrayLike<number>;
  t: ArrayLike<number>;
  /** one positive weight a column */
  wpos: Float64Array;
  grad: Float64Array;
  loss: Float64Array;
  count: number;
  cols: number;
  keep: number;
  shift: number;
  /** the gradient is divided by this (N·C for 'mean', else 1) */
  div: number;
  total: number;
}
