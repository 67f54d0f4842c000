import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

/** Debian's Chromium, or the one named by CAMPO_CHROMIUM. */
export const CHROMIUM_PATH = process.env.CAMPO_CHROMIUM ?? '/usr/bin/chromium';

/** Flags for a sandbox-less, offline, quiet Chromium (never `npx playwright install`). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Starts the browser host as `npm run start:browser` does, over the given folders, on a free
 * port; resolves with the process and the address carrying its token.
 */
export function startBrowserHost(
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
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`browser host exited (${code}): ${output}`)));
  });
}
