import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claims as coreClaims } from '@lslab/core/claims';
import { type Browser, launchChromium } from '@lslab/test-utils/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/parseArgs.ts';
import { overlayError, watchedFor } from '../src/dev/devWorker.ts';
import { type DevServer, startDevServer } from '../src/dev/startDevServer.ts';

let server: DevServer | undefined;
let edited: DevServer | undefined;
let browser: Browser | undefined;
const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lslab-dev-')));
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await edited?.close();
  rmSync(dir, { recursive: true, force: true });
});

type Page = Awaited<ReturnType<Browser['context']['newPage']>>;
const C9 = 'article[data-claim="C9.training-rhythm"]';

/** Waits until C9 has drawn a request newer than `after`; returns that request. */
async function c9Drawn(page: Page, after: number): Promise<number> {
  await page.waitForFunction(
    ([sel, n]) => {
      const a = document.querySelector(sel as string) as HTMLElement | null;
      const r = Number(a?.dataset.request);
      return r > (n as number) && a?.dataset.rendered === a?.dataset.request;
    },
    [C9, after] as const,
    { timeout: 120_000 },
  );
  return Number(await page.locator(C9).getAttribute('data-request'));
}

/** C9's uniform crossover p_y on the page. */
async function crossover(page: Page): Promise<number> {
  const v = await page
    .locator(`${C9} li[data-formula="uniform: crossover p_y"]`)
    .getAttribute('data-value');
  return Number(v);
}

/** The page's `window.__kept` marker (gone if the page reloaded). */
const kept = (page: Page) => page.evaluate(() => (window as { __kept?: number }).__kept ?? null);

