/** The largest integer seed a grid may name (the seeds of the claims go up to 2^53). */
const MAX_SEED = 2 ** 53 - 1;

/**
 * The JSON Schema (draft-07) of a sweep grid file, JSON or YAML:
 *
 * - `claim`: a claim id (`C8.smoothing-calibration`) or its prefix (`C8`);
 * - `seed`: the grid's seed (default 0), from which every cell's seed is derived by its key;
 * - `replicates`: seeds per parameter point (default 1), for intervals over seeds;
 * - `params`: parameters fixed for every cell;
 * - `axes`: for each swept parameter, a list of values, a linear range
 *   `{ from, to, step }` or a geometric (log) range `{ from, to, factor }`.
 *
 * @example
 * // claim: C9
 * // seed: 7
 * // replicates: 5
 * // axes: { alpha: { from: 0.05, to: 0.5, step: 0.05 }, K: [3, 10] }
 */
export const gridSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'lslab sweep grid',
  type: 'object',
  additionalProperties: false,
  required: ['claim', 'axes'],
  properties: {
    claim: { type: 'string', minLength: 1 },
    seed: { type: 'integer', minimum: 0, maximum: MAX_SEED },
    replicates: { type: 'integer', minimum: 1, maximum: 100_000 },
    params: { type: 'object' },
    axes: {
      type: 'object',
      minProperties: 1,
      additionalProperties: { $ref: '#/definitions/axis' },
    },
  },
  definitions: {
    axis: {
      // an array (the values) or an object (a range): keywords apply to their own type only
      type: ['array', 'object'],
      minItems: 1,
      additionalProperties: false,
      required: ['from', 'to'],
      properties: {
        from: { type: 'number' },
        to: { type: 'number' },
        step: { type: 'number', exclusiveMinimum: 0 },
        factor: { type: 'number', exclusiveMinimum: 1 },
      },
      oneOf: [
        { type: 'array' },
        { type: 'object', required: ['step'] },
        { type: 'object', required: ['factor'] },
      ],
    },
  },
} as const;
