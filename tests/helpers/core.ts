import { join } from 'node:path';
import { createCore } from '../../src/main/core/handlers';
import { createLogger } from '../../src/main/core/logger';
import { findResourcesDir } from '../../src/main/core/paths';
import { SettingsStore } from '../../src/main/core/settings';
import type { CampoEventName, CampoEvents } from '../../src/shared/ipc/types';
import { tempDir } from './temp-dir';

/** A core as a host would build it, over temp folders, recording the events it pushes. */
export async function testCore() {
  const root = await tempDir();
  const events: Array<{ event: CampoEventName; payload: unknown }> = [];
  const projectsDir = join(root, 'projects');
  const core = createCore({
    host: 'browser',
    settings: await SettingsStore.load(join(root, 'config')),
    defaultProjectsDir: projectsDir,
    resourcesDir: findResourcesDir(),
    logger: createLogger(null),
    emit<E extends CampoEventName>(event: E, payload: CampoEvents[E]) {
      events.push({ event, payload });
    },
  });
  return { core, events, projectsDir, root };
}
