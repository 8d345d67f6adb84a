import { lslabVitestConfig } from '../../vitest.shared.ts';

export default lslabVitestConfig();
