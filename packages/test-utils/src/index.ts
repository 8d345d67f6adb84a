export { EPS, expectArraysClose, expectClose, type Tolerance } from './expectClose.ts';
