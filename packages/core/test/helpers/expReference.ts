/** The sample of the exp reference fixture (test/fixtures/expReference.json). */
export const EXP_REFERENCE = {
  seed: 20261201,
  count: 1_000_000,
  /** e^x is subnormal from −708.4 and rounds to 0 below about −745.1332 */
  lo: -745.1332191019411,
  /** e^x overflows above about 709.7827 */
  hi: 709.782712893384,
} as const;

/** `count` points uniform over [lo, hi) drawn from `rng`. */
export function expPoints(rng: { uniform(): number }, count: number): Float64Array {
  const { lo, hi } = EXP_REFERENCE;
  const xs = new Float64Array(count);
  for (let i = 0; i < count; i++) xs[i] = lo + (hi - lo) * rng.uniform();
  return xs;
}

const view = new DataView(new ArrayBuffer(8));

/** The position of a double on the line of all doubles (adjacent doubles differ by 1; ±0 are both 0). */
function ordinal(x: number): bigint {
  view.setFloat64(0, x);
  const b = view.getBigInt64(0);
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Signed distance from a to b in ulps (units in the last place, counted across the binade). */
export function ulpDistance(a: number, b: number): number {
  return Number(ordinal(b) - ordinal(a));
}

/** FNV-1a (32 bit) of the bytes of a Float64Array, as 8 hex digits. */
export function hashBits(a: Float64Array): string {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}
