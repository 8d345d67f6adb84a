import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { checkOutDir, REPORT_MARKER } from './checkTarget.js';

const live = new Set<string>();

/**
 * Temporary directories of report writes in progress, for a signal handler
 * that removes them before the process exits.
 *
 * @example
 * removeTemporaryDirs(); // after Ctrl-C: no half-written report is left
 */
export function removeTemporaryDirs(): void {
  for (const dir of live) rmSync(dir, { recursive: true, force: true });
  live.clear();
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Cleans up after runs of `base` that were killed (their process is gone):
 * an earlier report moved aside just before the kill goes back into place,
 * temporary directories are removed.
 */
function sweepStale(parent: string, target: string, base: string): void {
  const prefix = `.${base}.lslab-`;
  for (const name of readdirSync(parent).sort()) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(tmp|old)-(\d+)-/.exec(name.slice(prefix.length));
    const pid = Number(m?.[2]);
    if (!m || pid === process.pid || alive(pid)) continue;
    const path = join(parent, name);
    if (m[1] === 'old' && !existsSync(target)) renameSync(path, target);
    else rmSync(path, { recursive: true, force: true });
  }
}

/**
 * Writes a report directory atomically: every file goes into a temporary
 * directory beside the target (`.DIR.lslab-tmp-PID-…`), which is renamed into
 * place at the end; an earlier report is moved aside first and removed after.
 * A failure or a kill leaves the earlier report as it was and no partial
 * directory at the target (leftovers of a killed run are removed by the next).
 *
 * @param dir - the target directory (`--out`)
 * @param files - relative path → content
 * @throws UnsafeTargetError when `dir` is a link, a device, a file or a foreign directory;
 *   the file-system error when writing fails (the temporary directory is removed)
 * @example
 * writeReportDir('report', new Map([['index.html', '<!doctype html>…']]));
 */
export function writeReportDir(dir: string, files: ReadonlyMap<string, string>): void {
  const target = resolve(dir);
  const parent = dirname(target);
  const base = basename(target);
  mkdirSync(parent, { recursive: true });
  sweepStale(parent, target, base);
  const exists = checkOutDir(target);
  const tmp = mkdtempSync(join(parent, `.${base}.lslab-tmp-${process.pid}-`));
  live.add(tmp);
  try {
    writeFileSync(
      join(tmp, REPORT_MARKER),
      'Written by lslab report; lslab replaces this directory on the next run.\n',
    );
    for (const [rel, content] of files) {
      const path = join(tmp, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    if (exists) {
      const old = `${tmp.replace('.lslab-tmp-', '.lslab-old-')}`;
      renameSync(target, old);
      live.add(old);
      try {
        renameSync(tmp, target);
      } catch (e) {
        renameSync(old, target);
        throw e;
      }
      live.delete(tmp);
      rmSync(old, { recursive: true, force: true });
      live.delete(old);
    } else {
      renameSync(tmp, target);
      live.delete(tmp);
    }
  } finally {
    removeTemporaryDirs();
  }
}
