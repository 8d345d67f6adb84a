import { writeFileAtomic } from './writeFileAtomic.js';

/**
 * Writes `value` as JSON to `file` atomically (see {@link writeFileAtomic}),
 * so a reader never sees half a report.
 *
 * @param file - destination path; its directory must exist
 * @param value - anything `JSON.stringify` accepts (NaN and ±∞ become `null`)
 * @throws the file-system error when the file cannot be written
 * @example
 * writeJsonAtomic('results.json', { claims: [] }); // results.json holds {"claims": []}
 */
export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}
