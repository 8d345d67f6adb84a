import { checkText } from './internal/checkText.js';

/**
 * The 32-bit FNV-1a hash of a string's UTF-16 code units taken as bytes when
 * they are ASCII (for ASCII text this is FNV-1a of its UTF-8 bytes): start
 * from the offset basis 2166136261, and for each byte b set h ← (h XOR b) ·
 * 16777619 mod 2^32.
 *
 * Non-ASCII code units are hashed as their UTF-8 bytes (surrogate pairs are
 * combined first), so the result is the FNV-1a of the UTF-8 encoding.
 *
 * @param s - the string
 * @returns an unsigned 32-bit integer
 * @throws LslabError `E_PARSE` when `s` is not a string, `E_RANGE` above `MAX_TEXT_LENGTH`
 * @example
 * fnv1a32('');  // 2166136261 (0x811c9dc5)
 * fnv1a32('a'); // 3826002220 (0xe40c292c)
 */
export function fnv1a32(s: string): number {
  checkText('fnv1a32', s, 's');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) h = Math.imul(h ^ c, 0x01000193);
    else return utf8Tail(s, i, h);
  }
  return h >>> 0;
}

/** Continues the hash over the UTF-8 bytes of s[i..] (the non-ASCII path). */
function utf8Tail(s: string, i: number, h: number): number {
  const byte = (b: number) => {
    h = Math.imul(h ^ b, 0x01000193);
  };
  for (; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) byte(c);
    else if (c < 0x800) {
      byte(0xc0 | (c >> 6));
      byte(0x80 | (c & 63));
    } else {
      if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
        const lo = s.charCodeAt(i + 1);
        if (lo >= 0xdc00 && lo < 0xe000) {
          c = 0x10000 + ((c - 0xd800) << 10) + (lo - 0xdc00);
          i++;
        }
      }
      if (c < 0x10000) {
        byte(0xe0 | (c >> 12));
        byte(0x80 | ((c >> 6) & 63));
        byte(0x80 | (c & 63));
      } else {
        byte(0xf0 | (c >> 18));
        byte(0x80 | ((c >> 12) & 63));
        byte(0x80 | ((c >> 6) & 63));
        byte(0x80 | (c & 63));
      }
    }
  }
  return h >>> 0;
}
