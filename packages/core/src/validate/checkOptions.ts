import { LslabError } from '../errors.js';

/**
 * Checks an options object at the door of a public function: `undefined` is
 * no options, anything but a plain object (null, an array, a number…) and any
 * key the function does not know are rejected, so a misspelt option never
 * passes silently.
 *
 * @param fn - the public function the user called, e.g. `'softmaxCrossEntropy'`
 * @param options - what the user passed as options
 * @param allowed - the keys the function reads
 * @param name - the argument as the user wrote it: `'options'` (default), a
 *   nested object by its path (`'options.loss'`), or `'params'` for the
 *   parameters of a claim's `run` (the message then speaks of parameters)
 * @returns `options` (or `{}` for `undefined`), typed as a partial `T`
 * @throws LslabError `E_OPTION` for a non-object, or for an unknown key: the
 *   message names the key, the function and the nearest allowed key
 * @example
 * checkOptions('softmaxCrossEntropy', { labelSmothing: 0.1 }, ['labelSmoothing', 'reduction']);
 * // throws E_OPTION: "softmaxCrossEntropy: options.labelSmothing = 0.1: is not an option of
 * //   softmaxCrossEntropy; did you mean 'labelSmoothing'? (options: 'labelSmoothing', 'reduction')"
 * checkOptions('softmax', undefined, ['dtype']); // {}
 * checkOptions('C1.smoothed-targets', { alfa: 0.1 }, ['alpha', 'K'], 'params');
 * // throws E_OPTION: "C1.smoothed-targets: params.alfa = 0.1: is not a parameter of
 * //   C1.smoothed-targets; did you mean 'alpha'? (parameters: 'alpha', 'K')"
 * checkOptions('mlp', { labelSmothing: 0.1 }, ['labelSmoothing'], 'options.loss');
 * // throws E_OPTION: "mlp: options.loss.labelSmothing = 0.1: is not an option of mlp; …"
 */
export function checkOptions<T extends object>(
  fn: string,
  options: unknown,
  allowed: readonly (keyof T & string)[],
  name = 'options',
): Partial<T> {
  if (options === undefined) return {};
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new LslabError('E_OPTION', fn, `${name} must be an object`, {
      argument: name,
      value: options,
    });
  }
  const noun = name === 'params' ? 'parameter' : 'option';
  for (const key of Object.keys(options)) {
    if ((allowed as readonly string[]).includes(key)) continue;
    const list = allowed.map((a) => `'${a}'`).join(', ');
    const near = nearest(key, allowed);
    const hint = near === undefined ? '' : ` did you mean '${near}'?`;
    throw new LslabError(
      'E_OPTION',
      fn,
      `is not ${noun === 'option' ? 'an' : 'a'} ${noun} of ${fn};${hint} (${noun}s: ${list === '' ? 'none' : list})`,
      { argument: `${name}.${key}`, value: (options as Record<string, unknown>)[key] },
    );
  }
  return options as Partial<T>;
}

/** The allowed key closest to `key` in edit distance (case-insensitive); ties go to the first. */
function nearest(key: string, allowed: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const a of allowed) {
    const d = editDistance(key.toLowerCase(), a.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = a;
    }
  }
  return best;
}

/** Levenshtein distance: insertions, deletions and substitutions, one each. */
function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, prev[j] + 1, cur[j - 1] + 1));
    }
    prev = cur;
  }
  return prev[b.length];
}
