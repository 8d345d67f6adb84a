import { type ClaimParamSchema, resolveParamControls } from '@lslab/core/validate';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claimSources } from '../src/claimSources.ts';
import { notebookWorkerSource } from '../src/html/notebookAssets.ts';
import { pageScript } from '../src/html/pageAssets.ts';
import { acceptParams, findClaim, liveClaim, previewFormulas } from '../src/notebook/liveClaim.ts';

const claim = (id: string) => {
  const found = findClaim(claimSources, id);
  if (!found) throw new Error(id);
  return found.claim;
};
const defaults = (id: string) => claim(id).defaults as Record<string, unknown>;

describe('acceptParams(claim, base, given)', () => {
  it('takes what the schema allows and reports the rest with the validator’s message', () => {
    const c6 = claim('C6');
    const r = acceptParams(c6, defaults('C6'), {
      alpha: 0.2,
      K: Number.POSITIVE_INFINITY,
      seed: '<script>alert(1)</script>',
      beta: 1,
    });
    expect(r.params).toEqual({ ...defaults('C6'), alpha: 0.2 });
    expect(r.rejected.map((x) => x.name).sort()).toEqual(['K', 'beta', 'seed']);
    expect(r.rejected.find((x) => x.name === 'beta')?.reason).toMatch(
      /params\.beta = 1: is not a parameter of C6\.optimal-margin/,
    );
    expect(r.rejected.find((x) => x.name === 'seed')?.reason).toContain(
      '"<script>alert(1)</script>"',
    );
  });
  it('checks a bound that depends on another parameter against the value accepted for it', () => {
    // C1: α ≤ (K − 1)/K; with K = 2, α = 0.6 is outside and is dropped, K is taken
    const r = acceptParams(claim('C1'), defaults('C1'), { K: 2, alpha: 0.6 });
    expect(r.params).toEqual({ K: 2, alpha: 0.1 });
    expect(r.rejected[0].reason).toBe('C1.smoothed-targets: alpha = 0.6: must lie in [0, 0.5]');
  });
  it('a key named like an Object property is refused, never assigned', () => {
    const given = JSON.parse('{"__proto__": {"alpha": 0.5}, "constructor": 1}');
    const r = acceptParams(claim('C9'), defaults('C9'), given);
    expect(r.params).toEqual(defaults('C9'));
    expect(r.rejected.map((x) => x.name).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(r.params)).toBe(Object.prototype);
  });
  it('property: every value a control offers is accepted, for every claim with a schema', () => {
    const withSchema = claimSources.flatMap((s) => s.claims).filter((c) => c.paramSchema);
    expect(withSchema.length).toBeGreaterThanOrEqual(9);
    for (const c of withSchema) {
      const base = c.defaults as Record<string, unknown>;
      const controls = resolveParamControls(c.paramSchema as ClaimParamSchema, base);
      for (const p of controls) {
        if (p.kind === 'choice' || p.min === undefined || p.max === undefined) continue;
        const { min, max } = p;
        const integer = p.kind === 'integer' || p.kind === 'seed';
        const arb = integer
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true }).filter((v) => !p.open || (v > min && v < max));
        fc.assert(
          fc.property(arb, (v) => {
            expect(
              acceptParams(c, base, { [p.name]: v }).rejected,
              `${c.id} ${p.name} = ${v}`,
            ).toEqual([]);
          }),
          { numRuns: 50 },
        );
      }
    }
  });
});

describe('liveClaim and previewFormulas', () => {
  it('C9 at α = 0.3, K = 7: the crossover is 1 − α(K − 1)/(2K), in the preview and after the run', () => {
    const given = { alpha: 0.3, K: 7 };
    const expected = 1 - (0.3 * 6) / 14;
    const c9 = claim('C9');
    const preview = previewFormulas(c9, { ...defaults('C9'), ...given });
    const cross = preview.find((f) => f.name === 'uniform: crossover p_y');
    expect(Math.abs((cross?.number ?? 0) - expected)).toBeLessThanOrEqual(2 * Number.EPSILON);
    const r = liveClaim(claimSources, c9.id, defaults('C9'), given);
    expect(r.params).toMatchObject(given);
    expect(r.cell.holds).toBe(true);
    const f = r.cell.formulas.find((x) => x.name === 'uniform: crossover p_y');
    expect(Math.abs((f?.number ?? 0) - expected)).toBeLessThanOrEqual(2 * Number.EPSILON);
    // p_y's control follows K: its lower end is 1/K
    expect(r.controls.find((c) => c.name === 'py')?.min).toBe(1 / 7);
  });

  it('C10 streams to the page: a partial result’s charts are the charts of the rows so far', () => {
    const seen: { done: number; total: number; names: string[]; rows: number }[] = [];
    const r = liveClaim(
      claimSources,
      'C10.stability',
      defaults('C10'),
      { K: 2, flips: 1 },
      {
        onProgress: (p, charts) => {
          // building charts is left to the caller: only every 11th unit here (one size's α grid)
          if (p.done % 11 !== 0) return;
          const built = charts();
          const line = built.find((c) => c.name === 'C10-stabilityVsN');
          const values =
            (line?.spec as { data?: { values: object[] } } | undefined)?.data?.values ?? [];
          seen.push({
            done: p.done,
            total: p.total,
            names: built.map((c) => c.name),
            rows: values.length,
          });
        },
      },
    );
    // α = 0.1 is on the grid 0, 0.1, …, 1: 7 sizes × 11 values of α
    expect(seen.map((x) => [x.done, x.total])).toEqual(
      [11, 22, 33, 44, 55, 66, 77].map((d) => [d, 77]),
    );
    // one line point per (n, α) fitted so far
    expect(seen.map((x) => x.rows)).toEqual([11, 22, 33, 44, 55, 66, 77]);
    // the slopes chart needs every size: it comes with the result only
    const final = r.cell.charts.map((c) => c.name);
    expect(final).toContain('C10-slopes');
    for (const x of seen.slice(0, -1)) {
      expect(x.names).not.toContain('C10-slopes');
      expect(final).toEqual(expect.arrayContaining(x.names));
    }
  });
});

describe('the page’s own code', () => {
  it('sets outside text as text: no innerHTML, no eval, no new Function, workers only from a blob: URL', () => {
    const script = pageScript();
    for (const banned of [
      'innerHTML',
      'outerHTML',
      'insertAdjacentHTML',
      'document.write',
      'eval(',
      'new Function',
      "setTimeout('",
      'fetch(',
      'XMLHttpRequest',
      'importScripts',
    ])
      expect(script, banned).not.toContain(banned);
    expect(script.match(/new Worker\(/g)).toEqual(['new Worker(']);
    expect(script).toContain('new Worker(workerUrl)');
    expect(script).toContain('workerUrl = URL.createObjectURL(blob)');
    const worker = notebookWorkerSource();
    expect(worker).not.toMatch(/\beval\(|new Function\b|XMLHttpRequest|\bfetch\(/);
  });
});
