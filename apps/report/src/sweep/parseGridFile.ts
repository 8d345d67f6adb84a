import { LslabError } from '@lslab/core';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { gridSchema } from './gridSchema.js';

/** A range of an axis, as written in the grid file. */
export type AxisSpec = unknown[] | { from: number; to: number; step?: number; factor?: number };

/** A grid file after parsing and schema validation, before the claim is looked up. */
export interface GridFile {
  claim: string;
  seed?: number;
  replicates?: number;
  params?: Record<string, unknown>;
  axes: Record<string, AxisSpec>;
}

let compiled: ValidateFunction | undefined;
/** The schema's validator, compiled on first use (nothing runs at import). */
const validator = () => {
  compiled ??= new Ajv({
    allErrors: true,
    strict: true,
    allowUnionTypes: true,
    strictRequired: false,
  }).compile(gridSchema);
  return compiled;
};

/** `axes/alpha/step` → `axes.alpha.step`. */
function keyOf(path: string): string {
  return path
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function valueAt(root: unknown, path: string): unknown {
  let v = root;
  for (const p of keyOf(path)
    .split('.')
    .filter((s) => s !== '')) {
    v = (v as Record<string, unknown> | undefined)?.[p];
  }
  return v;
}

/** The error that best says what to fix: a misspelt key, then a missing one, then a value; never a branch of oneOf. */
function mostUseful(errors: readonly ErrorObject[]): ErrorObject {
  const own = errors.filter((e) => !e.schemaPath.includes('/oneOf/'));
  const rank = (e: ErrorObject) =>
    ['additionalProperties', 'required'].indexOf(e.keyword) + 1 || (e.keyword === 'oneOf' ? 4 : 3);
  return [...own].sort((a, b) => rank(a) - rank(b))[0] ?? errors[0];
}

function schemaError(fn: string, root: unknown, e: ErrorObject): LslabError {
  const at = keyOf(e.instancePath);
  const join = (k: string) => (at === '' ? k : `${at}.${k}`);
  if (e.keyword === 'additionalProperties') {
    const key = String(e.params.additionalProperty);
    const where = at === '' ? 'the grid' : at;
    const allowed = Object.keys(
      at === '' ? gridSchema.properties : gridSchema.definitions.axis.properties,
    ).join(', ');
    return new LslabError('E_OPTION', fn, `is not a key of ${where} (keys: ${allowed})`, {
      argument: join(key),
    });
  }
  if (e.keyword === 'required') {
    return new LslabError('E_OPTION', fn, 'is missing', {
      argument: join(String(e.params.missingProperty)),
    });
  }
  if (e.keyword === 'oneOf') {
    return new LslabError(
      'E_OPTION',
      fn,
      'must be a list of values, { from, to, step } or { from, to, factor } (one of step and factor)',
      { argument: at, value: valueAt(root, e.instancePath) },
    );
  }
  return new LslabError('E_OPTION', fn, e.message ?? 'is not valid', {
    argument: at === '' ? 'the grid' : at,
    value: valueAt(root, e.instancePath),
  });
}

/**
 * Parses a grid file (YAML, or JSON, which YAML contains; `.json` files are
 * read as strict JSON) and validates it against {@link gridSchema}.
 *
 * @param text - the file's content
 * @param file - its name, used in messages and to tell JSON from YAML
 * @returns the grid as written
 * @throws LslabError `E_PARSE` (with the line) for a file that does not parse;
 *   `E_OPTION` naming the key (`axes.alpha.step`) for a grid the schema rejects
 * @example
 * parseGridFile('claim: C1\naxes: { K: [3, 5] }\n', 'g.yaml').axes.K; // [3, 5]
 * parseGridFile('claim: C1\naxes: { K: { from: 2, to: 5 } }\n', 'g.yaml');
 * // throws E_OPTION "lslab sweep --grid g.yaml: axes.K = {"from":2,"to":5}: must be a list of values, …"
 */
export function parseGridFile(text: string, file: string): GridFile {
  const fn = `lslab sweep --grid ${file}`;
  let raw: unknown;
  try {
    raw = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (e) {
    const line = e instanceof YAMLParseError ? e.linePos?.[0].line : undefined;
    const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new LslabError('E_PARSE', fn, `does not parse: ${message}`, {
      argument: file,
      ...(line === undefined ? {} : { line }),
    });
  }
  const validate = validator();
  if (!validate(raw)) throw schemaError(fn, raw, mostUseful(validate.errors as ErrorObject[]));
  return raw as unknown as GridFile;
}
