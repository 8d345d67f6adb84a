import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `text` to `file` atomically: first to a temporary file in the same
 * directory, then renamed over `file`, so a reader sees the old file or the
 * new one, never half of one. The temporary file is removed if anything fails.
 *
 * @param file - destination path; its directory must exist
 * @param text - the whole content
 * @throws the file-system error when the file cannot be written
 * @example
 * writeFileAtomic('rows.jsonl', '{"a":1}\n'); // rows.jsonl holds one line
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
