export { kernelBackend } from './backend.js';
export { addTransposeProductRows, productRows, type Rows } from './product.js';
export { tanhInPlace } from './tanh.js';
