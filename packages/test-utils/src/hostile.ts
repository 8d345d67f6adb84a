import { appendFileSync, writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { badError, documentedCodes, nonFinite, parameterNames } from './hostile/check.ts';
import { derivedHostile, genericHostile, type Hostile } from './hostile/values.ts';

export { documentedCodes, nonFinite, parameterNames } from './hostile/check.ts';
export { type HostileClaim, runHostileClaims } from './hostile/claims.ts';
export { derivedHostile, genericHostile, HOSTILE_NUMBERS, type Hostile } from './hostile/values.ts';

/**
 * How to call one export with valid arguments, so that each argument position
 * can be replaced by a hostile value while the others stay valid.
 */
export interface HostileEntry {
  /** Valid arguments, made fresh for every call (a call may advance an rng or fill a buffer). */
  args: () => unknown[];
  /** The parameters as the docs name them; default: read from the function's source. */
  names?: readonly string[];
  /**
   * True where NaN or ±∞ at `path` is the documented answer for these arguments
   * (α = 0 gives an infinite gap; a claim check reports the NaN it measured).
   */
  infinite?: (args: readonly unknown[], path: string) => boolean;
  /**
   * The `fn` its errors carry for these arguments, when the export reports
   * for its caller (it is handed the caller's name); default: its own name.
   */
  errorsNamed?: (args: readonly unknown[]) => string;
  /** Releases what a result holds (a kernel pool's threads). */
  dispose?: (result: unknown) => unknown;
  /** The CPU-time bound of one call, when this export's valid defaults are known to take longer. */
  timeBoundMs?: number;
  /** Random calls from fast-check (default 40). */
  randomRuns?: number;
}

/** A package's table: one entry for each function its index exports, or why it is not called. */
export type HostileTable = Record<string, HostileEntry | { skip: string }>;

/** What the run found; `failures` is empty when every call kept the contract. */
export interface HostileReport {
  calls: number;
  typedErrors: number;
  validResults: number;
  failures: string[];
  /** The slowest call, in milliseconds, and what it was. */
  slowest: { ms: number; what: string };
}

/** Options of {@link runHostile}. */
export interface HostileOptions {
  /** A call that takes more CPU time fails (default 2000 ms). */
  timeBoundMs?: number;
  /** fast-check seed (default 20261201). */
  seed?: number;
}

function describeArgs(fn: string, pos: number, label: string): string {
  return `${fn}(argument ${pos} = ${label})`;
}

/**
 * Calls every function of `api` with hostile values in each argument
 * position (the catalogue of {@link genericHostile}, values derived from the
 * valid baseline by {@link derivedHostile}, and fast-check's random values),
 * the other arguments valid, and checks each outcome: a result with no NaN
 * and no ±∞ (unless `infinite` says the math is infinite there), or a thrown
 * LslabError with a documented code whose message names an argument and
 * whose `fn` is the export called. An export that is a function and is
 * missing from `table` is a failure, so new exports cannot be skipped silently.
 *
 * @param pkg - the package's name, for the printed counts
 * @param api - the module namespace of the package's index
 * @param table - valid arguments for each exported function
 * @returns the counts and the failures, each in words
 */
export async function runHostile(
  pkg: string,
  api: Record<string, unknown>,
  table: HostileTable,
  options: HostileOptions = {},
): Promise<HostileReport> {
  const bound = options.timeBoundMs ?? 2000;
  const codes = documentedCodes();
  const report: HostileReport = {
    calls: 0,
    typedErrors: 0,
    validResults: 0,
    failures: [],
    slowest: { ms: 0, what: '' },
  };
  for (const name of Object.keys(table)) {
    if (!(name in api)) report.failures.push(`${name}: in the table but not exported`);
  }
  const perFunction: Record<string, number> = {};
  // names each call before it is made, to find one that never returns
  const trace = process.env.LSLAB_HOSTILE_TRACE;
  for (const [name, f] of Object.entries(api)) {
    if (typeof f !== 'function') continue;
    const entry = table[name];
    if (entry === undefined) {
      report.failures.push(`${name}: exported but missing from the hostile table`);
      continue;
    }
    if ('skip' in entry) continue;
    const isClass = /^class[\s{]/.test(Function.prototype.toString.call(f));
    const names = entry.names ?? parameterNames(f as (...a: never[]) => unknown);
    const call = async (args: unknown[], what: string): Promise<void> => {
      report.calls++;
      if (trace) appendFileSync(trace, `${what}\n`);
      // The bound is on this process's CPU time, not the wall clock: a hang
      // spins, while a machine busy with other work only stretches the wall.
      const t0 = performance.now();
      const cpu0 = process.cpuUsage();
      let result: unknown;
      let error: unknown;
      let threw = false;
      try {
        result = isClass
          ? new (f as new (...a: unknown[]) => unknown)(...args)
          : (f as (...a: unknown[]) => unknown)(...args);
        if (result instanceof Promise) result = await result;
      } catch (e) {
        threw = true;
        error = e;
      }
      const cpu = process.cpuUsage(cpu0);
      const cpuMs = (cpu.user + cpu.system) / 1000;
      const ms = performance.now() - t0;
      perFunction[name] = (perFunction[name] ?? 0) + ms;
      if (ms > report.slowest.ms) report.slowest = { ms, what };
      const limit = entry.timeBoundMs ?? bound;
      if (cpuMs > limit)
        report.failures.push(
          `${what}: took ${cpuMs.toFixed(0)} ms of CPU time (bound ${limit} ms)`,
        );
      if (threw) {
        const why = badError(error, codes, names);
        if (why !== null) report.failures.push(`${what}: ${why}`);
        else if ((error as { fn?: unknown }).fn !== (entry.errorsNamed?.(args) ?? name)) {
          report.failures.push(
            `${what}: the error names ${String((error as { fn?: unknown }).fn)}, not ${entry.errorsNamed?.(args) ?? name}: ${(error as Error).message}`,
          );
        } else report.typedErrors++;
        return;
      }
      const bad = nonFinite(result).filter((p) => !entry.infinite?.(args, p.path));
      if (bad.length > 0) {
        const where = bad.map((p) => `${p.path} = ${p.value}`).join(', ');
        report.failures.push(`${what}: returned ${where}`);
      } else report.validResults++;
      if (entry.dispose) await entry.dispose(result);
    };

    const baseline = entry.args();
    await call(baseline, `${name}(valid baseline)`);
    for (let pos = 0; pos < baseline.length + 1; pos++) {
      const candidates: Hostile[] = genericHostile();
      if (pos < baseline.length) candidates.push(...derivedHostile(baseline[pos]));
      for (const c of candidates) {
        const args = entry.args();
        if (pos < args.length) args[pos] = c.value;
        else args.push(c.value); // one argument too many
        await call(args, describeArgs(name, pos, c.label));
      }
    }
    const runs = entry.randomRuns ?? 40;
    if (runs > 0 && baseline.length > 0) {
      const arb = fc.tuple(
        fc.nat({ max: baseline.length - 1 }),
        fc.oneof(
          fc.anything(),
          fc.double(),
          fc.array(fc.double(), { maxLength: 8 }),
          fc.array(fc.integer({ min: -3, max: 12 }), { maxLength: 8 }),
        ),
      );
      const samples = fc.sample(arb, { seed: options.seed ?? 20261201, numRuns: runs });
      for (const [pos, value] of samples) {
        const args = entry.args();
        args[pos] = value;
        await call(args, describeArgs(name, pos, `fast-check ${fc.stringify(value).slice(0, 80)}`));
      }
      // the baseline's own shapes with random numbers in them
      const shaped = baseline.flatMap((v, pos) => (isNumeric(v) ? [pos] : []));
      for (const pos of shaped) {
        const n = numericLength(baseline[pos]);
        const vals = fc.sample(fc.array(fc.double(), { minLength: n, maxLength: n }), {
          seed: (options.seed ?? 20261201) + pos,
          numRuns: Math.ceil(runs / 4),
        });
        for (const data of vals) {
          const args = entry.args();
          args[pos] = withNumbers(args[pos], data);
          await call(
            args,
            describeArgs(
              name,
              pos,
              `same shape, fast-check numbers ${fc.stringify(data).slice(0, 80)}`,
            ),
          );
        }
      }
    }
  }
  const log = process.env.LSLAB_HOSTILE_LOG;
  if (log) writeFileSync(log, `${report.failures.join('\n')}\n`);
  const slow = Object.entries(perFunction)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3)
    .map(([f, ms]) => `${f} ${ms.toFixed(0)} ms`)
    .join(', ');
  console.log(
    `hostile input, ${pkg}: ${report.calls} calls, ${report.typedErrors} typed errors, ` +
      `${report.validResults} valid results, ${report.failures.length} failures; ` +
      `slowest ${report.slowest.ms.toFixed(0)} ms (${report.slowest.what}); most time: ${slow}`,
  );
  return report;
}

function isNumeric(v: unknown): boolean {
  if (v !== null && typeof v === 'object' && 'data' in v && 'rows' in v) return true;
  if (ArrayBuffer.isView(v)) return true;
  return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'number');
}

function numericLength(v: unknown): number {
  if (v !== null && typeof v === 'object' && 'data' in v)
    return (v as { data: ArrayLike<number> }).data.length;
  return (v as ArrayLike<number>).length;
}

function withNumbers(v: unknown, data: number[]): unknown {
  if (v !== null && typeof v === 'object' && 'data' in v && 'rows' in v) {
    return { ...(v as object), data: Float64Array.from(data) };
  }
  if (v instanceof Float64Array || v instanceof Float32Array) return Float64Array.from(data);
  if (ArrayBuffer.isView(v)) return data;
  return data;
}

/**
 * Formats a report's failures for an assertion message: the count and the
 * first `max` of them, one a line.
 */
export function describeFailures(report: HostileReport, max = 60): string {
  const shown = report.failures.slice(0, max).join('\n');
  const more = report.failures.length > max ? `\n… and ${report.failures.length - max} more` : '';
  return `${report.failures.length} calls broke the contract:\n${shown}${more}`;
}
