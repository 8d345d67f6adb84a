import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes `value` as JSON to `file` atomically: first to a temporary file in
 * the same directory, then renamed over `file`, so a reader never sees half a
 * report. The temporary file is removed if anything fails.
 *
 * @param file - destination path; its directory must exist
 * @param value - anything `JSON.stringify` accepts (NaN and ±∞ become `null`)
 * @throws the file-system error when the file cannot be written
 * @example
 * writeJsonAtomic('results.json', { claims: [] }); // results.json holds {"claims": []}
 */
export function writeJsonAtomic(file: string, value: unknown): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
