import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { createRng } from '@lslab/models';
import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import { type Browser, launchChromium } from '@lslab/test-utils/browser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModuleServer, type Mount, serveModules } from './helpers/server.ts';

// The built packages as a browser sees them: their dist/ folders, and the ESM
// build of pure-rand that @lslab/models imports, wired up by an import map.
const require = createRequire(import.meta.url);
const packageDir = (name: string, req = require) => dirname(req.resolve(`${name}/package.json`));
const modelsDir = packageDir('@lslab/models');
const MOUNTS: Mount[] = [
  { name: '@lslab/core', dir: packageDir('@lslab/core'), allow: 'dist/' },
  { name: '@lslab/calibration', dir: packageDir('@lslab/calibration'), allow: 'dist/' },
  { name: '@lslab/models', dir: modelsDir, allow: 'dist/' },
  {
    name: 'pure-rand',
    dir: packageDir('pure-rand', createRequire(`${modelsDir}/package.json`)),
    allow: 'lib/esm/',
  },
];

/** One float32 rounding, relative: 2^-24 = 2^28·EPS (EPS = 2^-52); one ulp is twice that. */
const F32_ULP = 2 ** 29;

let browser: Browser | undefined;
let server: ModuleServer | undefined;
let page: Page;
const pageErrors: string[] = [];

/** Runs `body` (the inside of an async function) in the page and returns its JSON result. */
function inPage<T>(body: string): Promise<T> {
  if (setupError !== undefined) throw setupError;
  return page.evaluate(`(async () => {\n${body}\n})()`) as Promise<T>;
}

// A setup failure (Chromium missing, page not loading) is rethrown by every
// test, so each one fails with its message instead of being reported skipped.
let setupError: unknown;

beforeAll(async () => {
  try {
    browser = await launchChromium(); // first, so that a missing Chromium is the error reported
    console.log(`browser tests: ${browser.chromium.description}`);
    server = await serveModules(MOUNTS);
    page = await browser.context.newPage();
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    await page.goto(`${server.origin}/`);
  } catch (e) {
    setupError = e;
  }
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
}, 60_000);

// z = (2, 0, 0), label 0: Σe^z = e²(1 + 2e^{-2}), so p = (1, e^{-2}, e^{-2}) / (1 + 2e^{-2})
// and CE = logΣe^z − z_0 = log(1 + 2e^{-2}).
const E2 = Math.exp(-2);
const CE = Math.log1p(2 * E2);
const P0 = 1 / (1 + 2 * E2);
const P1 = E2 / (1 + 2 * E2);
const P0_MINUS_1 = (-2 * E2) / (1 + 2 * E2);

