import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { startBrowserHost } from '../helpers/browser-host';

/** A browser-mode host started as `npm run start:browser` would, over temporary folders. */
export interface CampoHost {
  url: string;
  root: string;
  projectsDir: string;
  configDir: string;
  /** Kills the host (SIGKILL: nothing is flushed on the way out) and starts a new one. */
  restart(): Promise<void>;
}

export const test = base.extend<{ campo: CampoHost }>({
  // Playwright reads fixture dependencies from this destructuring; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  campo: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'campo-e2e-'));
    const configDir = join(root, 'config');
    const projectsDir = join(root, 'projects');
    let running = await startBrowserHost(configDir, projectsDir);
    const host: CampoHost = {
      url: running.url,
      root,
      projectsDir,
      configDir,
      async restart() {
        running.child.kill('SIGKILL');
        running = await startBrowserHost(configDir, projectsDir);
        host.url = running.url;
      },
    };
    await use(host);
    // The host closes its project on SIGTERM (writing its caches): let it finish first.
    const exited = new Promise((done) => running.child.once('exit', done));
    running.child.kill('SIGTERM');
    await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
    await rm(root, { recursive: true, force: true });
  },
});

/**
 * Holds the host's answers to the contract call `name` (browser mode's POST /rpc/<name>) until
 * `release()`: a slow read, on demand, to see what the user sees while waiting.
 */
export async function holdCalls(page: Page, name: string): Promise<{ release(): Promise<void> }> {
  let open: () => void = () => {};
  const held = new Promise<void>((resolve) => (open = resolve));
  await page.route(`**/rpc/${name}`, async (route) => {
    await held;
    await route.continue();
  });
  return {
    async release() {
      open();
      await page.unrouteAll({ behavior: 'wait' });
    },
  };
}

export { expect };
