/** The options of `lslab dev`, parsed. */
export interface DevArgs {
  /** Claim prefixes or ids to run once for the page (all by default). */
  claims?: string[];
  seed?: number;
  /** The port to listen on (default 5173; 0 lets the system choose). */
  port: number;
  /** The interface to listen on (default 127.0.0.1: the page is not served to the network). */
  host: string;
}

/**
 * Parses the arguments of `lslab dev` (after `dev`).
 *
 * @param argv - the arguments
 * @returns the options, or an error message naming the bad argument
 * @example
 * parseDevArgs(['--claims', 'C1,C6', '--port', '0']); // { claims: ['C1', 'C6'], port: 0, host: '127.0.0.1' }
 */
export function parseDevArgs(argv: readonly string[]): DevArgs | string {
  const args: DevArgs = { port: 5173, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (!['--claims', '--seed', '--port', '--host'].includes(name))
      return `unknown argument '${a}'`;
    const value = name !== a ? a.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || value.startsWith('-'))
      return `${name} needs a value`;
    if (name === '--claims')
      args.claims = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
    else if (name === '--host') args.host = value;
    else {
      const max = name === '--port' ? 65535 : 2 ** 31 - 1;
      if (!/^\d+$/.test(value) || Number(value) > max)
        return `${name} must be an integer from 0 to ${max}, not '${value}'`;
      if (name === '--port') args.port = Number(value);
      else args.seed = Number(value);
    }
  }
  return args;
}
