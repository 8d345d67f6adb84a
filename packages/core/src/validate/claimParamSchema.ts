import { LslabError } from '../errors.js';
import { checkOption } from './checkOption.js';
import { checkSeed, SEED_LIMIT } from './checkSeed.js';
import { checkInOpenRange, checkInRange, checkInteger, checkPositive } from './numbers.js';

/** A bound of a parameter: a number, or a function of the parameters validated before it. */
export type ParamBound = number | ((params: Readonly<Record<string, unknown>>) => number);

/**
 * How a page control may move a parameter, inside its domain: a narrower range
 * (sizes a browser runs quickly), a step, or `false` when the parameter is not
 * worth a control (a count of trials, a step size of an optimiser).
 */
export type ParamControl = false | { min?: number; max?: number; step?: number; scale?: 'log' };

interface SpecBase {
  /** How the parameter is shown, e.g. `'α'`. */
  label: string;
  /** The page control; absent means the whole domain with a default step. */
  control?: ParamControl;
}

/**
 * The domain of one claim parameter. Each kind is one of core's validators, so
 * a claim that validates through its schema throws exactly what it threw before:
 *
 * - `'number'`: `checkInRange`, [min, max]; `'open'`: `checkInOpenRange`, (min, max), with `why`;
 * - `'positive'`: `checkPositive`, (0, ∞) and finite;
 * - `'integer'`: `checkInteger`, an integer in [min, max]; `'seed'`: `checkSeed`, [0, 2^53);
 * - `'choice'`: `checkOption`, one of `values`.
 */
export type ClaimParamSpec =
  | (SpecBase & { kind: 'number'; min: ParamBound; max: ParamBound })
  | (SpecBase & { kind: 'open'; min: ParamBound; max: ParamBound; why?: string })
  | (SpecBase & { kind: 'positive' })
  | (SpecBase & { kind: 'integer'; min: ParamBound; max: ParamBound })
  | (SpecBase & { kind: 'seed' })
  | (SpecBase & { kind: 'choice'; values: readonly string[] });

/**
 * The parameter domains of a claim, in validation order (a bound given as a
 * function sees the parameters validated before it). Keys the schema leaves
 * out (lists, nested options) are the claim's own to check.
 */
export type ClaimParamSchema = Readonly<Record<string, ClaimParamSpec>>;

function bound(b: ParamBound, params: Readonly<Record<string, unknown>>): number {
  return typeof b === 'number' ? b : b(params);
}

/**
 * Checks one claim parameter against its spec, with the validator its kind names.
 *
 * @param id - the claim's id (`fn` of the error)
 * @param name - the parameter's key
 * @param value - the value given
 * @param spec - its domain
 * @param params - the parameters validated so far (for bounds given as functions)
 * @returns the value, typed
 * @throws LslabError `E_RANGE`, `E_NOT_FINITE` or `E_OPTION` naming the claim and the parameter
 * @example
 * checkClaimParam('C6.optimal-margin', 'K', 10, { kind: 'integer', label: 'K', min: 2, max: 1000 }); // 10
 * checkClaimParam('C6.optimal-margin', 'K', 1, { kind: 'integer', label: 'K', min: 2, max: 1000 });
 * // throws E_RANGE: "C6.optimal-margin: K = 1: must be an integer in [2, 1000]"
 */
export function checkClaimParam(
  id: string,
  name: string,
  value: unknown,
  spec: ClaimParamSpec,
  params: Readonly<Record<string, unknown>> = {},
): number | string {
  switch (spec.kind) {
    case 'number':
      return checkInRange(id, name, value, bound(spec.min, params), bound(spec.max, params));
    case 'open':
      return checkInOpenRange(
        id,
        name,
        value,
        bound(spec.min, params),
        bound(spec.max, params),
        spec.why,
      );
    case 'positive':
      return checkPositive(id, name, value);
    case 'integer':
      return checkInteger(id, name, value, {
        min: bound(spec.min, params),
        max: bound(spec.max, params),
      });
    case 'seed':
      return checkSeed(id, name, value);
    case 'choice':
      return checkOption(id, name, value, spec.values);
    default:
      throw new LslabError('E_OPTION', id, 'has no known parameter kind', {
        argument: name,
        value: (spec as { kind: unknown }).kind,
      });
  }
}

/** A parameter as a page control shows it: its domain resolved at the current parameters. */
export interface ResolvedParam {
  name: string;
  label: string;
  kind: ClaimParamSpec['kind'];
  value: number | string;
  /** Smallest and largest value the control offers (inside the domain); absent for `'choice'`. */
  min?: number;
  max?: number;
  /** Whether `min` and `max` themselves are excluded (`'open'`, and 0 of `'positive'`). */
  open?: boolean;
  step?: number;
  scale?: 'log';
  values?: readonly string[];
}

/**
 * Each parameter of a schema that has a control, with its range resolved at the
 * given (valid) parameters and narrowed to the control's range: what a page
 * slider offers, derived from the same schema the claim validates with.
 *
 * @param schema - the claim's parameter schema
 * @param params - valid parameters (the claim's defaults overridden)
 * @returns the controls, in schema order
 * @example
 * resolveParamControls({ K: { kind: 'integer', label: 'K', min: 2, max: 1000, control: { max: 50 } } }, { K: 10 });
 * // [{ name: 'K', label: 'K', kind: 'integer', value: 10, min: 2, max: 50, open: false, step: 1 }]
 */
export function resolveParamControls(
  schema: ClaimParamSchema,
  params: Readonly<Record<string, unknown>>,
): ResolvedParam[] {
  const out: ResolvedParam[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    if (spec.control === false) continue;
    const c = spec.control ?? {};
    const value = params[name] as number | string;
    const base = { name, label: spec.label, kind: spec.kind, value };
    if (spec.kind === 'choice') {
      out.push({ ...base, values: spec.values });
      continue;
    }
    const lo = spec.kind === 'positive' ? 0 : spec.kind === 'seed' ? 0 : bound(spec.min, params);
    const hi =
      spec.kind === 'positive'
        ? Number.MAX_VALUE
        : spec.kind === 'seed'
          ? SEED_LIMIT - 1
          : bound(spec.max, params);
    const open = spec.kind === 'open' || spec.kind === 'positive';
    const integer = spec.kind === 'integer' || spec.kind === 'seed';
    out.push({
      ...base,
      min: Math.max(lo, c.min ?? lo),
      max: Math.min(hi, c.max ?? hi),
      open: open && c.min === undefined && c.max === undefined,
      step: c.step ?? (integer ? 1 : 0.01),
      ...(c.scale ? { scale: c.scale } : {}),
    });
  }
  return out;
}
