import { defineConfig } from 'vitest/config';

/**
 * The vitest configuration every workspace package uses: node environment, a
 * console reporter, and a JSON report in `.vitest-results/` that `.ci/run`
 * sums into one `N passed, M failed` line.
 */
export function lslabVitestConfig(options: { testTimeout?: number } = {}) {
  return defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      environment: 'node',
      testTimeout: options.testTimeout ?? 60_000,
      reporters: ['default', 'json'],
      outputFile: { json: '.vitest-results/results.json' },
    },
  });
}
