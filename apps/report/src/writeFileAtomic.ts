import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `file` atomically: first to a temporary file in the same
 * directory, then renamed over `file`, so a reader sees the old file or the
 * new one, never half of one. The temporary file is removed if anything fails.
 * The text may come in pieces (an iterable of strings), written one after the
 * other, so that a file larger than the longest string a JavaScript engine
 * holds can be written.
 *
 * @param file - destination path; its directory must exist
 * @param text - the whole content, or its pieces in order
 * @throws the file-system error when the file cannot be written
 * @example
 * writeFileAtomic('rows.jsonl', '{"a":1}\n'); // rows.jsonl holds one line
 * writeFileAtomic('rows.jsonl', ['{"a":1}\n', '{"a":2}\n']); // two lines
 */
export function writeFileAtomic(file: string, text: string | Iterable<string>): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(tmp, 'w');
    try {
      for (const piece of typeof text === 'string' ? [text] : text) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