describe('@lslab/core in Chromium', () => {
  it('softmaxCrossEntropy(fromRows([[2, 0, 0]]), [0]) = log(1 + 2e^{-2}), grad p − e_0', async () => {
    const r = await inPage<{ loss: number; grad: number[] }>(`
      const { fromRows, softmaxCrossEntropy } = await import('@lslab/core');
      const { loss, grad } = softmaxCrossEntropy(fromRows([[2, 0, 0]]), [0]);
      return { loss, grad: Array.from(grad.data) };
    `);
    expectClose(r.loss, CE, { rtol: 8, label: 'loss' });
    expectArraysClose(r.grad, [P0_MINUS_1, P1, P1], { rtol: 16, label: 'grad' });
  });

  it('softmaxCrossEntropy(…, [0], { labelSmoothing: 0.3 }) adds 0.2·2; grad p − (0.8, 0.1, 0.1)', async () => {
    // q = (0.7 + 0.1, 0.1, 0.1): CE(q) = logΣe^z − ⟨q, z⟩ = log(1 + 2e^{-2}) + 2 − 0.8·2
    const r = await inPage<{ loss: number; grad: number[] }>(`
      const { fromRows, softmaxCrossEntropy } = await import('@lslab/core');
      const { loss, grad } = softmaxCrossEntropy(fromRows([[2, 0, 0]]), [0], { labelSmoothing: 0.3 });
      return { loss, grad: Array.from(grad.data) };
    `);
    expectClose(r.loss, CE + 0.2 * 2, { rtol: 8, label: 'loss' });
    expectArraysClose(r.grad, [P0 - 0.8, P1 - 0.1, P1 - 0.1], { rtol: 16, label: 'grad' });
  });

  it('softmaxCrossEntropy(float32 logits, labels, { out }) fills the caller’s Float32Array', async () => {
    // two rows, each the row above up to a permutation; 'mean' halves each gradient row
    const r = await inPage<{ loss: number; grad: number[]; same: boolean; type: string }>(`
      const { matrix, softmaxCrossEntropy } = await import('@lslab/core');
      const z = matrix(2, 3, new Float32Array([2, 0, 0, 0, 0, 2]));
      const out = new Float32Array(6).fill(9);
      const { loss, grad } = softmaxCrossEntropy(z, [0, 2], { out });
      return { loss, grad: Array.from(grad.data), same: grad.data === out, type: grad.data.constructor.name };
    `);
    expect(r.same).toBe(true);
    expect(r.type).toBe('Float32Array');
    expectClose(r.loss, CE, { rtol: 8, label: 'loss' });
    const g = [P0_MINUS_1 / 2, P1 / 2, P1 / 2, P1 / 2, P1 / 2, P0_MINUS_1 / 2];
    expectArraysClose(r.grad, g, { rtol: F32_ULP, label: 'float32 grad' });
  });

  it('softmaxCrossEntropy(logits with NaN) throws LslabError E_NOT_FINITE naming row and column', async () => {
    const r = await inPage<Record<string, unknown>>(`
      const { fromRows, softmaxCrossEntropy, LslabError } = await import('@lslab/core');
      try {
        softmaxCrossEntropy(fromRows([[0, 1, 2], [3, 4, NaN]]), [0, 1]);
        return { threw: false };
      } catch (e) {
        return { threw: true, isLslab: e instanceof LslabError, name: e.name, code: e.code,
          row: e.details.row, column: e.details.column, argument: e.details.argument, message: e.message };
      }
    `);
    expect(r).toMatchObject({
      threw: true,
      isLslab: true,
      name: 'LslabError',
      code: 'E_NOT_FINITE',
      row: 1,
      column: 2,
      argument: 'logits',
    });
    expect(r.message).toMatch(/^softmaxCrossEntropy: .*NaN/);
  });

  it('softmaxCrossEntropy(z, [3]) with K = 3 throws LslabError E_LABEL', async () => {
    const code = await inPage<string>(`
      const { fromRows, softmaxCrossEntropy } = await import('@lslab/core');
      try { softmaxCrossEntropy(fromRows([[0, 1, 2]]), [3]); return 'no error'; }
      catch (e) { return e.code; }
    `);
    expect(code).toBe('E_LABEL');
  });
});

// One computation, run by the same code in Node and in the page: every number
// the kernel layer returns for seeded inputs, as the hex of its 64 bits.
const KERNEL_BITS = `
  const { createRng, fromRows, logSoftmax, logSumExp, sigmoidCrossEntropy, softmax,
    softmaxCrossEntropy } = lslab;
  const rng = createRng(1212);
  const n = 300, k = 11;
  const z = { rows: n, cols: k, data: Float64Array.from({ length: n * k }, () => 16 * (rng.uniform() - 0.5)) };
  const y = Array.from({ length: n }, (_, i) => (i % 9 === 4 ? -100 : rng.int(k)));
  const w = Array.from({ length: k }, () => 0.25 + 4 * rng.uniform());
  const t = softmax(fromRows(Array.from({ length: n }, () => Array.from({ length: k }, () => 3 * rng.normal()))));
  const view = new DataView(new ArrayBuffer(8));
  const bits = [];
  const push = (v) => {
    if (typeof v === 'number') v = [v];
    for (const x of v) {
      view.setFloat64(0, x);
      bits.push(view.getBigUint64(0).toString(16));
    }
  };
  push(softmax(z).data);
  push(logSoftmax(z).data);
  push(logSumExp(z));
  for (const convention of ['uniform', 'others'])
    for (const weightMode of ['target', 'sample']) {
      const o = { labelSmoothing: 0.1, convention, weight: w, weightMode, ignoreIndex: -100, reduction: 'none' };
      const r = softmaxCrossEntropy(z, y, o);
      push(r.loss);
      push(r.grad.data);
      push(softmaxCrossEntropy(z, y, { ...o, reduction: 'mean' }).loss);
      const p = softmaxCrossEntropy(z, t, { labelSmoothing: 0.2, convention, weight: w, weightMode, reduction: 'none' });
      push(p.loss);
      push(p.grad.data);
    }
  const x = Array.from({ length: 500 }, () => 40 * (rng.uniform() - 0.5));
  const b = sigmoidCrossEntropy(x, x.map(() => rng.uniform()), { labelSmoothing: 0.1, posWeight: 1.5, reduction: 'none' });
  push(b.loss);
  push(b.grad);
  return bits;
`;

