import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { claims as coreClaims } from '@lslab/core/claims';
import { type Browser, launchChromium } from '@lslab/test-utils/browser';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';

const EXAMPLE = fileURLToPath(
  new URL('../../../examples/predictions/overconfident.csv', import.meta.url),
);
const ARTEFACTS = fileURLToPath(new URL('../.vitest-results/screenshots/', import.meta.url));

let browser: Browser | undefined;
afterAll(async () => {
  await browser?.close();
});

describe('index.html in a real browser', () => {
  it('opens from file:// with the network blocked: every chapter draws, KaTeX renders, no console error', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'lslab-page-')), 'report');
    const quiet = () => {};
    const status = await main(['report', '--out', dir, '--predictions', EXAMPLE], {
      sources: [{ package: '@lslab/core', claims: coreClaims }],
      threads: 1,
      stdout: quiet,
      stderr: quiet,
      progress: quiet,
    });
    expect(status).toBe(0);
    browser = await launchChromium();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1200, height: 900 });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      requests.push(url);
      return url === pathToFileURL(join(dir, 'index.html')).href ? route.continue() : route.abort();
    });
    await page.goto(pathToFileURL(join(dir, 'index.html')).href);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(requests).toEqual([pathToFileURL(join(dir, 'index.html')).href]);
    expect(problems).toEqual([]);
    const chapters = await page.$$eval('section[data-chapter]', (sections) =>
      sections.map((s) => ({
        id: (s as HTMLElement).dataset.chapter,
        title: s.querySelector('h2')?.textContent,
        charts: s.querySelectorAll('figure.chart').length,
        drawn: Array.from(s.querySelectorAll('figure.chart')).filter(
          (f) =>
            f.querySelectorAll(
              'svg .mark-symbol path, svg .mark-line path, svg .mark-rect path, svg .mark-rule line, svg .mark-area path',
            ).length > 0,
        ).length,
      })),
    );
    expect(chapters.map((c) => c.id)).toEqual([
      'know-it-all',
      'humility',
      'optimisation',
      'geometry',
      'regulariser',
      'rhythm',
      'your-model',
    ]);
    for (const c of chapters) {
      expect(c.title, c.id).toBeTruthy();
      expect(c.drawn, `${c.id}: charts with marks`).toBe(c.charts);
    }
    // chapters whose claims ran have charts; the geometric view waits for @lslab/margins
    expect(chapters.filter((c) => c.charts > 0).map((c) => c.id)).toEqual([
      'know-it-all',
      'humility',
      'optimisation',
      'regulariser',
      'rhythm',
      'your-model',
    ]);
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
    expect(await page.locator('.katex-error').count()).toBe(0);
    expect(await page.locator('p.missing').first().textContent()).toMatch(
      /is not in the report yet/,
    );
    mkdirSync(ARTEFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTEFACTS, 'report-top.png') });
    await page
      .locator('article[data-claim^="C3"]')
      .screenshot({ path: join(ARTEFACTS, 'report-C3.png') });
    await page
      .locator('section[data-chapter="your-model"]')
      .screenshot({ path: join(ARTEFACTS, 'report-your-model.png') });
    copyFileSync(join(ARTEFACTS, 'report-C3.png'), join(ARTEFACTS, 'latest.png'));
  }, 180_000);
});
