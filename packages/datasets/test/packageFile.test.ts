import { LslabError } from '@lslab/core';
import { describe, expect, it } from 'vitest';
import { DATA_PACKAGES, packageFile } from '../src/node/internal/packageFile.ts';

describe('packageFile(fn, entry, up, file)', () => {
  it('names the data package to install, with its version, when it is missing', () => {
    let error: unknown;
    try {
      packageFile('loadPenguins', '@lslab-missing/data-package/data/x.json', 0, '');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(LslabError);
    expect((error as LslabError).code).toBe('E_PARSE');
    expect((error as LslabError).message).toBe(
      'loadPenguins: package = "@lslab-missing/data-package": the data ship in the npm package ' +
        '@lslab-missing/data-package, which is not installed: add it beside @lslab/datasets ' +
        '(npm install @lslab-missing/data-package@latest)',
    );
  });

  it('states the versions the loaders were checked against, as declared in package.json', async () => {
    const manifest = (await import('../package.json', { with: { type: 'json' } })).default as {
      peerDependencies: Record<string, string>;
    };
    expect(DATA_PACKAGES).toEqual(manifest.peerDependencies);
  });
});
