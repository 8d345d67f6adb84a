import { accessSync, constants, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findChromium, SYSTEM_CHROMIUM_PATHS } from '../src/browser.ts';

describe('findChromium(env)', () => {
  it('takes an explicit LSLAB_CHROMIUM path first, whatever else is installed', async () => {
    const choice = await findChromium({ LSLAB_CHROMIUM: process.execPath });
    expect(choice).toMatchObject({ executablePath: process.execPath, source: 'env' });
  });

  it('names LSLAB_CHROMIUM and how to set it when the explicit path does not exist', async () => {
    await expect(findChromium({ LSLAB_CHROMIUM: '/nonexistent/chromium' })).rejects.toThrow(
      /LSLAB_CHROMIUM=\/nonexistent\/chromium: no such file\. Set LSLAB_CHROMIUM to the path/,
    );
  });

  it('LSLAB_CHROMIUM=bundled unpacks the registry binary into an executable file', async () => {
    const choice = await findChromium({ LSLAB_CHROMIUM: 'bundled' });
    expect(choice.source).toBe('bundled');
    expect(choice.description).toMatch(/^bundled @sparticuz\/chromium \d+\.\d+\.\d+ at \//);
    expect(() => accessSync(choice.executablePath, constants.X_OK)).not.toThrow();
  }, 120_000);

  it('without LSLAB_CHROMIUM prefers a system browser and falls back to the bundled one', async () => {
    const system = SYSTEM_CHROMIUM_PATHS.find((p) => existsSync(p));
    const choice = await findChromium({});
    expect(choice.source).toBe(system === undefined ? 'bundled' : 'system');
    if (system !== undefined) expect(choice.executablePath).toBe(system);
  }, 120_000);
});
