/**
 * The trusted-file shortcut (STORE-V2 §4): opening skips the schema check of a project.json only
 * when it is the very file Campo last wrote (its stamp kept in the clean cache state). Any other
 * file — edited by hand, replaced by a sync tool, changed while the project was open — is checked
 * in full, and a broken one is refused with the usual PROJECT_CORRUPT error.
 */
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CampoError } from '../../../src/shared/ipc/errors';
import { projectCodec } from '../../../src/main/core/store/codecs';
import { projectFileTrusted, stampOf } from '../../../src/main/core/store/caches';
import { openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { applyCoding } from '../../../src/shared/domain/coding';
import type { ProjectFile } from '../../../src/shared/model/project';
import type { SourceFile } from '../../../src/shared/model/source';
import { newProject } from '../../helpers/store';

const ANNA = { id: 'ev-anna', name: 'Anna' };
const TEXT = 'Intervistatore: Com’è andata?\nINT-01: Bene, la città ha risposto.\n';

function transcript(id: string): SourceFile {
  const now = new Date().toISOString();
  return {
    ...{ id, title: `Intervista ${id}`, kind: 'transcript', origin: 'typed', fictional: false },
    ...{ text: TEXT, turns: [], codings: [], memos: [], createdAt: now, updatedAt: now },
  };
}

function code(session: ProjectSession, id: string, passage: string, codeId: string) {
  return session.mutateSource(id, (draft) => {
    const start = draft.text.indexOf(passage);
    draft.codings = applyCoding(draft.codings, draft.text, {
      id: `c-${codeId}-${start}`,
      ...{ codeId, start, end: start + passage.length, coderId: session.evaluator.id },
      createdAt: new Date().toISOString(),
    });
  });
}

/** A closed project with two sources, a question and a coding: its caches written clean. */
async function savedProject(): Promise<string> {
  const { dir, session } = await newProject('Fidata', { evaluator: ANNA });
  await session.addSource(transcript('s1'));
  await session.addSource(transcript('s2'));
  await code(session, 's1', 'la città', 'code-a');
  await session.close();
  return dir;
}

const projectPath = (dir: string) => join(dir, 'project.json');

/** Calls of the project.json schema check made while `work` runs. */
async function checksDuring<T>(dir: string, work: () => Promise<T>) {
  const spy = vi.spyOn(projectCodec, 'parse');
  try {
    const result = await work().catch((error: unknown) => error);
    const checks = spy.mock.calls.filter(([, path]) => path === projectPath(dir)).length;
    return { result, checks };
  } finally {
    spy.mockRestore();
  }
}

/** Writes `change` of project.json the way an editor or a sync tool does: a new file renamed over. */
async function editByHand(dir: string, change: (raw: ProjectFile) => void) {
  const raw = JSON.parse(await readFile(projectPath(dir), 'utf8'));
  change(raw);
  await writeFile(`${projectPath(dir)}.edit`, JSON.stringify(raw, null, 2));
  await rename(`${projectPath(dir)}.edit`, projectPath(dir));
}

afterEach(() => vi.restoreAllMocks());

describe('a project.json Campo itself last wrote', () => {
  it('opens without a second schema check, with everything in it', async () => {
    const dir = await savedProject();
    expect(await projectFileTrusted(dir, await stampOf(projectPath(dir)))).toBe(true);
    const onDisk = JSON.parse(await readFile(projectPath(dir), 'utf8'));
    const { result, checks } = await checksDuring(dir, () => openProject(dir, { evaluator: ANNA }));
    const session = result as ProjectSession;
    expect(checks).toBe(0);
    expect(session.project).toEqual(onDisk);
    expect(session.project.sources.map((s) => s.id)).toEqual(['s1', 's2']);
    // A save still validates what it writes, and the file it writes is trusted in turn.
    await session.mutate((project) => {
      project.meta.title = 'Fidata, rinominata';
    });
    await session.close();
    const again = await checksDuring(dir, () => openProject(dir, { evaluator: ANNA }));
    expect(again.checks).toBe(0);
    expect((again.result as ProjectSession).project.meta.title).toBe('Fidata, rinominata');
    await (again.result as ProjectSession).close();
  });

  it('is checked in full when there is no clean cache state to vouch for it', async () => {
    const dir = await savedProject();
    await rm(join(dir, 'cache'), { recursive: true });
    const { result, checks } = await checksDuring(dir, () => openProject(dir, { evaluator: ANNA }));
    expect(checks).toBe(1);
    await (result as ProjectSession).close();
  });
});

describe('a project.json changed outside Campo', () => {
  /** The error opening `dir` gives now, and the one the same bytes give with no cache at all. */
  async function refusals(dir: string) {
    const { result: trustedPath, checks } = await checksDuring(dir, () =>
      openProject(dir, { evaluator: ANNA }),
    );
    await rm(join(dir, 'cache'), { recursive: true, force: true });
    const plain = await openProject(dir, { evaluator: ANNA }).catch((error: unknown) => error);
    return { error: trustedPath as CampoError, plain: plain as CampoError, checks };
  }

  it('is checked again, and a broken one refused with the usual message (file renamed over)', async () => {
    const dir = await savedProject();
    await editByHand(dir, (raw) => {
      raw.sources[0]!.title = '';
    });
    const bytes = await readFile(projectPath(dir), 'utf8');
    expect(await projectFileTrusted(dir, await stampOf(projectPath(dir)))).toBe(false);
    const { error, plain, checks } = await refusals(dir);
    expect(checks).toBe(1);
    expect(error).toBeInstanceOf(CampoError);
    expect(error.code).toBe('PROJECT_CORRUPT');
    expect(String(error.details?.reason)).toContain('sources.0.title');
    // The same refusal as without any cache: message, reason and backups offered.
    expect(plain.code).toBe('PROJECT_CORRUPT');
    expect(error.message).toBe(plain.message);
    // The cache's copy of the last saved project.json is offered too; without the cache, not.
    const { lastSaved, ...details } = error.details ?? {};
    const { lastSaved: none, ...plainDetails } = plain.details ?? {};
    expect(details).toEqual(plainDetails);
    expect(lastSaved).toEqual({ savedAt: expect.any(String) });
    expect(none).toBeNull();
    // Refusing changed nothing: the damaged file is left for the user (or a restore) to deal with.
    expect(await readFile(projectPath(dir), 'utf8')).toBe(bytes);
  });

  it('is checked again when edited in place, same inode and same size', async () => {
    const dir = await savedProject();
    const before = await stat(projectPath(dir));
    const text = await readFile(projectPath(dir), 'utf8');
    // Same length, broken: a source loses its title, spaces keep every other byte in place.
    const title = '"title": "Intervista s1"';
    const broken = text.replace(title, '"title": ""'.padEnd(title.length, ' '));
    expect(broken).not.toBe(text);
    expect(broken.length).toBe(text.length);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(projectPath(dir), broken);
    const after = await stat(projectPath(dir));
    expect([after.ino, after.size]).toEqual([before.ino, before.size]);
    const { error, checks } = await refusals(dir);
    expect(checks).toBe(1);
    expect(error.code).toBe('PROJECT_CORRUPT');
  });

  it('is checked again and opened when the hand edit is valid', async () => {
    const dir = await savedProject();
    await editByHand(dir, (raw) => {
      raw.meta.title = 'Titolo corretto a mano';
    });
    const { result, checks } = await checksDuring(dir, () => openProject(dir, { evaluator: ANNA }));
    const session = result as ProjectSession;
    expect(checks).toBe(1);
    expect(session.project.meta.title).toBe('Titolo corretto a mano');
    await session.close();
    // Checked once, then trusted again: Campo recorded the file it validated.
    const again = await checksDuring(dir, () => openProject(dir, { evaluator: ANNA }));
    expect(again.checks).toBe(0);
    await (again.result as ProjectSession).close();
  });

  it('is not vouched for when it was replaced while the project was open', async () => {
    const dir = await savedProject();
    const session = await openProject(dir, { evaluator: ANNA });
    // A sync tool puts a broken project.json in place; the session then saves a coding (its
    // layer, not project.json) and closes, writing its caches clean.
    await editByHand(dir, (raw) => {
      raw.sources[1]!.title = '';
    });
    await code(session, 's2', 'Bene', 'code-b');
    await session.close();
    expect(JSON.parse(await readFile(join(dir, 'cache', 'state.json'), 'utf8'))).toMatchObject({
      clean: true,
    });
    const { error, checks } = await refusals(dir);
    expect(checks).toBe(1);
    expect(error.code).toBe('PROJECT_CORRUPT');
    expect(String(error.details?.reason)).toContain('sources.1.title');
  });
});
