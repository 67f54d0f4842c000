import { readdir, readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectLock } from '../../../src/main/core/store/lock';
import { openProject } from '../../../src/main/core/store/project-store';
import { CampoError } from '../../../src/shared/ipc/errors';
import { applyCoding } from '../../../src/shared/domain/coding';
import { newProject, sourceFile } from '../../helpers/store';

const lockFile = (info: Partial<Record<string, unknown>>) =>
  JSON.stringify({
    app: 'campo',
    sessionId: 'other-session',
    pid: 999_999,
    host: hostname(),
    user: 'mario',
    createdAt: new Date().toISOString(),
    heartbeatAt: new Date().toISOString(),
    ...info,
  });

describe('project lock', () => {
  it('refuses a second writer and names who holds the project', async () => {
    const { dir, session } = await newProject();
    const error = (await openProject(dir).catch((e) => e)) as CampoError;
    expect(error).toBeInstanceOf(CampoError);
    expect(error.code).toBe('PROJECT_LOCKED');
    expect(error.details).toMatchObject({ host: hostname(), pid: process.pid });
    await session.close();
    const again = await openProject(dir);
    await again.close();
  });

  it('takes over the lock of a process that died, and says so', async () => {
    const { dir, session } = await newProject();
    await session.close();
    await writeFile(join(dir, '.lock'), lockFile({ pid: 999_999 }));
    expect(await inspectLock(dir, { isProcessAlive: () => false })).toMatchObject({
      stale: true,
      why: 'dead-process',
    });
    const reopened = await openProject(dir, { lock: { isProcessAlive: () => false } });
    expect(reopened.notices[0]).toMatchObject({ kind: 'stale-lock-recovered', pid: 999_999 });
    const lock = JSON.parse(await readFile(join(dir, '.lock'), 'utf8'));
    expect(lock.pid).toBe(process.pid);
    await reopened.close();
  });

  it('respects a live lock from this machine', async () => {
    const { dir, session } = await newProject();
    await session.close();
    await writeFile(join(dir, '.lock'), lockFile({ pid: 4242 }));
    const error = (await openProject(dir, { lock: { isProcessAlive: () => true } }).catch(
      (e) => e,
    )) as CampoError;
    expect(error.code).toBe('PROJECT_LOCKED');
    expect(error.details).toMatchObject({ user: 'mario', pid: 4242 });
  });

  it('trusts another computer only while its heartbeat is fresh', async () => {
    const { dir, session } = await newProject();
    await session.close();
    const now = Date.now();
    await writeFile(
      join(dir, '.lock'),
      lockFile({ host: 'PC-UFFICIO', heartbeatAt: new Date(now - 30_000).toISOString() }),
    );
    expect(await inspectLock(dir)).toMatchObject({ state: 'held', stale: false });
    await writeFile(
      join(dir, '.lock'),
      lockFile({ host: 'PC-UFFICIO', heartbeatAt: new Date(now - 600_000).toISOString() }),
    );
    expect(await inspectLock(dir)).toMatchObject({ stale: true, why: 'no-heartbeat' });
    const reopened = await openProject(dir);
    expect(reopened.notices[0]).toMatchObject({ kind: 'stale-lock-recovered', host: 'PC-UFFICIO' });
    await reopened.close();
  });

  it('treats a lock left from before the last boot as stale', async () => {
    const { dir, session } = await newProject();
    await session.close();
    await writeFile(
      join(dir, '.lock'),
      lockFile({ pid: process.ppid, createdAt: '2001-01-01T00:00:00.000Z' }),
    );
    expect(await inspectLock(dir, { isProcessAlive: () => true })).toMatchObject({
      stale: true,
      why: 'before-boot',
    });
  });

  it('stops writing once another session has taken the project over', async () => {
    const { dir, session } = await newProject();
    let lost = false;
    session.onLockLost(() => (lost = true));
    await writeFile(join(dir, '.lock'), lockFile({ host: 'PC-UFFICIO' }));
    await session.checkLock();
    expect(lost).toBe(true);
    const error = (await session
      .mutate((p) => (p.meta.programme = 'x'))
      .catch((e) => e)) as CampoError;
    expect(error.code).toBe('LOCK_LOST');
    await session.close();
    // The other session's lock is left alone.
    expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8')).host).toBe('PC-UFFICIO');
  });

  it('writes no coding journal over the files of a session that took the project over', async () => {
    const { dir, session } = await newProject('Sospeso', { checkpointIdleMs: 20 });
    await session.addSource(sourceFile('s1', 'La città ha risposto bene.'));
    await session.mutateSource('s1', (draft) => {
      draft.codings = applyCoding(draft.codings, draft.text, {
        id: 'c1',
        codeId: 'code-a',
        start: 3,
        end: 9,
        coderId: session.evaluator.id,
        createdAt: new Date().toISOString(),
      });
    });
    // The laptop slept: another session took the project over before the checkpoint ran.
    await writeFile(join(dir, '.lock'), lockFile({ host: 'PC-UFFICIO' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await session.close();
    expect(await readdir(join(dir, 'codings')).catch(() => [])).toEqual([]);
    // Its journal is left for the session that holds the project (it replays it).
    expect((await readFile(join(dir, 'codings.journal'), 'utf8')).trim()).not.toBe('');
  });
});
