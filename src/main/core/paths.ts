import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where per-user settings live when no Electron `userData` path is given (browser mode, CLI):
 * $CAMPO_CONFIG_DIR, else the platform's usual place.
 */
export function defaultConfigDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CAMPO_CONFIG_DIR) return env.CAMPO_CONFIG_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Campo');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Campo');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Campo');
}

/** Where new projects go by default: $CAMPO_PROJECTS_DIR, else <Documents>/Campo. */
export function defaultProjectsDir(
  documentsDir?: string,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (env.CAMPO_PROJECTS_DIR) return env.CAMPO_PROJECTS_DIR;
  const documents = documentsDir ?? (env.XDG_DOCUMENTS_DIR || join(homedir(), 'Documents'));
  return join(documents, 'Campo');
}

/**
 * The `resources/` folder, found by walking up from this module: the same code runs from
 * src/ (tsx, tests) and bundled in out/main (Electron).
 */
export function findResourcesDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'demo'))) return candidate;
    if (dirname(dir) === dir) throw new Error(`resources/demo not found above ${from}`);
  }
}
