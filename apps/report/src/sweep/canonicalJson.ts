import { createHash } from 'node:crypto';

/**
 * JSON with the keys of every object sorted (UTF-16 order) and no spaces: the
 * same value gives the same text whatever the order its keys were written in.
 *
 * @param value - a JSON value (NaN and ±∞ become `null`, as in `JSON.stringify`)
 * @returns the canonical text
 * @example
 * canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }); // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    const o = value as Record<string, unknown>;
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The SHA-256 of a text (UTF-8), or of the concatenation of its pieces, as `sha256:<hex>`.
 *
 * @example
 * sha256(''); // 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
 * sha256(['a', 'b']) === sha256('ab'); // true
 */
export function sha256(text: string | Buffer | Iterable<string>): string {
  const h = createHash('sha256');
  for (const piece of typeof text === 'string' || Buffer.isBuffer(text) ? [text] : text)
    h.update(piece);
  return `sha256:${h.digest('hex')}`;
}
