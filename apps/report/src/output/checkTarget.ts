import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The file that marks a directory as a report written by lslab. */
export const REPORT_MARKER = '.lslab-report';

/** A path the report refuses to write to, and why. */
export class UnsafeTargetError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`${path} ${reason}; refusing to replace it`);
    this.name = 'UnsafeTargetError';
  }
}

function lstatOrNull(path: string) {
  try {
    return lstatSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

function kind(st: NonNullable<ReturnType<typeof lstatOrNull>>): string {
  if (st.isSymbolicLink()) return 'is a symbolic link';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'is a device';
  if (st.isFIFO()) return 'is a named pipe';
  if (st.isSocket()) return 'is a socket';
  if (st.isDirectory()) return 'is a directory';
  return 'is a file';
}

/**
 * Checks that a report directory may be written: absent, an empty directory,
 * or a directory holding the marker of an earlier report. A symbolic link, a
 * device, a file, or a directory lslab did not write is refused.
 *
 * @param dir - the `--out` directory
 * @returns whether the directory exists (and will be replaced)
 * @throws UnsafeTargetError when the path must not be replaced
 * @example
 * checkOutDir('report'); // false the first time, true after a report was written
 */
export function checkOutDir(dir: string): boolean {
  const st = lstatOrNull(dir);
  if (st === null) return false;
  if (!st.isDirectory()) throw new UnsafeTargetError(dir, kind(st));
  const entries = readdirSync(dir);
  if (entries.length === 0) return true;
  const marker = lstatOrNull(join(dir, REPORT_MARKER));
  if (marker === null || !marker.isFile()) {
    throw new UnsafeTargetError(
      dir,
      `is a directory that lslab did not write (no ${REPORT_MARKER} in it)`,
    );
  }
  return true;
}

/**
 * Checks that a file may be (re)written: absent or a regular file. A symbolic
 * link, a device, a pipe or a directory is refused.
 *
 * @param file - e.g. the `--json` file
 * @throws UnsafeTargetError when the path must not be replaced
 * @example
 * checkOutFile('results.json'); // returns when the file is absent or regular
 */
export function checkOutFile(file: string): void {
  const st = lstatOrNull(file);
  if (st !== null && !st.isFile()) throw new UnsafeTargetError(file, kind(st));
}