describe('@lslab/core kernels in Chromium', () => {
  it('softmax family and both cross-entropies give the same bits in Chromium as in Node', async () => {
    const run = new Function('lslab', `return (async () => {${KERNEL_BITS}})();`);
    const inNode = (await run(await import('@lslab/core'))) as string[];
    const inBrowser = await inPage<string[]>(
      `const lslab = await import('@lslab/core');\n${KERNEL_BITS}`,
    );
    expect(inBrowser.length).toBe(inNode.length);
    const first = inNode.findIndex((h, i) => h !== inBrowser[i]);
    expect(first, `first differing number: ${first}`).toBe(-1);
  });
});

describe('@lslab/models in Chromium', () => {
  it('createRng(42): uniform, int and split draw bit-identical numbers in the page and in Node', async () => {
    // integer arithmetic only (xoroshiro128+), so every engine must agree exactly
    const rng = createRng(42);
    const child = rng.split();
    const inNode = [rng.uniform(), rng.uniform(), rng.int(1000), rng.int(6), child.uniform()];
    const inBrowser = await inPage<number[]>(`
      const { createRng } = await import('@lslab/models');
      const rng = createRng(42);
      const child = rng.split();
      return [rng.uniform(), rng.uniform(), rng.int(1000), rng.int(6), child.uniform()];
    `);
    expect(inBrowser).toEqual(inNode);
  });

  it('createRng(42).normal() gives the same bits in Chromium as in Node', async () => {
    // The normals use a logarithm and sine/cosine built from basic IEEE
    // operations (rounded identically by every engine) and Math.sqrt (correctly
    // rounded), not Math.log/Math.cos, whose last bit each engine chooses.
    const rng = createRng(42);
    const inNode = Array.from({ length: 64 }, () => rng.normal());
    const inBrowser = await inPage<number[]>(`
      const { createRng } = await import('@lslab/models');
      const rng = createRng(42);
      return Array.from({ length: 64 }, () => rng.normal());
    `);
    expect(inBrowser).toEqual(inNode);
  });

  it('createRng(7).uniform() averages 1/2 within 4.5 standard errors √(1/12n) over n = 20000', async () => {
    const n = 20_000;
    const mean = await inPage<number>(`
      const { createRng } = await import('@lslab/models');
      const rng = createRng(7);
      let s = 0;
      for (let i = 0; i < ${n}; i++) {
        const u = rng.uniform();
        if (!(u >= 0 && u < 1)) return Number.NaN;
        s += u;
      }
      return s / ${n};
    `);
    expectClose(mean, 0.5, { atol: (4.5 * Math.sqrt(1 / 12 / n)) / EPS, label: 'mean' });
  });
});

describe('@lslab/calibration in Chromium', () => {
  it('expectedCalibrationError([0.6, 0.9], [1, 0], { bins: 2 }) = |0.5 − 0.75| = 0.25', async () => {
    const v = await inPage<number>(`
      const { expectedCalibrationError } = await import('@lslab/calibration');
      return expectedCalibrationError([0.6, 0.9], [1, 0], { bins: 2 }).value;
    `);
    expectClose(v, 0.25, { rtol: 4, label: 'ECE' });
  });

  it('brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]) = (0.01 + 0.01 + 0.04 + 0.09) / 4', async () => {
    const v = await inPage<number>(`
      const { brierScore } = await import('@lslab/calibration');
      return brierScore([0.1, 0.9, 0.8, 0.3], [0, 1, 1, 0]);
    `);
    expectClose(v, 0.0375, { rtol: 8, label: 'Brier' });
  });
});

describe('the page', () => {
  it('loaded every module it asked for and raised no error', () => {
    if (setupError !== undefined) throw setupError;
    expect(server?.missing).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
