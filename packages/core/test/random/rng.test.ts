import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LslabError } from '../../src/index.ts';
import { createRng } from '../../src/index.ts';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as LslabError).code;
  }
  return 'none';
};

const draws = (seed: number, n: number) => {
  const r = createRng(seed);
  return Array.from({ length: n }, () => r.uniform());
};

describe('createRng(seed)', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(42, 1000)).toEqual(draws(42, 1000));
  });

  it('gives different sequences for different (even adjacent) seeds', () => {
    const a = draws(1, 100);
    const b = draws(2, 100);
    expect(a.filter((v, i) => v === b[i])).toHaveLength(0);
  });

  it('rejects a non-finite seed', () => {
    expect(codeOf(() => createRng(Number.NaN))).toBe('E_NOT_FINITE');
    expect(codeOf(() => createRng(Number.POSITIVE_INFINITY))).toBe('E_NOT_FINITE');
  });

  it('rejects fractions, negatives, 2^53 and non-numbers with E_RANGE naming seed', () => {
    for (const seed of [1.9, 0.5, -1, -(2 ** 31), 2 ** 53, 2 ** 60, '1' as unknown as number]) {
      let err: unknown;
      try {
        createRng(seed);
      } catch (e) {
        err = e;
      }
      expect((err as LslabError).code, String(seed)).toBe('E_RANGE');
      expect((err as LslabError).message).toMatch(/^createRng: seed = .*: .*integer in \[0, /);
    }
  });

  it('accepts every integer in [0, 2^53) exactly: 2^32 + s differs from s (no 32-bit aliasing)', () => {
    for (const s of [0, 1, 12345]) {
      const a = draws(s, 20);
      const b = draws(2 ** 32 + s, 20);
      expect(b.filter((v, i) => v === a[i])).toHaveLength(0);
    }
    const top = draws(2 ** 53 - 1, 20);
    expect(top.every((u) => u >= 0 && u < 1)).toBe(true);
    expect(draws(2 ** 53 - 2, 20).filter((v, i) => v === top[i])).toHaveLength(0);
  });

  it('seeds below 2^32 give the streams of earlier releases (pinned draws)', () => {
    // first two uniforms, the next normal and int(1000) of the 0.x generator (seed | 0 → murmur3
    // finaliser → xoroshiro128+ from one word → 16 warm-up draws), recorded before seeds
    // above 2^32 were admitted; README figures depend on these streams
    const pinned: [number, number, number, number, number][] = [
      [0, 0.2057643415931245, 0.9150261413431053, 0.7234198485819415, 990],
      [1, 0.0432719179083777, 0.49097104016640947, 0.29782264953530885, 930],
      [42, 0.21629894688206985, 0.1602059279128739, 0.25130214243015714, 656],
      [2 ** 31 - 1, 0.9054306478414543, 0.47254200796127477, -0.1321428215069948, 440],
      [2 ** 31, 0.8452614165890111, 0.9972272509546348, -0.3145216891527961, 538],
      [2 ** 32 - 1, 0.6597083199877154, 0.39353452722284377, 0.197218286408767, 723],
    ];
    for (const [seed, u1, u2, z, k] of pinned) {
      const r = createRng(seed);
      expect([r.uniform(), r.uniform(), r.normal(), r.int(1000)], String(seed)).toEqual([
        u1,
        u2,
        z,
        k,
      ]);
    }
  });
});

