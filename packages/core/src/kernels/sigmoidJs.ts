// Sigmoid cross-entropy in JavaScript, operation for operation as
// sigmoidCrossEntropy in kernels.wat.
import { portableExp as exp } from './exp.js';
import { portableLog1p } from './fallback.js';
import type { SigmoidArgs } from './types.js';

/** @internal Per element: losses, gradient (divided by a.div) and their sum in a.total. */
export function sigmoidCrossEntropyJs(a: SigmoidArgs): void {
  const { x, t, wpos, grad, loss, count, cols, keep, shift, div } = a;
  let total = 0;
  for (let i = 0, c = 0; i < count; i++) {
    const xe = x[i];
    const ts = keep * t[i] + shift;
    const neg = 1 - ts;
    const pos = wpos[c] * ts;
    const e = exp(-Math.abs(xe));
    const l1p = portableLog1p(e);
    const nx = -xe;
    const l = neg * (Math.max(xe, 0) + l1p) + pos * (Math.max(nx, 0) + l1p);
    loss[i] = l;
    total += l;
    const d = 1 + e;
    let sp = 1 / d;
    let sn = e / d;
    if (xe < 0) {
      const tmp = sp;
      sp = sn;
      sn = tmp;
    }
    grad[i] = (neg * sp - pos * sn) / div;
    if (++c === cols) c = 0;
  }
  a.total = total;
}
