/** The deepest nesting of arrays and objects `parseJsonRecords` reads: 64 levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * @internal Scans JSON text for its deepest nesting of arrays and objects
 * (brackets inside strings do not count) and returns the offset of the first
 * bracket that goes deeper than `limit`, or −1. One linear pass, no recursion,
 * so it is safe on any input.
 */
export function deeperThan(text: string, limit: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}