describe('lslab dev', () => {
  it('parses its options and refuses unknown ones', () => {
    expect(parseArgs(['dev', '--claims', 'C1,C9', '--port', '0'])).toEqual({
      command: 'dev',
      args: { claims: ['C1', 'C9'], port: 0, host: '127.0.0.1' },
    });
    expect(parseArgs(['dev', '--out', 'x'])).toEqual({
      command: 'error',
      message: "unknown argument '--out'",
    });
    expect(parseArgs(['dev', '--port', '70000'])).toMatchObject({ command: 'error' });
  });

  it('watches a workspace package’s whole dist/, a file outside one by itself, and no installed library', () => {
    const repo = fileURLToPath(new URL('../../../', import.meta.url));
    const worker = fileURLToPath(new URL('../src/notebook/worker.ts', import.meta.url));
    expect(
      watchedFor([
        `${repo}packages/core/dist/claims/C9.training-rhythm/index.js`,
        `${repo}packages/core/dist/errors.js`,
        worker,
        `${repo}packages/calibration/dist/index.js`,
        `${repo}node_modules/.pnpm/mathjs@15.2.0/node_modules/mathjs/lib/esm/index.js`,
      ]),
    ).toEqual([`${repo}packages/core/dist`, worker, `${repo}packages/calibration/dist`]);
  });

  it('shows a failed build in the overlay at its first located message', () => {
    const e = Object.assign(new Error('Build failed with 1 error'), {
      errors: [
        {
          text: 'Unexpected "="',
          location: { file: 'entry.js', line: 3, column: 6, lineText: 'const = ;' },
        },
      ],
    });
    expect(overlayError(e)).toEqual({
      message: 'The notebook worker does not build; the page keeps its worker.\nUnexpected "="',
      stack: '',
      id: 'entry.js',
      frame: '3 | const = ;\n          ^',
      loc: { file: 'entry.js', line: 3, column: 6 },
    });
    expect(overlayError('no')).toEqual({ message: 'no', stack: '' });
  });

  it('serves the report page with Vite’s client; the page draws, recomputes and logs no error', async () => {
    server = await startDevServer({
      sources: [{ package: '@lslab/core', claims: coreClaims }],
      claims: ['C1', 'C9'],
      port: 0,
      host: '127.0.0.1',
      threads: 1,
    });
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('<script type="module" src="/@vite/client"></script>');
    expect(html).toContain('id="lslab-worker"');
    expect(html).toContain('data-lib="lslab-page"');
    expect((await fetch(`${server.url}@vite/client`)).status).toBe(200);
    browser = await launchChromium();
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    // a reload (what an edit triggers) brings the page back
    const reloaded = page.waitForEvent('load', { timeout: 120_000 });
    await server.reload();
    await reloaded;
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    await page.goto(`${server.url}#c9?K=7`);
    const first = await c9Drawn(page, 0);
    expect(Math.abs((await crossover(page)) - (1 - (0.1 * 6) / 14))).toBeLessThanOrEqual(
      2 * Number.EPSILON,
    );
    // a worker swap runs the cell again in the same page: no load, the marker stays
    let loads = 0;
    page.on('load', () => loads++);
    await page.evaluate(() => {
      (window as { __kept?: number }).__kept = 1;
    });
    expect(await server.reloadWorker()).toBe(true);
    await c9Drawn(page, first);
    expect(await kept(page)).toBe(1);
    expect(loads).toBe(0);
    expect(Math.abs((await crossover(page)) - (1 - (0.1 * 6) / 14))).toBeLessThanOrEqual(
      2 * Number.EPSILON,
    );
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);

  it('an edit of the worker’s code swaps the worker in the open page; a build that fails shows the overlay and the page keeps its worker', async () => {
    const worker = fileURLToPath(new URL('../src/notebook/worker.ts', import.meta.url));
    const entry = join(dir, 'entry.js');
    const v1 = `import ${JSON.stringify(worker)};\n`;
    // the edited worker marks its claim replies: the page shows their `kernels` on <body>
    const v2 = `${v1}const post = self.postMessage.bind(self);\nself.postMessage = (m) => post(m.type === 'claim' ? { ...m, kernels: 'edited' } : m);\n`;
    writeFileSync(entry, v1);
    edited = await startDevServer({
      sources: [{ package: '@lslab/core', claims: coreClaims }],
      claims: ['C9'],
      port: 0,
      host: '127.0.0.1',
      threads: 1,
      workerEntry: entry,
    });
    browser ??= await launchChromium();
    const page = await browser.context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${edited.url}#c9?K=7`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    let drawn = await c9Drawn(page, 0);
    expect(await page.getAttribute('body', 'data-kernels')).not.toBe('edited');
    let loads = 0;
    page.on('load', () => loads++);
    await page.evaluate(() => {
      (window as { __kept?: number }).__kept = 1;
    });

    writeFileSync(entry, v2);
    await page.waitForSelector('body[data-kernels="edited"]', { timeout: 120_000 });
    drawn = await c9Drawn(page, drawn);
    expect(Math.abs((await crossover(page)) - (1 - (0.1 * 6) / 14))).toBeLessThanOrEqual(
      2 * Number.EPSILON,
    );

    // a syntax error: Vite's overlay names it, and the edited worker still answers
    writeFileSync(entry, `${v2}const = ;\n`);
    await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 120_000 });
    const overlay = await page.evaluate(
      () => document.querySelector('vite-error-overlay')?.shadowRoot?.textContent ?? '',
    );
    expect(overlay).toContain('The notebook worker does not build');
    expect(overlay).toContain('entry.js');
    await page.evaluate(() => {
      location.hash = '#c9?K=5';
    });
    drawn = await c9Drawn(page, drawn);
    expect(await page.getAttribute('body', 'data-kernels')).toBe('edited');
    expect(Math.abs((await crossover(page)) - (1 - (0.1 * 4) / 10))).toBeLessThanOrEqual(
      2 * Number.EPSILON,
    );

    // the fix builds: the overlay closes and the first worker is back, at K = 5
    writeFileSync(entry, v1);
    await page.waitForSelector('vite-error-overlay', { state: 'detached', timeout: 120_000 });
    await page.waitForFunction(() => document.body.dataset.kernels !== 'edited', undefined, {
      timeout: 120_000,
    });
    await c9Drawn(page, drawn);
    expect(Math.abs((await crossover(page)) - (1 - (0.1 * 4) / 10))).toBeLessThanOrEqual(
      2 * Number.EPSILON,
    );
    expect(await kept(page)).toBe(1);
    expect(loads).toBe(0);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);
});
