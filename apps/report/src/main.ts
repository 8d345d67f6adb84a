import { type ClaimSource, claimSources } from './claimSources.js';
import { formatTable } from './formatTable.js';
import { runClaims } from './runClaims.js';
import { writeJsonAtomic } from './writeJsonAtomic.js';

/** The `--help` text. */
export const USAGE = `Usage: lslab [--json <file>] [--help]

Runs every claim of the lslab packages at its default parameters, checks each
measurement against its closed form, evaluates the closed forms again with
mathjs, and prints a table: claim, checks held, measured vs expected.

Options:
  --json <file>  also write every result (checks, formulas, series, notes) as
                 JSON to <file>; written atomically, and not at all if a claim
                 cannot run
  -h, --help     show this text

Exit status: 0 when the report ran (even if a claim does not hold; the table
says so), 2 when it could not run (bad option, a claim threw, file not written).`;

/** Where {@link main} writes, and what it runs (both replaceable in tests). */
export interface MainOptions {
  sources?: readonly ClaimSource[];
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/**
 * The `lslab` command: parses `argv`, runs the claims, prints the table and
 * optionally writes the JSON results.
 *
 * @param argv - the arguments after the program name
 * @param options - sources and output streams (default: every package's claims, the console)
 * @returns the exit status: 0 when the report ran, 2 when it could not
 * @example
 * main(['--json', 'results.json']); // 0, prints the table and writes results.json
 */
export function main(argv: readonly string[], options: MainOptions = {}): number {
  const stdout = options.stdout ?? ((t: string) => process.stdout.write(`${t}\n`));
  const stderr = options.stderr ?? ((t: string) => process.stderr.write(`${t}\n`));
  let jsonFile: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      stdout(USAGE);
      return 0;
    }
    if (a === '--json' || a.startsWith('--json=')) {
      const v = a === '--json' ? argv[++i] : a.slice('--json='.length);
      if (v === undefined || v === '' || v.startsWith('-')) {
        stderr(`lslab: --json needs a file name\n\n${USAGE}`);
        return 2;
      }
      jsonFile = v;
      continue;
    }
    stderr(`lslab: unknown argument '${a}'\n\n${USAGE}`);
    return 2;
  }
  let reports: ReturnType<typeof runClaims>;
  try {
    reports = runClaims(options.sources ?? claimSources);
  } catch (e) {
    stderr(`lslab: the report could not run: ${(e as Error).message}; nothing was written.`);
    return 2;
  }
  stdout(formatTable(reports));
  if (jsonFile !== undefined) {
    try {
      writeJsonAtomic(jsonFile, { report: '@lslab/report', claims: reports });
    } catch (e) {
      stderr(`lslab: could not write ${jsonFile}: ${(e as Error).message}`);
      return 2;
    }
    stdout(`Results written to ${jsonFile}.`);
  }
  return 0;
}
