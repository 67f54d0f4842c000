/**
 * The browser-mode host in a process of its own, for the hostile-input suite: the suite measures
 * this process's memory and how fast it answers while it is fed hostile files. Prints
 * "READY <port> <token>" once it listens.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startBrowserHost } from '../../src/main/browser-host';

const [root] = process.argv.slice(2) as [string];
const rendererDir = join(root, 'renderer');
await mkdir(rendererDir, { recursive: true });
await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>Campo</title>');
const host = await startBrowserHost({
  rendererDir,
  configDir: join(root, 'config'),
  projectsDir: join(root, 'projects'),
});
process.stdout.write(`READY ${host.port} ${host.token}\n`);
