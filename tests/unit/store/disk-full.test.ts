import { execFileSync } from 'node:child_process';
import { appendFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { applyCoding } from '../../../src/shared/domain/coding';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CodingHistory } from '../../../src/main/core/coding/history';
import { createProject, openProject } from '../../../src/main/core/store/project-store';
import { CampoError } from '../../../src/shared/ipc/errors';
import type { SourceFile } from '../../../src/shared/model/source';
import { sourceFile } from '../../helpers/store';
import { tempDir } from '../../helpers/temp-dir';

/** Mounts a 512 KiB tmpfs: a real disk that really fills up. Needs root (CI and this machine). */
function mountSmallDisk(dir: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=512k', 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** An edit coding n characters 10n to 10n+8 of a draft with code `code-n`, by `coderId`. */
const codingEdit = (n: number, coderId: string) => (draft: SourceFile) => {
  draft.codings = applyCoding(draft.codings, draft.text, {
    id: `c${n}`,
    codeId: `code-${n}`,
    start: n * 10,
    end: n * 10 + 8,
    coderId,
    createdAt: new Date().toISOString(),
  });
};

/** Fills the disk at `mountPoint` to its last byte (files named after `name`, removed by the caller). */
async function fillDisk(mountPoint: string, name: string): Promise<[string, string]> {
  const filler = join(mountPoint, `${name}-filler.bin`);
  const { statfsSync } = await import('node:fs');
  const free = statfsSync(mountPoint).bavail * statfsSync(mountPoint).bsize;
  await writeFile(filler, Buffer.alloc(free)).catch(() => undefined);
  const pad = join(mountPoint, `${name}-pad.bin`);
  for (let i = 0; i < 64; i++) await appendFile(pad, Buffer.alloc(512)).catch(() => undefined);
  return [filler, pad];
}

describe('a full disk', () => {
  let mountPoint = '';
  let mounted = false;
  beforeAll(async () => {
    mountPoint = join('/tmp', `campo-full-${process.pid}`);
    await mkdir(mountPoint, { recursive: true });
    mounted = mountSmallDisk(mountPoint);
  });
  afterAll(async () => {
    if (mounted) execFileSync('umount', [mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  it('refuses the save with DISK_FULL, keeps the last saved project, and saves again once space is freed', async (context) => {
    if (!mounted) context.skip('cannot mount a tmpfs here (not root)');
    const session = await createProject({ parentDir: mountPoint, name: 'Sul campo' });
    await session.mutate((p) => (p.meta.programme = 'POR FSE 2014-2020'));
    await session.backupNow();
    // Leave about 4 KiB free.
    const filler = join(mountPoint, 'filler.bin');
    const { statfsSync } = await import('node:fs');
    const free = statfsSync(mountPoint).bavail * statfsSync(mountPoint).bsize;
    await writeFile(filler, Buffer.alloc(Math.max(0, free - 4 * 1024)));

    const states: string[] = [];
    session.onSaveState((state) =>
      states.push(state.state === 'failed' ? `failed:${state.code}` : state.state),
    );
    const error = await session
      .mutate((p) => (p.meta.description = 'x'.repeat(15_000)))
      .catch((e: unknown) => e);
    // The save indicator says "not saved: disk full".
    expect(states).toEqual(['saving', 'failed:DISK_FULL']);
    expect(error).toBeInstanceOf(CampoError);
    expect((error as CampoError).code).toBe('DISK_FULL');
    // What the user sees is what is on disk: the last good save.
    expect(session.project.meta.description).toBe('');
    const onDisk = JSON.parse(await readFile(join(session.dir, 'project.json'), 'utf8'));
    expect(onDisk.meta.programme).toBe('POR FSE 2014-2020');
    expect(onDisk.meta.description).toBe('');

    await rm(filler);
    await session.mutate((p) => (p.meta.description = 'ora c’è spazio'));
    await session.close();
    const reopened = await openProject(session.dir);
    expect(reopened.project.meta.description).toBe('ora c’è spazio');
    await reopened.close();
  });

  it('refuses a coding save with DISK_FULL, leaves no half line in the journal, and codes again once space is freed', async (context) => {
    if (!mounted) context.skip('cannot mount a tmpfs here (not root)');
    const session = await createProject(
      { parentDir: mountPoint, name: 'Codifica sul campo' },
      { checkpointIdleMs: 3_600_000 },
    );
    const text = 'La città ha risposto bene, poi i ritardi del bando. '.repeat(20);
    await session.addSource(sourceFile('s1', text));
    const code = (n: number) => session.mutateSource('s1', codingEdit(n, session.evaluator.id));
    const journal = join(session.dir, 'codings.journal');
    // Saves until the next line must start a new page of the disk (the last one has no room).
    let n = 1;
    do await code(n++);
    while ((await readFile(journal)).length % 4096 < 3900);
    const acknowledged = (await session.readSource('s1')).codings.map((c) => c.id);
    const before = await readFile(journal);
    // Fill the disk to the last byte: the next line cannot be written.
    const [filler, pad] = await fillDisk(mountPoint, 'journal');
    const error = await code(n).catch((e: unknown) => e);
    expect((error as CampoError).code).toBe('DISK_FULL');
    // Nothing half-written follows the acknowledged line; the view is what is saved.
    expect(await readFile(journal)).toEqual(before);
    expect((await session.readSource('s1')).codings.map((c) => c.id)).toEqual(acknowledged);

    await rm(filler);
    await rm(pad, { force: true });
    await code(n + 1);
    await session.close();
    const reopened = await openProject(session.dir);
    expect((await reopened.readSource('s1')).codings.map((c) => c.id)).toEqual([
      ...acknowledged,
      `c${n + 1}`,
    ]);
    await reopened.close();
  });
  it('keeps no undo step for a coding the full disk refused, and the step before it still undoes', async (context) => {
    if (!mounted) context.skip('cannot mount a tmpfs here (not root)');
    const session = await createProject(
      { parentDir: mountPoint, name: 'Annullare sul campo' },
      { checkpointIdleMs: 3_600_000 },
    );
    await session.addSource(
      sourceFile('s1', 'Il bando è uscito tardi e i comuni hanno atteso. '.repeat(20)),
    );
    const history = new CodingHistory(session);
    const code = (n: number) =>
      history.record(`Codice ${n}`, (change) =>
        change.editSource('s1', codingEdit(n, session.evaluator.id)),
      );
    await code(1);
    await code(2);
    const [filler, pad] = await fillDisk(mountPoint, 'undo');
    // Saves until one no longer fits (a line shares the journal's last page with earlier ones).
    let error: unknown = null;
    for (let n = 3; n < 60 && !error; n++) {
      error = await code(n).then(
        () => null,
        (e: unknown) => e,
      );
    }
    expect((error as CampoError).code).toBe('DISK_FULL');
    const saved = (await session.readSource('s1')).codings.map((c) => c.id);
    // The refused coding is no step: undo names the last saved one.
    expect(history.state.undo).toBe(`Codice ${saved.length}`);
    // A change on a source that is not there fails before its edit: no step either.
    const missing = await history
      .record('Nessuno', (change) => change.editSource('nope', () => undefined))
      .catch((e: unknown) => e);
    expect((missing as CampoError).code).toBe('NOT_FOUND');
    expect(history.state.undo).toBe(`Codice ${saved.length}`);

    await rm(filler, { force: true });
    await rm(pad, { force: true });
    await history.undo();
    expect((await session.readSource('s1')).codings.map((c) => c.id)).toEqual(saved.slice(0, -1));
    await session.close();
  });
});

describe('a write that fails half-way', () => {
  it('leaves no temporary file and the previous content in place', async () => {
    const parentDir = await tempDir();
    const session = await createProject({ parentDir, name: 'Prova' });
    await session.mutate((p) => (p.meta.programme = 'prima'));
    // Make project.json's folder refuse new files: a write can no longer create its temp file.
    const { chmod, readdir } = await import('node:fs/promises');
    const root = process.getuid?.() === 0;
    if (root) {
      // root ignores permissions: replace the sources folder check with a vanished project folder
      await rm(join(session.dir, 'sources'), { recursive: true });
      const error = await session
        .addSource({
          schemaVersion: 2,
          id: 's1',
          title: 'Intervista',
          kind: 'transcript',
          origin: 'typed',
          fictional: false,
          text: 'testo',
          turns: [],
          codings: [],
          memos: [],
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        })
        .catch((e: unknown) => e);
      expect((error as CampoError).code).toBe('PATH_NOT_FOUND');
      expect(session.project.sources).toEqual([]);
    } else {
      await chmod(session.dir, 0o500);
      const error = await session
        .mutate((p) => (p.meta.programme = 'dopo'))
        .catch((e: unknown) => e);
      await chmod(session.dir, 0o700);
      expect((error as CampoError).code).toBe('PERMISSION_DENIED');
      expect(session.project.meta.programme).toBe('prima');
    }
    expect((await readdir(session.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    await session.close();
  });
});
