/**
 * The core as the hosts build it (see tests/helpers/core.ts, which this mirrors without vitest):
 * every call goes through the real dispatcher, so argument validation is part of each figure,
 * as it is for the app. Only the IPC/HTTP hop itself is missing (the browser case has it).
 */
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { dispatch } from '../../src/main/core/dispatch';
import { createCore } from '../../src/main/core/handlers';
import { createLogger } from '../../src/main/core/logger';
import { findResourcesDir } from '../../src/main/core/paths';
import { SettingsStore } from '../../src/main/core/settings';
import type { StoreOptions } from '../../src/main/core/store/project-store';
import type { HandlerArgs, HandlerName, HandlerResult } from '../../src/shared/ipc/contract';

/** A typed call of a contract handler that throws on a refusal. */
export type Call = <K extends HandlerName>(
  name: K,
  args: HandlerArgs<K>,
) => Promise<HandlerResult<K>>;

/** A core over `root`: settings in root/config, projects in root/projects. */
export interface BenchCore {
  call: Call;
  projectsDir: string;
  configDir: string;
  /** Closes the open project (waits for pending saves, releases the lock). */
  shutdown(): Promise<void>;
}

const logger = createLogger(null);

/**
 * Builds a fresh core, as a host does at start-up; nothing is open yet. Cores over the same
 * `root` share settings (recent projects) and the projects folder, like restarts of the app.
 */
export async function benchCore(
  root: string,
  options: { storeOptions?: StoreOptions } = {},
): Promise<BenchCore> {
  const projectsDir = join(root, 'projects');
  const configDir = join(root, 'config');
  // The bench codes as one evaluator (the layer the build wrote), as a user does on their laptop.
  const settingsPath = join(configDir, 'settings.json');
  if (!existsSync(settingsPath)) {
    await mkdir(configDir, { recursive: true });
    await writeFile(settingsPath, JSON.stringify({ evaluatorId: 'bench', evaluatorName: 'Bench' }));
  }
  const core = createCore({
    host: 'browser',
    settings: await SettingsStore.load(configDir),
    defaultProjectsDir: projectsDir,
    resourcesDir: findResourcesDir(),
    logger,
    // Save-state events would go to the renderer; nobody listens here.
    emit: () => undefined,
    ...(options.storeOptions ? { storeOptions: options.storeOptions } : {}),
  });
  const call: Call = async (name, args) => {
    const answer = await dispatch(core.handlers, name, args, logger);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as HandlerResult<typeof name>;
  };
  return { call, projectsDir, configDir, shutdown: () => core.shutdown() };
}
