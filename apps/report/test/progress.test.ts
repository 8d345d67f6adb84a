import { describe, expect, it } from 'vitest';
import { claimSources } from '../src/claimSources.ts';
import { createProgress } from '../src/cli/progress.ts';
import { planClaims } from '../src/runClaims.ts';
import type { processClaims as ProcessClaims, ProgressEvent } from '../src/runPool.ts';

// the pool path starts worker threads from the built claimWorker.js: test the built module
// (the test task builds the app first; typecheck runs before any build, hence the import by URL)
const built = new URL('../dist/runPool.js', import.meta.url).href;
const { processClaims } = (await import(built)) as { processClaims: typeof ProcessClaims };

describe('a long claim’s units of work reach the progress', () => {
  it.each([1, 2])(
    'threads = %i: C10’s 77 (n, α) fits arrive in order, before its done event',
    async (threads) => {
      // C10 at one flip a cell (7 sizes × 11 α = 77 units) beside C1 (closed form, no units)
      const tasks = planClaims(claimSources, { claims: ['C1', 'C10'] }).map((t) =>
        t.claim.id.startsWith('C10') ? { ...t, params: { ...t.params, flips: 1 } } : t,
      );
      const events: ProgressEvent[] = [];
      await processClaims(tasks, { threads, charts: false, onProgress: (e) => events.push(e) });
      const c10 = events.filter((e) => e.id === 'C10.stability');
      const units = c10.filter((e) => e.type === 'units').map((e) => e.units);
      // the last unit may still be in flight on its port when the result arrives: 76 or 77
      expect(units.length).toBeGreaterThanOrEqual(threads === 1 ? 77 : 70);
      expect(units.map((u) => u?.done)).toEqual(units.map((_, i) => i + 1));
      expect(units.every((u) => u?.total === 77)).toBe(true);
      expect(units[0]?.stage).toBe('n = 50, α = 0');
      expect(c10.at(-1)?.type).toBe('done');
      expect(events.filter((e) => e.id === 'C1.smoothed-targets' && e.type === 'units')).toEqual(
        [],
      );
    },
  );

  it('the bar names a running claim with its units; they go when it is done', () => {
    let out = '';
    const p = createProgress({ write: (t) => (out = t), tty: true });
    const base = { done: 0, total: 2 };
    p.claim({ type: 'start', id: 'C8.smoothing-calibration', ...base });
    p.claim({
      type: 'units',
      id: 'C8.smoothing-calibration',
      ...base,
      units: { done: 2, total: 5, stage: 'well-specified' },
    });
    p.claim({ type: 'start', id: 'C1.smoothed-targets', ...base });
    expect(out).toMatch(/ · C8\.smoothing-calibration 2\/5$/);
    p.claim({ type: 'done', id: 'C8.smoothing-calibration', done: 1, total: 2, ms: 9000 });
    expect(out).toMatch(/1\/2 claims .* · C1\.smoothed-targets$/);
    // units of a claim that is not running (a late message) are not shown
    p.claim({
      type: 'units',
      id: 'C8.smoothing-calibration',
      done: 1,
      total: 2,
      units: { done: 5, total: 5, stage: 'penguins' },
    });
    p.claim({ type: 'done', id: 'C1.smoothed-targets', done: 2, total: 2, ms: 10 });
    expect(out).not.toContain('C8');
    p.end();
  });
});
