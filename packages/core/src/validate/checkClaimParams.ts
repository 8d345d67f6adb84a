import { checkOptions } from './checkOptions.js';
import { type ClaimParamSchema, checkClaimParam } from './claimParamSchema.js';

/**
 * The door of a claim's `run`: rejects a non-object and every unknown key
 * (`E_OPTION` naming the claim id and the key, as a parameter), and fills the
 * keys the caller left out from the claim's defaults. With a `schema`, every
 * key it lists is checked against its domain, in the schema's order (see
 * {@link checkClaimParam}); the claim checks any other key itself, `fn` = its id.
 *
 * @param id - the claim's id, e.g. `'C6.optimal-margin'`; errors name it
 * @param defaults - the claim's default parameters; their keys are the allowed keys
 * @param params - what the caller passed to `run`
 * @param schema - the domains of the claim's parameters (the claim's `paramSchema`)
 * @returns the defaults overridden by the given keys
 * @throws LslabError `E_OPTION` for a non-object or an unknown key; with a
 *   schema, `E_RANGE` / `E_NOT_FINITE` / `E_OPTION` for a value outside its domain
 * @example
 * checkClaimParams('C1.smoothed-targets', { alpha: 0.1, K: 3 }, { K: 5 }); // { alpha: 0.1, K: 5 }
 * checkClaimParams('C1.smoothed-targets', { alpha: 0.1, K: 3 }, { alfa: 0.2 });
 * // throws E_OPTION: "C1.smoothed-targets: params.alfa = 0.2: is not a parameter of
 * //   C1.smoothed-targets; did you mean 'alpha'? (parameters: 'alpha', 'K')"
 */
export function checkClaimParams<P extends object>(
  id: string,
  defaults: P,
  params: unknown,
  schema?: ClaimParamSchema,
): P {
  const given = checkOptions<P>(
    id,
    params,
    Object.keys(defaults) as (keyof P & string)[],
    'params',
  );
  const out = { ...defaults, ...given } as Record<string, unknown>;
  for (const [name, spec] of Object.entries(schema ?? {}))
    out[name] = checkClaimParam(id, name, out[name], spec, out);
  return out as P;
}
