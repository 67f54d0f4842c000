import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

const ROOT = join(import.meta.dirname, '..', '..');

/** A browser-mode host started as `npm run start:browser` would, over temporary folders. */
export interface CampoHost {
  url: string;
  root: string;
  projectsDir: string;
  configDir: string;
  /** Kills the host (SIGKILL: nothing is flushed on the way out) and starts a new one. */
  restart(): Promise<void>;
}

function startHost(
  configDir: string,
  projectsDir: string,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'src', 'main', 'browser-host.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          CAMPO_CONFIG_DIR: configDir,
          CAMPO_PROJECTS_DIR: projectsDir,
          CAMPO_PORT: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /(http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+)/.exec(output)?.[1];
      if (url) resolve({ child, url });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}): ${output}`)));
  });
}

export const test = base.extend<{ campo: CampoHost }>({
  // Playwright reads fixture dependencies from this destructuring; this one needs none.
  // eslint-disable-next-line no-empty-pattern
  campo: async ({}, use) => {
    const root = await mkdtemp(join(tmpdir(), 'campo-e2e-'));
    const configDir = join(root, 'config');
    const projectsDir = join(root, 'projects');
    let running = await startHost(configDir, projectsDir);
    const host: CampoHost = {
      url: running.url,
      root,
      projectsDir,
      configDir,
      async restart() {
        running.child.kill('SIGKILL');
        running = await startHost(configDir, projectsDir);
        host.url = running.url;
      },
    };
    await use(host);
    running.child.kill('SIGTERM');
    await rm(root, { recursive: true, force: true });
  },
});

export { expect };
