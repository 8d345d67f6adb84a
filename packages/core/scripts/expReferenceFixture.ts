// Writes test/fixtures/expReference.json: the correctly rounded e^x at 10^6
// seeded points x uniform over [−745.13, 709.78], from 64-digit mathjs
// BigNumbers (a few minutes; run with `npx tsx scripts/expReferenceFixture.ts`).
//
// To keep the file small it stores, per point, the distance in ulps (as an
// int8) from Math.exp(x) to the correctly rounded value, plus a hash of the
// Math.exp bits it was made against: the test rebuilds the reference as
// Math.exp(x) moved by that many ulps, and first checks the hash, so an engine
// whose Math.exp differs fails loudly instead of testing against a wrong value.
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRng } from '../src/index.ts';
import { bn } from '../test/helpers/big.ts';
import { EXP_REFERENCE, expPoints, hashBits, ulpDistance } from '../test/helpers/expReference.ts';

const xs = expPoints(createRng(EXP_REFERENCE.seed), EXP_REFERENCE.count);
const deltas = new Int8Array(xs.length);
const base = new Float64Array(xs.length);
const t0 = performance.now();
for (let i = 0; i < xs.length; i++) {
  const rounded = Number(bn(xs[i]).exp().toString());
  base[i] = Math.exp(xs[i]);
  const d = ulpDistance(base[i], rounded);
  if (Math.abs(d) > 127)
    throw new Error(`Math.exp(${xs[i]}) is ${d} ulps away; int8 cannot hold it`);
  deltas[i] = d;
  if (i % 100_000 === 0) console.log(i, ((performance.now() - t0) / 1000).toFixed(0), 's');
}
const fixture = {
  ...EXP_REFERENCE,
  mathExpHash: hashBits(base),
  deltasGzipBase64: gzipSync(Buffer.from(deltas.buffer)).toString('base64'),
};
writeFileSync(
  new URL('../test/fixtures/expReference.json', import.meta.url),
  `${JSON.stringify(fixture, null, 2)}\n`,
);
