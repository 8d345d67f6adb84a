/** @internal The murmur3 32-bit finaliser: a bijection on 32-bit words with fmix32(0) = 0. */
export function fmix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** One murmur3 block: mixes the 32-bit word `k` into the running hash `h`. */
function mix(h: number, k: number): number {
  let x = Math.imul(k, 0xcc9e2d51);
  x = (x << 15) | (x >>> 17);
  x = Math.imul(x, 0x1b873593);
  const y = h ^ x;
  return (Math.imul((y << 13) | (y >>> 19), 5) + 0xe6546b64) | 0;
}

/**
 * @internal A fresh xoroshiro128+ state from a parent state and a key: word i
 * is murmur3 over (i, the four parent words, the key's UTF-16 code units, its
 * length), each word seeded differently, so that every output word depends on
 * the whole parent state and the whole key. Never all zero.
 */
export function deriveState(parent: readonly number[], key: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < 4; i++) {
    let h = Math.imul(i + 1, 0x9e3779b9);
    for (let j = 0; j < 4; j++) h = mix(h, parent[j] ?? 0);
    for (let c = 0; c < key.length; c++) h = mix(h, key.charCodeAt(c));
    out.push(fmix32(h ^ key.length));
  }
  if ((out[0] | out[1] | out[2] | out[3]) === 0) out[0] = -1;
  return out;
}
