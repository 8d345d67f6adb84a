import { lslabVitestConfig } from '../../vitest.shared.ts';

// C5 runs gradient descent for up to 10^6 steps at its extreme test points:
// seconds on an idle machine, a minute or more on a busy shared one.
export default lslabVitestConfig({ testTimeout: 300_000 });
