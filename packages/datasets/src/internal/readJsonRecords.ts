import { LslabError } from '@lslab/core';
import { checkText } from './checkText.js';
import { deeperThan, MAX_JSON_DEPTH } from './jsonDepth.js';
import { jsonErrorOffset } from './jsonErrorOffset.js';

/** One-based line and character of a code-unit offset. */
function position(text: string, at: number): { line: number; char: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < at && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, char: at - start + 1 };
}

/** @internal `parseJsonRecords` with `fn`, the function the user called, named in its errors. */
export function readJsonRecords(fn: string, text: string): Record<string, unknown>[] {
  checkText(fn, text);
  const deep = deeperThan(text, MAX_JSON_DEPTH);
  if (deep >= 0) {
    const at = position(text, deep);
    throw new LslabError(
      'E_PARSE',
      fn,
      `nests deeper than ${MAX_JSON_DEPTH} levels (line ${at.line}, character ${at.char})`,
      { argument: 'text', line: at.line },
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const at = position(text, jsonErrorOffset(text));
    throw new LslabError(
      'E_PARSE',
      fn,
      `is not valid JSON (line ${at.line}, character ${at.char}): ${msg}`,
      { argument: 'text', line: at.line },
    );
  }
  if (!Array.isArray(value)) {
    throw new LslabError('E_PARSE', fn, 'is not a JSON array of records', { argument: 'text' });
  }
  for (let i = 0; i < value.length; i++) {
    const r = value[i];
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new LslabError('E_PARSE', fn, 'is not an object', {
        argument: 'text',
        row: i,
        value: r,
      });
    }
  }
  return value as Record<string, unknown>[];
}
