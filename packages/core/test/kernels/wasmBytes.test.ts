/**
 * The committed kernelsWasm.ts holds exactly the bytes that wabt assembles
 * from kernels.wat today (the build rewrites it; this catches a .wat edited
 * without a build), and those bytes are valid WebAssembly with SIMD.
 */
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without types
import { assembleKernels } from '../../scripts/assembleKernels.mjs';
import { kernelBytes } from '../../src/kernels/backend.ts';

describe('kernels.wasm', () => {
  it('is what wabt assembles from kernels.wat, and validates', async () => {
    const fresh: Uint8Array = await assembleKernels();
    const shipped = kernelBytes();
    expect(shipped.length).toBe(fresh.length);
    expect(Buffer.compare(Buffer.from(shipped), Buffer.from(fresh))).toBe(0);
    expect(WebAssembly.validate(shipped)).toBe(true);
    // small enough for synchronous compilation on a browser's main thread
    expect(shipped.length).toBeLessThan(8192);
  });
});
