/** The one helper for an expected LslabError lives in @lslab/test-utils. */
export { thrown } from '@lslab/test-utils';
