import { join } from 'node:path';
import { expect, onTestFinished } from 'vitest';
import { dispatch } from '../../src/main/core/dispatch';
import { createCore } from '../../src/main/core/handlers';
import { createLogger } from '../../src/main/core/logger';
import { findResourcesDir } from '../../src/main/core/paths';
import { SettingsStore } from '../../src/main/core/settings';
import type { HandlerArgs, HandlerName, HandlerResult } from '../../src/shared/ipc/contract';
import type { CampoEventName, CampoEvents } from '../../src/shared/ipc/types';
import { tempDir } from './temp-dir';

/**
 * A core as a host would build it, over temp folders, recording the events it pushes. Browser
 * mode by default; `desktop` makes it the Electron core, whose save dialog answers `savePath`.
 */
export async function testCore(desktop?: { savePath: () => string | null }) {
  const root = await tempDir();
  const events: Array<{ event: CampoEventName; payload: unknown }> = [];
  const projectsDir = join(root, 'projects');
  const core = createCore({
    host: desktop ? 'electron' : 'browser',
    ...(desktop ? { pickSavePath: async () => desktop.savePath() } : {}),
    settings: await SettingsStore.load(join(root, 'config')),
    defaultProjectsDir: projectsDir,
    resourcesDir: findResourcesDir(),
    logger: createLogger(null),
    emit<E extends CampoEventName>(event: E, payload: CampoEvents[E]) {
      events.push({ event, payload });
    },
  });
  // Closed before its folder is removed (finished hooks run last first): background cache work
  // must not write into a folder being deleted.
  onTestFinished(() => core.shutdown());
  return { core, events, projectsDir, root };
}

const logger = createLogger(null);

/** Typed callers of `core` as one window (`clientId`): `call` fails the test on an error. */
function callersOf(core: ReturnType<typeof createCore>, clientId: string) {
  const caller = { clientId };
  const call = async <K extends HandlerName>(
    name: K,
    args: HandlerArgs<K>,
  ): Promise<HandlerResult<K>> => {
    const answer = await dispatch(core.handlers, name, args, logger, caller);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as HandlerResult<K>;
  };
  const refusal = async <K extends HandlerName>(name: K, args: HandlerArgs<K>) => {
    const answer = await dispatch(core.handlers, name, args, logger, caller);
    expect(answer.ok, `${name} should be refused`).toBe(false);
    return (answer as { error: { code: string; details?: Record<string, unknown> } }).error;
  };
  return { call, refusal };
}

/**
 * A core with an open empty project, a typed caller that fails the test on an error, and `as`
 * for calls from another window (its own undo history and events).
 */
export async function projectCore() {
  const { core, projectsDir, events } = await testCore();
  const { call, refusal } = callersOf(core, 'local');
  const created = await call('projectCreate', { name: 'Campo', parentDir: projectsDir });
  return {
    core,
    call,
    refusal,
    events,
    dir: created.path,
    as: (clientId: string) => callersOf(core, clientId),
  };
}
