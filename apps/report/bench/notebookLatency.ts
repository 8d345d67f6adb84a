// Latency of the live notebook: from the input event of a slider to the cell's
// updated charts on screen (the new SVG in the page and the next animation
// frame), over 50 moves of α per closed-form cell, in headless Chromium on the
// built report (file://). For C6 and C10 the closed form is shown before the
// claim's trained models finish, and their partial results stream in: the
// three times (closed form, first partial result, finished charts) are
// reported. Run after a build:
// npx tsx bench/notebookLatency.ts
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describeMachine } from '@lslab/test-utils/bench';
import { launchChromium } from '@lslab/test-utils/browser';

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const MOVES = Number(process.env.LSLAB_BENCH_MOVES ?? 50);
/** The cells whose charts should follow a slider within 100 ms, and α's sweep for each. */
const CELLS: [claim: string, lo: number, hi: number][] = [
  ['C1.smoothed-targets', 0.05, 0.6],
  ['C2.gradient', 0.05, 0.9],
  ['C7.regulariser', 0.05, 0.9],
  ['C9.training-rhythm', 0.05, 0.9],
  ['C11.lipschitz', 0.05, 0.9],
  ['C6.optimal-margin', 0.05, 0.5],
  ['C10.stability', 0.05, 0.9],
];
/** The cells that train models: fewer moves, and their first partial result is timed too. */
const LONG = ['C6.optimal-margin', 'C10.stability'];

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
}

const cwd = mkdtempSync(join(tmpdir(), 'lslab-latency-'));
const claims = CELLS.map(([c]) => c.split('.')[0]).join(',');
const r = spawnSync(process.execPath, [CLI, 'report', '--claims', claims, '--quiet'], {
  cwd,
  encoding: 'utf8',
});
if (r.status !== 0) throw new Error(`lslab report failed: ${r.stderr}`);
const browser = await launchChromium();
const page = await browser.context.newPage();
await page.goto(pathToFileURL(join(cwd, 'report', 'index.html')).href);
await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
console.log(describeMachine());
console.log(`${MOVES} moves of α per cell; ms from the input event to the redrawn charts`);
for (const [claim, lo, hi] of CELLS) {
  const full: number[] = [];
  let inPlace = 0;
  const preview: number[] = [];
  const partial: number[] = [];
  const moves = LONG.includes(claim) ? Math.min(MOVES, 5) : MOVES;
  // one move first to start the cell's worker (not timed)
  for (let i = -1; i < moves; i++) {
    const value = Number((lo + ((hi - lo) * ((i + 1) % 10)) / 9).toFixed(2));
    const t = await page.evaluate(
      ([c, v]) =>
        new Promise<{ preview: number; partial: number; full: number; inPlace: boolean }>(
          (resolve) => {
            const a = document.querySelector(`article[data-claim="${c}"]`) as HTMLElement;
            const figure = a.querySelector('figure.chart');
            const input = a.querySelector('label[data-param="alpha"] input') as HTMLInputElement;
            const before = a.querySelector('li[data-formula]')?.getAttribute('data-value');
            let shown = Number.NaN;
            let streamed = Number.NaN;
            const t0 = performance.now();
            const obs = new MutationObserver(() => {
              const now = a.querySelector('li[data-formula]')?.getAttribute('data-value');
              if (Number.isNaN(shown) && now !== before) shown = performance.now() - t0;
              if (Number.isNaN(streamed) && a.dataset.progress !== undefined)
                streamed = performance.now() - t0;
              if (a.dataset.rendered === a.dataset.request) {
                obs.disconnect();
                requestAnimationFrame(() =>
                  resolve({
                    preview: shown,
                    partial: streamed,
                    full: performance.now() - t0,
                    inPlace: figure !== null && a.querySelector('figure.chart') === figure,
                  }),
                );
              }
            });
            obs.observe(a, { attributes: true, subtree: true, childList: true });
            input.value = String(v);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.dispatchEvent(new Event('change', { bubbles: true }));
          },
        ),
      [claim, value] as const,
    );
    if (i < 0) continue;
    full.push(t.full);
    if (t.inPlace) inPlace++;
    if (Number.isFinite(t.preview)) preview.push(t.preview);
    if (Number.isFinite(t.partial)) partial.push(t.partial);
  }
  const f = (xs: number[]) =>
    xs.length === 0
      ? '–'
      : `p50 ${quantile(xs, 0.5).toFixed(0)}, p95 ${quantile(xs, 0.95).toFixed(0)}, max ${Math.max(...xs).toFixed(0)}`;
  console.log(
    `${claim.padEnd(22)} charts: ${f(full)} · closed form: ${f(preview)}${LONG.includes(claim) ? ` · first partial result: ${f(partial)}` : ''} (${full.length} moves, ${inPlace} with the rows replaced in place)`,
  );
}
await browser.close();
