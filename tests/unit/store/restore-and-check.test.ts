import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectProject } from '../../../src/main/core/inspect';
import { listBackups } from '../../../src/main/core/store/backups';
import { openProject } from '../../../src/main/core/store/project-store';
import { CURRENT_SCHEMA_VERSION } from '../../../src/shared/model/project';
import { newProject } from '../../helpers/store';

const BUSY = join(import.meta.dirname, '..', '..', 'helpers', 'busy-writer.ts');

describe('interrupted restores and prunings', () => {
  it('finishes at the next open a restore whose journal is there, and says so', async () => {
    const { dir, session } = await newProject('Giornale');
    await session.mutate((p) => (p.meta.programme = 'nel backup'));
    const backup = await session.backupNow();
    await session.mutate((p) => (p.meta.programme = 'dopo il backup'));
    await session.close();
    // What a kill right after the journal leaves: the journal, nothing restored yet.
    const journal = { app: 'campo', backupId: backup.id, removeOthers: true, startedAt: '' };
    await writeFile(join(dir, '.restore.json'), JSON.stringify(journal));

    const report = await inspectProject(dir);
    expect(report.problems).toEqual([{ key: 'cli.problem.restorePending', backupId: backup.id }]);
    const reopened = await openProject(dir);
    expect(reopened.project.meta.programme).toBe('nel backup');
    expect(reopened.notices).toContainEqual({
      kind: 'restored-from-backup',
      backupId: backup.id,
      keptAs: [],
    });
    await reopened.close();
    expect(await readdir(dir)).not.toContain('.restore.json');
    expect((await inspectProject(dir)).problems).toEqual([]);
  });

  it('removes at the next open the backups a kill left half-deleted, by this or an older Campo', async () => {
    const { dir, session } = await newProject('Potatura');
    const kept = await session.backupNow();
    await session.close();
    const root = join(dir, 'backups');
    // A pruning cut short now: renamed aside first, so never listed.
    await mkdir(join(root, '2026-01-01T00-00-00-000Z-auto.pruning', 'sources'), {
      recursive: true,
    });
    // An older Campo deleted in place: the manifest went first, the rest stayed forever.
    const legacy = join(root, '2026-01-02T00-00-00-000Z-auto');
    await mkdir(join(legacy, 'sources'), { recursive: true });
    await writeFile(join(legacy, 'project.json'), '{}');
    expect((await listBackups(dir)).map((b) => b.id)).not.toContain(
      '2026-01-02T00-00-00-000Z-auto',
    );

    const reopened = await openProject(dir, { backupIntervalMs: 3_600_000 });
    await reopened.close();
    const names = await readdir(root);
    expect(names).toContain(kept.id);
    expect(names.filter((name) => name.startsWith('2026-01-0'))).toEqual([]);
  });

  it('refuses to restore a backup whose files are not all there, changing nothing', async () => {
    const { dir, session } = await newProject('Incompleto');
    await session.addSource({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: 's1',
      title: 'Uno',
      kind: 'transcript',
      origin: 'typed',
      fictional: false,
      text: 'testo',
      turns: [],
      codings: [],
      memos: [],
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    // Through the session's queue: a snapshot of its own may be under way (and pruning).
    const backup = await session.backupNow('pre-restore');
    await session.mutate((p) => (p.meta.programme = 'attuale'));
    await session.close();
    await rm(join(dir, 'backups', backup.id, 'sources', 's1.json'));
    const before = await readFile(join(dir, 'project.json'), 'utf8');
    const { restoreBackup } = await import('../../../src/main/core/store/recovery');
    await expect(restoreBackup(dir, backup.id)).rejects.toMatchObject({ code: 'BACKUP_NOT_FOUND' });
    expect(await readFile(join(dir, 'project.json'), 'utf8')).toBe(before);
  });
});

describe('campo info while the app is saving', () => {
  it('reports no problem that is not there, however busy the project is', async () => {
    const { dir, session } = await newProject('Occupato');
    await session.close();
    const child = spawn(process.execPath, ['--import', 'tsx', BUSY, dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('BUSY')) resolve();
        });
        child.on('exit', (code) => reject(new Error(`writer exited ${code}: ${stderr}`)));
      });
      const seen: unknown[] = [];
      for (let check = 0; check < 12; check += 1) {
        const report = await inspectProject(dir);
        seen.push(...report.problems);
        expect(report.counts.sources).toBeGreaterThanOrEqual(1);
      }
      expect(seen).toEqual([]);
    } finally {
      child.kill('SIGKILL');
    }
  }, 60_000);
});
