import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// The built command, as users run it (the test task builds the app first).
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const run = (args: string[], cwd: string) =>
  spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build @lslab/report first`);
});

describe('lslab (the built command)', () => {
  it('--json - writes results.json to stdout alone; the summary goes to stderr', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lslab-cli-'));
    const r = run(['report', '--claims', 'C1', '--json', '-', '--threads', '1'], cwd);
    expect(r.status).toBe(0);
    const parsed = JSON.parse(r.stdout);
    expect(parsed.claims.map((c: { id: string }) => c.id)).toEqual(['C1.smoothed-targets']);
    expect(r.stdout).toBe(readFileSync(join(cwd, 'report', 'results.json'), 'utf8'));
    expect(r.stderr.trim().split('\n').at(-1)).toBe('Report: report/index.html');
  });

  it('worker threads and one thread write byte-identical results.json and pages, predictions included', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lslab-cli-'));
    // the first 40 rows of an example: the model task runs in a worker too, quickly
    const example = join(cwd, 'small.csv');
    const rows = readFileSync(
      new URL('../../../examples/predictions/calibrated.csv', import.meta.url),
      'utf8',
    );
    writeFileSync(example, `${rows.split('\n').slice(0, 41).join('\n')}\n`);
    const claims = ['--claims', 'C1,C9', '--seed', '3', '--predictions', example];
    expect(run(['report', ...claims, '--threads', '2', '--out', 'a'], cwd).status).toBe(0);
    expect(run(['report', ...claims, '--threads', '1', '--out', 'b'], cwd).status).toBe(0);
    const a = readFileSync(join(cwd, 'a', 'results.json'));
    expect(a.equals(readFileSync(join(cwd, 'b', 'results.json')))).toBe(true);
    expect(
      readFileSync(join(cwd, 'a', 'index.html')).equals(readFileSync(join(cwd, 'b', 'index.html'))),
    ).toBe(true);
  }, 240_000); // four runs of the command; slow only on a loaded machine

  it('a bad predictions file: exit 2, the line in the message, nothing written', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lslab-cli-'));
    writeFileSync(join(cwd, 'bad.csv'), 'label,p_a,p_b\n0,0.5,0.5\n1,0.5,x\n');
    const r = run(['report', '--claims', 'C1', '--predictions', 'bad.csv'], cwd);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /line 3, column "p_b": "x" is not a finite number; nothing was written/,
    );
    expect(readdirSync(cwd)).toEqual(['bad.csv']);
  });

  it('killed midway (SIGTERM, SIGKILL), the previous report is intact and no partial directory is left', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lslab-cli-'));
    expect(run(['report', '--claims', 'C1', '--threads', '1'], cwd).status).toBe(0);
    const before = readFileSync(join(cwd, 'report', 'results.json'));
    for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
      const child: ChildProcess = spawn(
        process.execPath,
        [CLI, 'report', '--claims', 'C1,C2,C3,C7,C9'],
        { cwd },
      );
      // wait until the first claim has finished, then kill
      await new Promise<void>((resolve) => {
        child.stderr?.on('data', (d: Buffer) => {
          if (/\b1\/\d+ /.test(d.toString())) resolve();
        });
      });
      child.kill(signal);
      await new Promise((resolve) => child.on('exit', resolve));
      expect(readFileSync(join(cwd, 'report', 'results.json')).equals(before)).toBe(true);
      expect(readdirSync(cwd).sort()).toEqual(['report']);
    }
  }, 120_000);

  it('a closed stdout (EPIPE) ends the run with exit 2 and one line, not a stack trace', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'lslab-cli-'));
    const r = spawnSync(
      'bash',
      [
        '-c',
        `set -o pipefail; node ${CLI} report --claims C1 --threads 1 --json - | (exec 0<&-; sleep 0)`,
      ],
      {
        cwd,
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write to standard output: EPIPE/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
