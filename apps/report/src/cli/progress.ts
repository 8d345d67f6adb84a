import type { ClaimUnits, ProgressEvent } from '../runPool.js';

/** Where progress goes and how. */
export interface ProgressOptions {
  write: (text: string) => void;
  /** A terminal: one bar redrawn in place. Otherwise plain lines. */
  tty: boolean;
  /** What is counted, in the plural (default `'claims'`; a sweep counts `'cells'`). */
  unit?: string;
}

/** A progress reporter: claim events, phases, a heartbeat, and an end. */
export interface Progress {
  claim(e: ProgressEvent): void;
  phase(text: string): void;
  end(): void;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;

/**
 * Progress on stderr: on a terminal a bar with the claims done, the elapsed
 * time and an ETA, redrawn in place; otherwise one line per finished claim.
 * Either way a line at least every second while claims run, so the command
 * is never silent for long; a running claim that trains models shows its
 * units of work (`C8.smoothing-calibration 2/5`).
 *
 * @param options - the writer and whether it is a terminal
 * @returns the reporter; call `end()` when done
 * @example
 * const p = createProgress({ write: (t) => process.stderr.write(t), tty: false });
 */
export function createProgress(options: ProgressOptions): Progress {
  const start = performance.now();
  let last = start;
  let done = 0;
  let total = 0;
  const running = new Set<string>();
  const units = new Map<string, ClaimUnits>();
  /** A running claim with its units of work, when it reports them. */
  const named = (id: string) => {
    const u = units.get(id);
    return u ? `${id} ${u.done}/${u.total}` : id;
  };
  const write = (line: string) => {
    last = performance.now();
    options.write(options.tty ? `\r\x1b[K${line}` : `${line}\n`);
  };
  const bar = () => {
    const elapsed = performance.now() - start;
    const width = 20;
    const full = total === 0 ? 0 : Math.round((done / total) * width);
    const eta =
      done === 0 || done === total ? '' : ` · ETA ${seconds((elapsed / done) * (total - done))}`;
    const now = [...running][0];
    return `lslab [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${done}/${total} ${options.unit ?? 'claims'} · ${seconds(elapsed)}${eta}${now ? ` · ${named(now)}` : ''}`;
  };
  const timer = setInterval(() => {
    if (running.size === 0) return;
    if (options.tty) write(bar());
    else if (performance.now() - last >= 1000) {
      const ids = [...running].map(named);
      const more = ids.length > 2 ? ` and ${ids.length - 2} more` : '';
      const elapsed = seconds(performance.now() - start);
      write(
        `lslab: ${done}/${total} done; running ${ids.slice(0, 2).join(', ')}${more} (${elapsed})`,
      );
    }
  }, 250);
  timer.unref();
  return {
    claim(e) {
      total = e.total;
      done = e.done;
      if (e.type === 'units') {
        // counted in the bar and the heartbeat, not a line of its own
        if (e.units && running.has(e.id)) units.set(e.id, e.units);
        return;
      }
      if (e.type === 'start') running.add(e.id);
      else {
        running.delete(e.id);
        units.delete(e.id);
      }
      if (options.tty) write(bar());
      else if (e.type === 'done')
        write(`lslab: ${e.done}/${e.total} ${e.id} (${seconds(e.ms ?? 0)})`);
    },
    phase(text) {
      write(`lslab: ${text}`);
    },
    end() {
      clearInterval(timer);
      if (options.tty) options.write('\r\x1b[K');
    },
  };
}
