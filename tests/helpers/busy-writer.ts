/**
 * Child process of the `campo info` test: keeps a project busy as a user would, adding and
 * deleting sources and editing project.json as fast as it can, until it is killed. Prints "BUSY"
 * once it has started saving.
 */
import { openProject } from '../../src/main/core/store/project-store';
import { CURRENT_SCHEMA_VERSION } from '../../src/shared/model/project';

const [dir] = process.argv.slice(2) as [string];
const session = await openProject(dir, { backupIntervalMs: 3_600_000 });
const at = '2026-01-01T00:00:00.000Z';
for (let n = 0; ; n += 1) {
  await session.addSource({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: `busy${n}`,
    title: `Trascrizione ${n}`,
    kind: 'transcript',
    origin: 'typed',
    fictional: false,
    text: `Turno ${n}. `.repeat(500),
    turns: [],
    codings: [],
    memos: [],
    createdAt: at,
    updatedAt: at,
  });
  if (n > 0) await session.deleteSource(`busy${n - 1}`);
  await session.mutate((project) => void (project.meta.programme = `giro ${n}`));
  if (n === 0) process.stdout.write('BUSY\n');
}
