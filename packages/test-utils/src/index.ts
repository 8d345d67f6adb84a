export { EPS, expectArraysClose, expectClose, type Tolerance } from './expectClose.ts';
export { type ThrownLslabError, thrown, thrownLslabError } from './thrown.ts';
