import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../src/main/core/store/backups';
import { openProject } from '../../../src/main/core/store/project-store';
import { restoreBackup, restoreLastSaved } from '../../../src/main/core/store/recovery';
import { CampoError } from '../../../src/shared/ipc/errors';
import { CURRENT_SCHEMA_VERSION } from '../../../src/shared/model/project';
import type { SourceFile } from '../../../src/shared/model/source';
import { newProject } from '../../helpers/store';

const question = (code: string, text: string) => ({
  id: `q-${code}`,
  code,
  text,
  criterion: 'Efficacia',
  judgementCriteria: '',
  indicators: '',
  sources: '',
  methods: [],
  subQuestions: [],
  answer: '',
});

async function errorOf(promise: Promise<unknown>): Promise<CampoError> {
  const error = await promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CampoError);
  return error as CampoError;
}

describe('project store', () => {
  it('creates the project folder of DESIGN §2 and keeps a saved change across reopen', async () => {
    const { dir, session } = await newProject('Valutazione RAV 2021');
    expect(dir.endsWith('Valutazione RAV 2021.campo')).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['.lock', 'backups', 'project.json', 'sources']);
    await session.mutate((project) => {
      project.questions.push(question('DV1', 'I bisogni sono cambiati dopo la pandemia?'));
    });
    await session.close();
    expect(await readdir(dir)).not.toContain('.lock');

    const reopened = await openProject(dir);
    expect(reopened.project.questions.map((q) => q.code)).toEqual(['DV1']);
    const raw = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    expect(raw.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    await reopened.close();
  });

  it('refuses to create a project over a folder that already has content', async () => {
    const { parentDir, session } = await newProject('Doppio');
    await session.close();
    const { createProject } = await import('../../../src/main/core/store/project-store');
    const error = await errorOf(createProject({ parentDir, name: 'Doppio' }));
    expect(error.code).toBe('PROJECT_EXISTS');
  });

  it('rejects an invalid change, keeps the saved state and says why', async () => {
    const { dir, session } = await newProject();
    await session.mutate((project) => project.questions.push(question('DV1', 'Prima')));
    const error = await errorOf(
      session.mutate((project) => {
        project.questions.push(question('DV2', ''));
      }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(session.project.questions.map((q) => q.code)).toEqual(['DV1']);
    await session.close();
    const raw = JSON.parse(await readFile(join(dir, 'project.json'), 'utf8'));
    expect(raw.questions).toHaveLength(1);
  });

  it('reports saves to the save indicator, but not refused changes (nothing was written)', async () => {
    const { session } = await newProject();
    const states: string[] = [];
    session.onSaveState((state) => states.push(state.state));
    await session.mutate((project) => {
      project.meta.programme = 'POR FSE 2014-2020';
    });
    await errorOf(session.mutate((project) => (project.meta.title = '')));
    await errorOf(
      session.mutate(() => {
        throw new CampoError('DUPLICATE', 'taken', { value: 'DV1' });
      }),
    );
    expect(states).toEqual(['saving', 'saved']);
    expect(session.project.meta.title).toBe('Valutazione RAV 2021');
    await session.close();
  });

  it('refuses a project written by a newer Campo and leaves it untouched', async () => {
    const { dir, session } = await newProject();
    await session.close();
    const path = join(dir, 'project.json');
    const raw = JSON.parse(await readFile(path, 'utf8'));
    raw.schemaVersion = CURRENT_SCHEMA_VERSION + 1;
    await writeFile(path, JSON.stringify(raw));
    const before = await readFile(path, 'utf8');
    const error = await errorOf(openProject(dir));
    expect(error.code).toBe('PROJECT_TOO_NEW');
    expect(error.details).toMatchObject({ fileVersion: CURRENT_SCHEMA_VERSION + 1 });
    expect(await readFile(path, 'utf8')).toBe(before);
    expect(await readdir(dir)).not.toContain('.lock');
  });

  it('says a folder without project.json is not a project', async () => {
    const { parentDir } = await newProject();
    const error = await errorOf(openProject(parentDir));
    expect(error.code).toBe('NOT_A_PROJECT');
    expect((await errorOf(openProject(join(parentDir, 'nope')))).code).toBe('PATH_NOT_FOUND');
  });
});

describe('sources', () => {
  const source = (id: string, text: string): SourceFile => ({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    title: `Intervista ${id}`,
    kind: 'transcript' as const,
    origin: 'typed' as const,
    fictional: false,
    text,
    turns: [],
    codings: [],
    memos: [],
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
  });

  it('stores each source in its own file and rewrites only that file on a coding', async () => {
    const { dir, session } = await newProject();
    await session.addSource(source('s1', 'Città, perché: 👩‍💼 sì.'));
    await session.addSource(source('s2', 'Altro testo'));
    expect((await readdir(join(dir, 'sources'))).sort()).toEqual(['s1.json', 's2.json']);
    // UTF-16 code units: the ZWJ sequence 👩‍💼 counts 5.
    expect(session.project.sources.map((s) => s.characters)).toEqual([24, 11]);

    const projectBefore = await readFile(join(dir, 'project.json'), 'utf8');
    const s2Before = await stat(join(dir, 'sources', 's2.json'));
    await session.mutateSource('s1', (draft) => {
      draft.codings.push({
        id: 'c1',
        codeId: 'k1',
        start: 0,
        end: 5,
        text: 'Città',
        coderId: 'ANNA',
        memo: '',
        key: false,
        textChanged: false,
        createdAt: new Date().toISOString(),
      });
    });
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(projectBefore);
    expect((await stat(join(dir, 'sources', 's2.json'))).mtimeMs).toBe(s2Before.mtimeMs);
    await session.close();

    const reopened = await openProject(dir);
    const s1 = await reopened.readSource('s1');
    expect(s1.codings[0]?.text).toBe(s1.text.slice(0, 5));
    expect(s1.text).toBe('Città, perché: 👩‍💼 sì.');
    await reopened.close();
  });

  it('refuses source ids that could leave the sources folder', async () => {
    const { session } = await newProject();
    expect((await errorOf(session.readSource('../project'))).code).toBe('NOT_FOUND');
    await session.close();
  });

  it('adopts a source file that an interrupted save left out of project.json', async () => {
    const { dir, session } = await newProject();
    await session.close();
    await writeFile(
      join(dir, 'sources', 'orphan.json'),
      JSON.stringify(source('orphan', 'Testo ritrovato')),
    );
    const reopened = await openProject(dir);
    expect(reopened.project.sources.map((s) => s.id)).toEqual(['orphan']);
    expect(reopened.notices).toContainEqual({ kind: 'orphan-sources-recovered', count: 1 });
    await reopened.close();
  });
});

describe('corrupt project.json', () => {
  it('keeps the damaged file, offers the newest valid backup and restores it', async () => {
    const { dir, session } = await newProject('Progetto fragile');
    await session.mutate((project) => project.questions.push(question('DV1', 'Domanda salvata')));
    const backup = await session.backupNow();
    await session.mutate((project) => project.questions.push(question('DV2', 'Dopo il backup')));
    await session.close();

    const path = join(dir, 'project.json');
    const damaged = '{"schemaVersion": 1, "app": "campo", "meta": {"title": "Progetto fr';
    await writeFile(path, damaged);

    const error = await errorOf(openProject(dir));
    expect(error.code).toBe('PROJECT_CORRUPT');
    const offered = (error.details?.backups as Array<{ id: string }>).map((b) => b.id);
    expect(offered[0]).toBe(backup.id);
    expect(await readFile(path, 'utf8')).toBe(damaged);

    const { keptAs } = await restoreBackup(dir, backup.id);
    expect(keptAs).toHaveLength(1);
    expect(await readFile(keptAs[0]!, 'utf8')).toBe(damaged);
    const restored = await openProject(dir);
    expect(restored.project.questions.map((q) => q.code)).toEqual(['DV1']);
    await restored.close();
  });

  it('restores the last saved version Campo kept, newer than any backup, and keeps the damaged file', async () => {
    // Found by a newcomer walk-through: the only backup was the project's first minutes, and
    // restoring it dropped everything since, while Campo held a full copy of the lost file.
    const { dir, session } = await newProject('Progetto fragile');
    await session.mutate((project) => project.questions.push(question('DV1', 'Domanda salvata')));
    await session.backupNow();
    await session.mutate((project) => project.questions.push(question('DV2', 'Dopo il backup')));
    await session.close();
    const path = join(dir, 'project.json');
    const damaged = (await readFile(path, 'utf8')).slice(0, 200);
    await writeFile(path, damaged);

    const error = await errorOf(openProject(dir));
    expect(error.code).toBe('PROJECT_CORRUPT');
    const lastSaved = error.details?.lastSaved as { savedAt: string };
    expect(Date.now() - Date.parse(lastSaved.savedAt)).toBeLessThan(60_000);

    const { keptAs } = await restoreLastSaved(dir);
    expect(await readFile(keptAs[0]!, 'utf8')).toBe(damaged);
    const restored = await openProject(dir);
    expect(restored.project.questions.map((q) => q.code)).toEqual(['DV1', 'DV2']);
    await restored.close();
  });

  it('offers no last saved version when Campo kept none', async () => {
    const { dir, session } = await newProject();
    await session.close();
    await writeFile(join(dir, 'cache', 'project.snapshot'), 'rovinato');
    await writeFile(join(dir, 'project.json'), '{"schemaVersion": 2, "app": "ca');
    const error = await errorOf(openProject(dir));
    expect(error.details?.lastSaved).toBeNull();
    expect((await errorOf(restoreLastSaved(dir))).code).toBe('BACKUP_NOT_FOUND');
  });

  it('treats a project.json that parses but breaks the schema as corrupt too', async () => {
    const { dir, session } = await newProject();
    await session.close();
    const path = join(dir, 'project.json');
    const raw = JSON.parse(await readFile(path, 'utf8'));
    raw.questions = [{ code: 'DV1' }];
    await writeFile(path, JSON.stringify(raw));
    const error = await errorOf(openProject(dir));
    expect(error.code).toBe('PROJECT_CORRUPT');
    expect(String(error.details?.reason)).toContain('questions.0');
  });

  it('makes a pre-restore snapshot when rolling a healthy project back', async () => {
    const { dir, session } = await newProject();
    const first = await session.backupNow();
    await session.mutate((project) => project.questions.push(question('DV1', 'Nuova')));
    await session.close();
    await restoreBackup(dir, first.id);
    const kinds = (await listBackups(dir)).map((b) => b.kind);
    expect(kinds).toContain('pre-restore');
    const reopened = await openProject(dir);
    expect(reopened.project.questions).toHaveLength(0);
    await reopened.close();
  });
});
