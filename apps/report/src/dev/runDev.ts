import type { ClaimSource } from '../claimSources.js';
import type { DevArgs } from '../cli/parseDevArgs.js';
import { startDevServer } from './startDevServer.js';

/**
 * Runs `lslab dev` until the process is stopped (Ctrl-C).
 *
 * @param args - the parsed options
 * @param sources - the claims' packages
 * @param say - where the address is printed
 * @returns 2 when the server cannot start; otherwise it does not return
 * @example
 * await runDev({ port: 5173, host: '127.0.0.1' }, claimSources, console.log); // prints 'lslab dev: http://127.0.0.1:5173/'
 */
export async function runDev(
  args: DevArgs,
  sources: readonly ClaimSource[],
  say: (text: string) => void,
): Promise<number> {
  try {
    const server = await startDevServer({ sources, ...args });
    say(
      `lslab dev: ${server.url} (an edit of src/page reloads the page; one of the worker's code, in src/ or a package's dist/, swaps the page's worker; Ctrl-C stops)`,
    );
  } catch (e) {
    say(`lslab: dev: ${e instanceof Error ? e.message : String(e)}`);
    return 2;
  }
  return new Promise<number>(() => {});
}