describe('Rng.derive(key)', () => {
  const seq = (r: ReturnType<typeof createRng>, n = 100) =>
    Array.from({ length: n }, () => r.uniform());

  it('does not advance the parent', () => {
    const r = createRng(8);
    r.normal(); // a cached normal must survive too
    const twin = r.clone();
    r.derive('noise');
    r.derive('init').uniform();
    expect(Array.from({ length: 10 }, () => r.normal())).toEqual(
      Array.from({ length: 10 }, () => twin.normal()),
    );
  });

  it('gives the same bits for the same key and state, in separate generators', () => {
    expect(seq(createRng(8).derive('noise'))).toEqual(seq(createRng(8).derive('noise')));
    const r = createRng(8);
    expect(seq(r.derive('noise'))).toEqual(seq(r.derive('noise')));
  });

  it('gives different streams for different keys, parents and states', () => {
    const r = createRng(8);
    const base = seq(r.derive('a'));
    const others = [
      seq(r.derive('b')),
      seq(r.derive('a ')),
      seq(r.derive('')),
      seq(createRng(9).derive('a')),
      seq(r.clone()),
      seq(r.clone().split()),
    ];
    r.uniform();
    others.push(seq(r.derive('a')));
    for (const o of others) expect(o.filter((v, i) => v === base[i])).toHaveLength(0);
  });

  it('gives uncorrelated streams for neighbouring keys (|r| < 5/√n over n = 20000 pairs)', () => {
    const n = 20_000;
    const a = createRng(3).derive('cell-1');
    const b = createRng(3).derive('cell-2');
    let sa = 0;
    let sb = 0;
    let sab = 0;
    let saa = 0;
    let sbb = 0;
    for (let i = 0; i < n; i++) {
      const x = a.uniform();
      const y = b.uniform();
      sa += x;
      sb += y;
      sab += x * y;
      saa += x * x;
      sbb += y * y;
    }
    const cov = sab / n - (sa / n) * (sb / n);
    const corr = cov / Math.sqrt((saa / n - (sa / n) ** 2) * (sbb / n - (sb / n) ** 2));
    // under independence the sample correlation has standard deviation ≈ 1/√n
    expect(Math.abs(corr)).toBeLessThan(5 / Math.sqrt(n));
    // and each stream is uniform on [0, 1): mean 1/2 within 5 standard errors √(1/12/n)
    expect(Math.abs(sa / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
  });

  it('has stable first draws (pinned: a derived stream is part of the reproducibility contract)', () => {
    const r = createRng(42);
    expect(r.derive('a').uniform()).toBe(0.9253074566538398);
    expect(r.derive('b').uniform()).toBe(0.6364377966723456);
    expect(createRng(0).derive('').uniform()).toBe(0.1770906417810083);
    expect(createRng(2 ** 32).uniform()).toBe(0.8084069242625486);
    expect(createRng(2 ** 53 - 1).uniform()).toBe(0.9348988517973663);
  });

  it('rejects a key that is not a string with E_OPTION', () => {
    expect(codeOf(() => createRng(1).derive(3 as unknown as string))).toBe('E_OPTION');
  });
});

describe('Rng.split() / Rng.clone()', () => {
  it('splits reproducibly: the same splits of the same seed give the same streams', () => {
    const r1 = createRng(5);
    const r2 = createRng(5);
    const a1 = r1.split();
    const a2 = r2.split();
    const seq = (r: ReturnType<typeof createRng>) => Array.from({ length: 50 }, () => r.uniform());
    expect(seq(a1)).toEqual(seq(a2));
    expect(seq(r1)).toEqual(seq(r2));
  });

  it('gives independent streams: draws from one child do not change its sibling or the parent', () => {
    const make = () => {
      const r = createRng(9);
      return { r, a: r.split(), b: r.split() };
    };
    const x = make();
    const y = make();
    for (let i = 0; i < 1000; i++) x.a.uniform(); // exhaust sibling a in x only
    const bx = Array.from({ length: 20 }, () => x.b.normal());
    const by = Array.from({ length: 20 }, () => y.b.normal());
    expect(bx).toEqual(by);
    expect(Array.from({ length: 5 }, () => x.r.uniform())).toEqual(
      Array.from({ length: 5 }, () => y.r.uniform()),
    );
  });

  it('gives streams that differ between parent and children', () => {
    const r = createRng(3);
    const a = r.split();
    const b = r.split();
    const sa = Array.from({ length: 100 }, () => a.uniform());
    const sb = Array.from({ length: 100 }, () => b.uniform());
    const sr = Array.from({ length: 100 }, () => r.uniform());
    expect(sa.filter((v, i) => v === sb[i] || v === sr[i])).toHaveLength(0);
  });

  it('clones: the copy repeats the original’s future, including a cached normal', () => {
    const r = createRng(11);
    r.normal(); // leaves the second Box–Muller value cached
    const c = r.clone();
    expect(Array.from({ length: 10 }, () => c.normal())).toEqual(
      Array.from({ length: 10 }, () => r.normal()),
    );
  });
});

// Sampling tolerances: a mean of n draws with variance v is within 5·√(v/n) of its
// expectation except with probability below 1e-6; the seeds are fixed, so the tests are
// deterministic, and the bound says they are not tuned to the seed.
const N = 200_000;

describe('Rng.uniform()', () => {
  it('has mean 1/2 and variance 1/12 within 5 standard errors, values in [0, 1)', () => {
    const r = createRng(21);
    let s = 0;
    let s2 = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < N; i++) {
      const u = r.uniform();
      s += u;
      s2 += (u - 0.5) ** 2;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    // Var U = 1/12; Var (U − 1/2)² = 1/80 − 1/144
    expect(Math.abs(s / N - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / N));
    expect(Math.abs(s2 / N - 1 / 12)).toBeLessThan(5 * Math.sqrt((1 / 80 - 1 / 144) / N));
  });
});

describe('Rng.normal()', () => {
  it('has moments 0, 1, 0, 3 within 5 standard errors', () => {
    // Var Z = 1, Var Z² = 2, Var Z³ = 15, Var Z⁴ = 105 − 9 = 96
    const r = createRng(22);
    const m = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      const z = r.normal();
      m[0] += z;
      m[1] += z * z;
      m[2] += z * z * z;
      m[3] += z * z * z * z;
    }
    expect(Math.abs(m[0] / N)).toBeLessThan(5 * Math.sqrt(1 / N));
    expect(Math.abs(m[1] / N - 1)).toBeLessThan(5 * Math.sqrt(2 / N));
    expect(Math.abs(m[2] / N)).toBeLessThan(5 * Math.sqrt(15 / N));
    expect(Math.abs(m[3] / N - 3)).toBeLessThan(5 * Math.sqrt(96 / N));
  });
});

describe('Rng.categorical(weights)', () => {
  it('draws class k with frequency w_k/Σw within 5 standard errors, never a zero weight', () => {
    const w = [1, 0, 2, 3, 4];
    const r = createRng(23);
    const counts = [0, 0, 0, 0, 0];
    for (let i = 0; i < N; i++) counts[r.categorical(w)]++;
    expect(counts[1]).toBe(0);
    for (let k = 0; k < 5; k++) {
      const p = w[k] / 10;
      expect(Math.abs(counts[k] - N * p)).toBeLessThanOrEqual(5 * Math.sqrt(N * p * (1 - p)));
    }
  });

  it('rejects negative, non-finite or all-zero weights', () => {
    const r = createRng(1);
    expect(codeOf(() => r.categorical([1, -1]))).toBe('E_RANGE');
    expect(codeOf(() => r.categorical([1, Number.NaN]))).toBe('E_RANGE');
    expect(codeOf(() => r.categorical([0, 0]))).toBe('E_RANGE');
  });
});

describe('Rng.int(n) / Rng.bernoulli(p)', () => {
  it('int(6) is uniform on 0..5 within 5 standard errors', () => {
    const r = createRng(24);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < N; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - N / 6)).toBeLessThan(5 * Math.sqrt((N * 5) / 36));
  });

  it('bernoulli(0.3) has frequency 0.3 within 5 standard errors', () => {
    const r = createRng(25);
    let ones = 0;
    for (let i = 0; i < N; i++) ones += r.bernoulli(0.3);
    expect(Math.abs(ones - 0.3 * N)).toBeLessThan(5 * Math.sqrt(N * 0.21));
  });

  it('rejects bad arguments', () => {
    const r = createRng(1);
    expect(codeOf(() => r.int(0))).toBe('E_RANGE');
    expect(codeOf(() => r.int(2.5))).toBe('E_RANGE');
    expect(codeOf(() => r.bernoulli(1.5))).toBe('E_RANGE');
    expect(codeOf(() => r.bernoulli(Number.NaN))).toBe('E_RANGE');
    expect(codeOf(() => r.permutation(-1))).toBe('E_RANGE');
  });
});

describe('Rng.permutation(n)', () => {
  it('is a permutation of 0..n−1 for any n and seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.nat(), (n, seed) => {
        const p = Array.from(createRng(seed).permutation(n)).sort((a, b) => a - b);
        expect(p).toEqual(Array.from({ length: n }, (_, i) => i));
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('draws each of the 6 orders of 3 elements with frequency 1/6 within 5 standard errors', () => {
    const r = createRng(26);
    const counts = new Map<string, number>();
    const M = 60_000;
    for (let i = 0; i < M; i++) {
      const key = Array.from(r.permutation(3)).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const c of counts.values())
      expect(Math.abs(c - M / 6)).toBeLessThan(5 * Math.sqrt((M * 5) / 36));
  });
});
