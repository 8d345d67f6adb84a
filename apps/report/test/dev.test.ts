import { claims as coreClaims } from '@lslab/core/claims';
import { type Browser, launchChromium } from '@lslab/test-utils/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/parseArgs.ts';
import { type DevServer, startDevServer } from '../src/dev/startDevServer.ts';

let server: DevServer | undefined;
let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

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
    await page.waitForFunction(
      () => {
        const a = document.querySelector('article[data-claim="C9.training-rhythm"]') as HTMLElement;
        return a?.dataset.rendered !== undefined && a.dataset.rendered === a.dataset.request;
      },
      undefined,
      { timeout: 120_000 },
    );
    const cross = await page
      .locator('article[data-claim="C9.training-rhythm"] li[data-formula="uniform: crossover p_y"]')
      .getAttribute('data-value');
    expect(Math.abs(Number(cross) - (1 - (0.1 * 6) / 14))).toBeLessThanOrEqual(2 * Number.EPSILON);
    expect(problems, problems.join('\n')).toEqual([]);
  }, 300_000);
});
