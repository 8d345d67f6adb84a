import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('src, except src/node (the browser-safe entry)', () => {
  it('imports no Node built-in and no file from src/node', () => {
    const dir = join(import.meta.dirname, '../src');
    const offenders = files(dir)
      .filter((f) => !f.includes('/node/'))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        return (
          /from '(node:|fs|path|module)'|from '\.\.\/(\.\.\/)?node\//.test(text) ||
          /\brequire\(/.test(text)
        );
      });
    expect(offenders).toEqual([]);
  });
});
