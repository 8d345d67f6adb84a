export { addTransposeProductRows, productRows, type Rows } from './product.js';
