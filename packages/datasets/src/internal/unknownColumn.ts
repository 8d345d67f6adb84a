import { LslabError } from '@lslab/core';

/** How many column names an error lists before it says "…". */
const SHOWN = 30;

/**
 * @internal Throws E_OPTION for a feature or label column that no record has
 * (or that the file's header does not declare), listing the columns there are.
 */
export function unknownColumn(
  fn: string,
  argument: string,
  value: unknown,
  records: readonly object[],
  columns?: readonly string[],
): never {
  const available = columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  const list = available.slice(0, SHOWN).map((c) => JSON.stringify(c));
  if (available.length > SHOWN) list.push('…');
  throw new LslabError(
    'E_OPTION',
    fn,
    `is not a column of the data; the columns are ${list.join(', ') || 'none'}`,
    { argument, value },
  );
}
