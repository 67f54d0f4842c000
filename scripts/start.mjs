#!/usr/bin/env node
/**
 * `npm start`: builds Campo, then opens it in Electron. Where the Electron binary is missing
 * (offline machines: electron >= 41 downloads it on first use) or cannot start (no display,
 * missing system libraries), it says so plainly and starts browser mode instead.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = join(root, 'node_modules', 'electron');
/** An Electron that dies this soon after starting did not start. */
const EARLY_EXIT_MS = 8000;

function say(italian, english) {
  console.log(`Campo: ${italian}\n       ${english}`);
}

function electronBinary() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** One quiet attempt at Electron's own download; fails fast when offline. */
function fetchElectron() {
  if (!existsSync(join(electronDir, 'install.js'))) return null;
  spawnSync(process.execPath, [join(electronDir, 'install.js')], {
    stdio: 'ignore',
    timeout: 180_000,
  });
  return electronBinary();
}

function build() {
  const cli = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function startBrowserMode() {
  const host = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src', 'main', 'browser-host.ts')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => host.kill(signal));
  host.on('exit', (code) => process.exit(code ?? 0));
}

function noDisplay() {
  return process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
}

build();
let binary = electronBinary();
if (!binary) {
  say('scarico Electron (una volta sola)…', 'downloading Electron (once)…');
  binary = fetchElectron();
}
if (!binary) {
  say(
    'Electron non è disponibile su questo computer (il programma non si scarica senza rete). Avvio in modalità browser.',
    'Electron is not available on this machine (it cannot be downloaded offline). Starting browser mode.',
  );
  startBrowserMode();
} else if (noDisplay()) {
  say(
    'non c’è uno schermo grafico per Electron. Avvio in modalità browser.',
    'there is no graphical display for Electron. Starting browser mode.',
  );
  startBrowserMode();
} else {
  const started = Date.now();
  let stderr = '';
  const electron = spawn(binary, [root], { cwd: root, stdio: ['ignore', 'inherit', 'pipe'] });
  electron.stderr.on('data', (chunk) => {
    stderr += chunk.toString();
    process.stderr.write(chunk);
  });
  electron.on('exit', (code, signal) => {
    const early = Date.now() - started < EARLY_EXIT_MS;
    if (early && (code !== 0 || signal)) {
      const reason = stderr.trim().split('\n').slice(-1)[0] ?? `exit ${code ?? signal}`;
      say(
        `Electron non si è avviato (${reason}). Avvio in modalità browser.`,
        `Electron did not start (${reason}). Starting browser mode.`,
      );
      startBrowserMode();
    } else {
      process.exit(code ?? 0);
    }
  });
}
