import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups, readBackupFile } from '../../../src/main/core/store/backups';
import {
  MIGRATIONS,
  migrateFolder,
  migrationsAreContiguous,
  type Migration,
} from '../../../src/main/core/store/migrations';
import { openProject } from '../../../src/main/core/store/project-store';
import { CURRENT_SCHEMA_VERSION } from '../../../src/shared/model/project';
import { copyFixture } from '../../helpers/store';

describe('migrations', () => {
  it('are numbered 1…current without gaps', () => {
    expect(migrationsAreContiguous()).toBe(true);
    expect(migrationsAreContiguous([{ ...MIGRATIONS[0]!, version: 2 }])).toBe(false);
  });

  it('opens a v0 prototype project: backup first, documents sharded, fields mapped', async () => {
    const dir = await copyFixture('v0-prototype');
    const original = await readFile(join(dir, 'project.json'), 'utf8');

    const session = await openProject(dir);
    const notice = session.notices.find((n) => n.kind === 'migrated');
    expect(notice).toMatchObject({ kind: 'migrated', from: 0, to: CURRENT_SCHEMA_VERSION });

    const project = session.project;
    expect(project.meta.title).toBe('Valutazione POR FSE – prototipo');
    expect(project.createdAt).toBe('2026-03-02T09:15:00.000Z');
    expect(project.questions.map((q) => [q.code, q.criterion, q.methods])).toEqual([
      ['DV1', 'Contesto e SWOT', ['analisi desk', 'interviste semi-strutturate']],
      ['DV8', 'Partenariato', ['analisi desk', 'interviste']],
    ]);
    expect(project.participants.map((p) => [p.code, p.organisation])).toEqual([
      ['INT-01', 'Regione Lombardia'],
      ['INT-02', 'Comune di Bergamo'],
    ]);
    expect(project.sources.map((s) => s.title)).toEqual([
      'Intervista INT-02 (appunti)',
      'Nota di campo',
    ]);
    expect((await readdir(join(dir, 'sources'))).sort()).toEqual([
      'legacy-doc-1.json',
      'legacy-doc-2.json',
    ]);
    const interview = await session.readSource('legacy-doc-1');
    expect(interview.text).toBe(
      'Intervistatore: Come è cambiato il laboratorio sociale?\nINT-02: Con il lockdown ci siamo spostati su WhatsApp 📱 e telefono.\n',
    );
    await session.close();

    // The pre-migration backup holds the v0 file byte for byte.
    const [backup] = await listBackups(dir).then((all) =>
      all.filter((b) => b.kind === 'pre-migration'),
    );
    expect(backup?.schemaVersion).toBe(0);
    const saved = await readBackupFile(dir, backup!.id, 'project.json');
    expect(saved).toEqual({ status: 'ok', value: JSON.parse(original) });

    // A second open does not migrate again.
    const again = await openProject(dir);
    expect(again.notices.some((n) => n.kind === 'migrated')).toBe(false);
    expect(again.project.id).toBe(project.id);
    await again.close();
  });

  it('resumes a migration interrupted after some sources were written', async () => {
    const dir = await copyFixture('v0-prototype');
    // A crash after the first source file was written (atomically) but before project.json.
    await mkdir(join(dir, 'sources'), { recursive: true });
    const partial = {
      schemaVersion: 1,
      id: 'legacy-doc-1',
      title: 'Intervista INT-02 (appunti)',
      text: 'testo della prima esecuzione',
      createdAt: '2026-03-02T09:15:00.000Z',
      updatedAt: '2026-03-02T09:15:00.000Z',
    };
    await writeFile(join(dir, 'sources', 'legacy-doc-1.json'), JSON.stringify(partial));
    const session = await openProject(dir);
    expect(session.project.sources.map((s) => s.id)).toEqual(['legacy-doc-1', 'legacy-doc-2']);
    expect(session.notices.some((n) => n.kind === 'orphan-sources-recovered')).toBe(false);
    await session.close();
  });

  it('refuses to migrate when a source file is damaged, and changes nothing', async () => {
    const dir = await copyFixture('v0-prototype');
    await mkdir(join(dir, 'sources'), { recursive: true });
    await writeFile(join(dir, 'sources', 'legacy-doc-1.json'), '{"schemaVersion": 1, "id": "leg');
    const before = await readFile(join(dir, 'project.json'), 'utf8');
    const error = await openProject(dir).catch((e) => e);
    expect(error).toMatchObject({ code: 'SOURCE_CORRUPT' });
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before);
    expect(await listBackups(dir)).toEqual([]);
  });

  it('skips sources already at a step and runs the others through it', () => {
    const seen: string[] = [];
    const step: Migration = {
      version: 1,
      description: 'test',
      up(folder) {
        seen.push(...folder.sources.keys());
        return { project: { ...folder.project, schemaVersion: 1 }, sources: folder.sources };
      },
    };
    const result = migrateFolder(
      {
        project: { schemaVersion: 0 },
        sources: new Map([
          ['done', { schemaVersion: 1 }],
          ['todo', { schemaVersion: 0 }],
        ]),
      },
      { newId: () => 'id', now: () => '2026-01-01T00:00:00.000Z' },
      [step],
    );
    expect(seen).toEqual(['todo']);
    expect([...result.sources.keys()].sort()).toEqual(['done', 'todo']);
  });
});
