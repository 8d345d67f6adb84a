import { LslabError } from '@lslab/core';

/** A row of a sweep, as `lslab sweep` writes it (see `cellRows`). */
export interface SweepRow {
  cell: string;
  claim: string;
  params: Record<string, unknown>;
  replicate: number;
  seed: number | null;
  kind: 'check' | 'series';
  name?: string;
  expected?: number | null;
  measured?: number | null;
  holds?: boolean;
  series?: string;
  row?: object;
}

/**
 * Reads sweep rows (JSON Lines from `lslab merge` or one shard's file).
 *
 * @param text - the file's content
 * @param file - its name, for messages
 * @returns the rows, in file order
 * @throws LslabError `E_PARSE` naming the line that is not JSON or not a sweep row;
 *   `E_EMPTY` for a file with no rows
 * @example
 * readSweepRows('{"cell":"K=3","claim":"C1.smoothed-targets","params":{"K":3},…}\n', 'rows.jsonl').length; // 1
 */
export function readSweepRows(text: string, file: string): SweepRow[] {
  const fn = 'lslab report --from-sweep';
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const rows = lines.map((line, i) => {
    let row: SweepRow;
    try {
      row = JSON.parse(line);
    } catch {
      throw new LslabError('E_PARSE', fn, 'is not JSON', { argument: file, line: i + 1 });
    }
    const ok =
      row !== null &&
      typeof row === 'object' &&
      typeof row.cell === 'string' &&
      typeof row.claim === 'string' &&
      typeof row.params === 'object' &&
      (row.kind === 'check' || row.kind === 'series');
    if (!ok || row.claim !== JSON.parse(lines[0]).claim) {
      throw new LslabError('E_PARSE', fn, 'is not a row of one sweep (cell, claim, params, kind)', {
        argument: file,
        line: i + 1,
      });
    }
    return row;
  });
  if (rows.length === 0) throw new LslabError('E_EMPTY', fn, 'holds no rows', { argument: file });
  return rows;
}
