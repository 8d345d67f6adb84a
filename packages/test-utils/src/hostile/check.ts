import { readFileSync } from 'node:fs';

// What a call may do with hostile input: return a result whose numbers are
// finite where the math is, or throw an LslabError with a documented code that
// names the argument. Anything else is a failure, described in words.

/**
 * The codes documented in core's errors.ts (the `- \`E_…\`` list of its
 * comment that are also members of `LslabErrorCode`), read from the source so
 * that this package does not depend on core's build.
 */
export function documentedCodes(): Set<string> {
  const src = readFileSync(new URL('../../../core/src/errors.ts', import.meta.url), 'utf8');
  const documented = new Set(Array.from(src.matchAll(/^ \* - `(E_[A-Z_]+)`/gm), (m) => m[1]));
  const union = src.slice(
    src.indexOf('export type LslabErrorCode'),
    src.indexOf(';', src.indexOf('export type LslabErrorCode')),
  );
  const members = new Set(Array.from(union.matchAll(/'(E_[A-Z_]+)'/g), (m) => m[1]));
  return new Set([...members].filter((c) => documented.has(c)));
}

/**
 * The parameter names of a function, read from its source: `f(logits, target,
 * options = {})` gives ['logits', 'target', 'options']; a destructured one gives
 * its keys.
 */
export function parameterNames(f: (...args: never[]) => unknown): string[] {
  const src = Function.prototype.toString.call(f);
  const open = src.indexOf('(');
  if (open < 0) return [];
  let depth = 0;
  let end = open;
  for (; end < src.length; end++) {
    const c = src[end];
    if (c === '(' || c === '{' || c === '[') depth++;
    else if (c === ')' || c === '}' || c === ']') {
      depth--;
      if (depth === 0) break;
    }
  }
  return src
    .slice(open + 1, end)
    .split(',')
    .map((p) => p.replace(/=.*$/s, '').replace(/[{}[\].\s]/g, ''))
    .filter((p) => /^[A-Za-z_$][\w$]*$/.test(p));
}

/** Where a result holds NaN or ±∞ (the first few), walking numbers, arrays, typed arrays and objects. */
export function nonFinite(result: unknown, limit = 3): { path: string; value: number }[] {
  const found: { path: string; value: number }[] = [];
  const seen = new Set<unknown>();
  let budget = 2_000_000;
  const walk = (v: unknown, path: string): void => {
    if (found.length >= limit || budget <= 0) return;
    budget--;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) found.push({ path, value: v });
      return;
    }
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof Float64Array || v instanceof Float32Array) {
      budget -= v.length;
      for (let i = 0; i < v.length && found.length < limit; i++) {
        if (!Number.isFinite(v[i])) found.push({ path: `${path}[${i}]`, value: v[i] });
      }
      return;
    }
    if (ArrayBuffer.isView(v) || v instanceof Error) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`);
      return;
    }
    if (v instanceof Map) {
      for (const [k, x] of v) walk(x, `${path}.get(${String(k)})`);
      return;
    }
    for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
  };
  walk(result, 'result');
  return found;
}

/** The fields of an LslabError, read without importing core. */
export interface ErrorLike {
  name: string;
  code?: unknown;
  fn?: unknown;
  message: string;
  details?: { argument?: unknown };
}

/**
 * Why a thrown value breaks the contract, or null when it keeps it: an
 * LslabError with a documented code whose message names one of `names` (the
 * function's parameters, or an option key below them).
 */
export function badError(e: unknown, codes: Set<string>, names: readonly string[]): string | null {
  if (e === null || typeof e !== 'object' || (e as ErrorLike).name !== 'LslabError') {
    const err = e as Error;
    return `threw ${err?.name ?? typeof e} (${String(err?.message ?? e).slice(0, 160)}), not an LslabError`;
  }
  const le = e as ErrorLike;
  if (typeof le.code !== 'string' || !codes.has(le.code)) {
    return `threw an LslabError with the undocumented code ${String(le.code)}: ${le.message}`;
  }
  const arg = typeof le.details?.argument === 'string' ? le.details.argument : '';
  const head = arg.split(/[.[\s]/)[0];
  if (names.length > 0 && !names.includes(head) && !names.some((n) => le.message.includes(n))) {
    return `threw ${le.code} without naming an argument (${names.join(', ')}): ${le.message}`;
  }
  return null;
}
