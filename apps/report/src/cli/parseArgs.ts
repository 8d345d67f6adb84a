import { parseSweepArgs, type SweepCommand } from '../sweep/parseSweepArgs.js';
import { type DevArgs, parseDevArgs } from './parseDevArgs.js';

/** The options of `lslab report`, parsed. */
export interface ReportArgs {
  out: string;
  seed?: number;
  claims?: string[];
  predictions?: string;
  format?: 'csv' | 'json';
  logits: boolean;
  strict: boolean;
  json?: string;
  quiet: boolean;
  threads?: number;
  /** `--from-sweep FILE`: merged sweep rows whose charts join the report. */
  fromSweep?: string;
}

/** What the command line asks for. */
export type Command =
  | { command: 'help' }
  | { command: 'version' }
  | { command: 'report'; args: ReportArgs }
  | { command: 'dev'; args: DevArgs }
  | SweepCommand;

const VALUED = [
  '--out',
  '--seed',
  '--claims',
  '--predictions',
  '--format',
  '--json',
  '--threads',
  '--from-sweep',
];
const FLAGS = ['--logits', '--strict', '--quiet'];

function integer(name: string, text: string, max: number): number | string {
  if (!/^\d+$/.test(text) || Number(text) > max)
    return `${name} must be an integer from 0 to ${max}, not '${text}'`;
  return Number(text);
}

/**
 * Parses the arguments of `lslab` (after the program name). Values may follow
 * their option (`--out DIR`) or be joined with `=` (`--out=DIR`). `--json -`
 * means standard output.
 *
 * @param argv - the arguments
 * @returns the command, or an error message naming the bad argument
 * @example
 * parseArgs(['report', '--seed', '3']); // { command: 'report', args: { out: 'report', seed: 3, … } }
 */
export function parseArgs(argv: readonly string[]): Command {
  if (argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv.includes('--version') || argv.includes('-v')) return { command: 'version' };
  if (argv.length === 0) return { command: 'error', message: 'a command is needed' };
  if (argv[0] === 'dev') {
    const dev = parseDevArgs(argv.slice(1));
    return typeof dev === 'string'
      ? { command: 'error', message: dev }
      : { command: 'dev', args: dev };
  }
  if (argv[0] === 'sweep' || argv[0] === 'merge') return parseSweepArgs(argv);
  if (argv[0] !== 'report') return { command: 'error', message: `unknown command '${argv[0]}'` };
  const args: ReportArgs = { out: 'report', logits: false, strict: false, quiet: false };
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (FLAGS.includes(name)) {
      if (name !== a) return { command: 'error', message: `${name} takes no value` };
      if (name === '--logits') args.logits = true;
      if (name === '--strict') args.strict = true;
      if (name === '--quiet') args.quiet = true;
      continue;
    }
    if (!VALUED.includes(name)) return { command: 'error', message: `unknown argument '${a}'` };
    const value = name !== a ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (value.startsWith('-') && value !== '-')) {
      return { command: 'error', message: `${name} needs a value` };
    }
    if (value === '-' && name !== '--json')
      return { command: 'error', message: `${name} cannot be '-'` };
    switch (name) {
      case '--out':
        args.out = value;
        break;
      case '--seed': {
        const n = integer('--seed', value, 2 ** 31 - 1);
        if (typeof n === 'string') return { command: 'error', message: n };
        args.seed = n;
        break;
      }
      case '--threads': {
        const n = integer('--threads', value, 64);
        if (typeof n === 'string' || n < 1)
          return { command: 'error', message: '--threads must be an integer from 1 to 64' };
        args.threads = n;
        break;
      }
      case '--claims':
        args.claims = value
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== '');
        break;
      case '--predictions':
        args.predictions = value;
        break;
      case '--from-sweep':
        args.fromSweep = value;
        break;
      case '--format':
        if (value !== 'csv' && value !== 'json')
          return { command: 'error', message: `--format must be csv or json, not '${value}'` };
        args.format = value;
        break;
      default:
        args.json = value;
    }
  }
  if ((args.format || args.logits) && !args.predictions) {
    return { command: 'error', message: '--format and --logits apply to --predictions' };
  }
  return { command: 'report', args };
}
