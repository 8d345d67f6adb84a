import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { writeFileAtomic } from '../writeFileAtomic.js';

/** What a journal's first line records: the run it belongs to. */
export interface JournalHeader {
  gridHash: string;
  versions: Record<string, string>;
  shard: { index: number; count: number };
}

/**
 * Reads the cells a shard has completed: the journal's first line is its
 * header, each next line one cell `{ key, lines }`. A last line cut short by
 * a kill is ignored, and so is a journal of another run (its header differs):
 * those cells are run again.
 *
 * @param file - the journal path
 * @param header - the current run's header
 * @returns cell key → its row lines
 * @example
 * readJournal('.shard-0-of-1.journal', header).size; // cells already done
 */
export function readJournal(file: string, header: JournalHeader): Map<string, string[]> {
  const done = new Map<string, string[]>();
  if (!existsSync(file)) return done;
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.pop(); // the text after the last newline: empty, or a line cut short
  if (lines.length === 0 || lines[0] !== JSON.stringify(header)) return done;
  for (const line of lines.slice(1)) {
    try {
      const cell = JSON.parse(line) as { key: string; lines: string[] };
      done.set(cell.key, cell.lines);
    } catch {
      break;
    }
  }
  return done;
}

/**
 * Opens a journal for appending: it is first rewritten (atomically) with the
 * header and the cells already done, which drops a line cut short by a kill
 * and a journal of another run; then each cell is appended as one line and
 * flushed to disk before the next, so a killed shard resumes from its
 * completed cells.
 *
 * @param file - the journal path
 * @param header - the run's header
 * @param done - the cells already done (from {@link readJournal})
 * @returns `append(key, lines)` and `close()`
 * @example
 * const j = openJournal('.shard-0-of-1.journal', header, new Map()); j.append('K=3', lines); j.close();
 */
export function openJournal(
  file: string,
  header: JournalHeader,
  done: ReadonlyMap<string, string[]>,
): { append(key: string, lines: string[]): void; close(): void } {
  const entry = (key: string, lines: string[]) => `${JSON.stringify({ key, lines })}\n`;
  const start = [`${JSON.stringify(header)}\n`, ...[...done].map(([k, l]) => entry(k, l))];
  writeFileAtomic(file, start);
  const fd = openSync(file, 'a');
  return {
    append(key, lines) {
      writeSync(fd, entry(key, lines));
      fsyncSync(fd);
    },
    close: () => closeSync(fd),
  };
}
