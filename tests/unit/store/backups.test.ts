import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createSnapshot,
  listBackups,
  newestBackupTime,
  pruneBackups,
  readBackupFile,
} from '../../../src/main/core/store/backups';
import { openProject } from '../../../src/main/core/store/project-store';
import { newProject } from '../../helpers/store';

/** A clock the test moves by hand. */
function clock(start = Date.parse('2026-11-24T09:00:00.000Z')) {
  let now = start;
  return { now: () => new Date(now), advance: (minutes: number) => (now += minutes * 60_000) };
}

describe('backups', () => {
  it('refuses to open a snapshot as a project and leaves it as it was', async () => {
    const { dir, session } = await newProject('Valutazione Lecco');
    await session.mutate((p) => (p.meta.programme = 'prima'));
    await session.close();
    const [backup] = await listBackups(dir);
    const folder = join(dir, 'backups', backup!.id);
    const before = (await readdir(folder)).sort();
    const refused = await openProject(folder).catch((error: unknown) => error);
    expect(refused).toMatchObject({
      code: 'PROJECT_IS_BACKUP',
      details: { project: 'Valutazione Lecco' },
    });
    // No lock, cache or nested backup written into it.
    expect((await readdir(folder)).sort()).toEqual(before);
  });

  it('snapshots on open and then at most once per interval while saving', async () => {
    const time = clock();
    const { dir, session } = await newProject('Backup', { now: time.now });
    await session.close();

    const opened = await openProject(dir, { now: time.now, backupIntervalMs: 10 * 60_000 });
    await opened.mutate((p) => (p.meta.programme = 'uno'));
    time.advance(5);
    await opened.mutate((p) => (p.meta.programme = 'due'));
    time.advance(6);
    await opened.mutate((p) => (p.meta.programme = 'tre'));
    await opened.close();

    const autos = (await listBackups(dir)).filter((b) => b.kind === 'auto');
    // One at open (09:00) and one after the save at 09:11; none at 09:05.
    expect(autos.map((b) => b.createdAt)).toEqual([
      '2026-11-24T09:11:00.000Z',
      '2026-11-24T09:00:00.000Z',
    ]);
  });

  it('keeps what was saved at snapshot time, whatever is written afterwards', async () => {
    const { dir, session } = await newProject();
    await session.mutate((p) => (p.meta.programme = 'prima'));
    const backup = await session.backupNow();
    await session.mutate((p) => (p.meta.programme = 'dopo'));
    await session.close();
    const saved = await readBackupFile(dir, backup.id, 'project.json');
    expect(
      saved.status === 'ok' && (saved.value as { meta: { programme: string } }).meta.programme,
    ).toBe('prima');
  });

  it('survive damage to the live file: a snapshot holds its own copy', async () => {
    const { dir, session } = await newProject();
    await session.mutate((p) => (p.meta.programme = 'da salvare'));
    const backup = await session.backupNow();
    await session.close();
    // Damage project.json in place (same inode), as a faulty disk or an editor would.
    const { open } = await import('node:fs/promises');
    const handle = await open(join(dir, 'project.json'), 'r+');
    await handle.write('XXXXXXXX', 0);
    await handle.close();
    const saved = await readBackupFile(dir, backup.id, 'project.json');
    expect(saved.status).toBe('ok');
    const [live, copy] = await Promise.all([
      stat(join(dir, 'project.json')),
      stat(join(dir, 'backups', backup.id, 'project.json')),
    ]);
    expect(copy.ino).not.toBe(live.ino);
  });

  it('copy only what changed since the previous snapshot and link the rest to it', async () => {
    const { dir, session } = await newProject();
    const source = (id: string) => ({
      schemaVersion: 2 as const,
      id,
      title: id,
      kind: 'transcript' as const,
      origin: 'typed' as const,
      fictional: false,
      text: 'testo '.repeat(1000),
      turns: [],
      codings: [],
      memos: [],
      createdAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    await session.addSource(source('a'));
    await session.addSource(source('b'));
    const first = await session.backupNow();
    await session.mutateSource('a', (draft) => (draft.title = 'a, rivisto'));
    const second = await session.backupNow();
    await session.close();
    const inode = (backupId: string, file: string) =>
      stat(join(dir, 'backups', backupId, file)).then((s) => s.ino);
    expect(await inode(second.id, 'sources/b.json')).toBe(await inode(first.id, 'sources/b.json'));
    expect(await inode(second.id, 'sources/a.json')).not.toBe(
      await inode(first.id, 'sources/a.json'),
    );
    const a = await readBackupFile(dir, second.id, 'sources/a.json');
    expect(a.status === 'ok' && (a.value as { title: string }).title).toBe('a, rivisto');
  });

  it('prunes old automatic snapshots, keeping recent ones, one per day and every pre-migration one', async () => {
    const { dir, session } = await newProject();
    await session.close();
    const start = Date.parse('2026-11-01T08:00:00.000Z');
    for (let day = 0; day < 5; day += 1) {
      for (let hour = 0; hour < 4; hour += 1) {
        await createSnapshot(dir, 'auto', 1, new Date(start + day * 86_400_000 + hour * 3_600_000));
      }
    }
    await createSnapshot(dir, 'pre-migration', 0, new Date(start - 86_400_000 * 30));
    await mkdir(join(dir, 'backups', '2026-11-01T00-00-00-000Z-auto.partial'));

    await pruneBackups(dir, { keepRecent: 6, keepDays: 3 });
    const left = await listBackups(dir);
    const autos = left.filter((b) => b.kind === 'auto').map((b) => b.createdAt);
    // 6 most recent (day 5: 4, day 4: 2) + newest of day 3 (the 3-day allowance covers days 5, 4, 3).
    expect(autos).toEqual([
      '2026-11-05T11:00:00.000Z',
      '2026-11-05T10:00:00.000Z',
      '2026-11-05T09:00:00.000Z',
      '2026-11-05T08:00:00.000Z',
      '2026-11-04T11:00:00.000Z',
      '2026-11-04T10:00:00.000Z',
      '2026-11-03T11:00:00.000Z',
    ]);
    expect(left.some((b) => b.kind === 'pre-migration')).toBe(true);
    expect((await readdir(join(dir, 'backups'))).some((n) => n.endsWith('.partial'))).toBe(false);
  });

  it('ignores a snapshot folder without its manifest', async () => {
    const { dir, session } = await newProject();
    await session.close();
    await mkdir(join(dir, 'backups', '2026-11-24T10-00-00-000Z-auto'));
    await writeFile(join(dir, 'backups', '2026-11-24T10-00-00-000Z-auto', 'project.json'), '{}');
    expect((await listBackups(dir)).map((b) => b.id)).not.toContain(
      '2026-11-24T10-00-00-000Z-auto',
    );
  });

  it('tell opening when the newest complete one was taken, from its name, as its manifest says', async () => {
    const time = clock();
    const { dir, session } = await newProject('Orari', { now: time.now });
    time.advance(30);
    await createSnapshot(dir, 'auto', 2, time.now());
    time.advance(1);
    await createSnapshot(dir, 'pre-merge', 2, time.now());
    await session.close();
    // Cut short (no manifest): not a snapshot, so not the newest.
    await mkdir(join(dir, 'backups', '2026-11-24T10-00-00-000Z-auto'));
    const autos = (await listBackups(dir)).filter((b) => b.kind === 'auto');
    expect(await newestBackupTime(dir, 'auto')).toBe(Date.parse(autos[0]!.createdAt));
    expect(autos[0]!.createdAt).toBe('2026-11-24T09:30:00.000Z');
    expect(await newestBackupTime(dir, 'pre-migration')).toBe(0);
  });
});
