import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { createProject, type StoreOptions } from '../../src/main/core/store/project-store';
import type { ProjectSession } from '../../src/main/core/store/project-session';
import { SourceStore } from '../../src/main/core/store/source-store';
import { applyCoding } from '../../src/shared/domain/coding';
import type { SourceFile, SpeakerTurn } from '../../src/shared/model/source';
import { tempDir } from './temp-dir';

/** A new empty project in a temp folder; returns the open session. */
export async function newProject(name = 'Valutazione RAV 2021', options: StoreOptions = {}) {
  const parentDir = await tempDir();
  const session = await createProject({ parentDir, name }, options);
  return { parentDir, dir: session.dir, session };
}

/**
 * One evaluator's layer of a source as saved on disk: its file with the coding journal applied,
 * as any reader without the lock sees it (undefined when there is none).
 */
export async function savedLayer(dir: string, sourceId: string, coderId: string) {
  return (await new SourceStore(dir, { readOnly: true }).layersOf(sourceId)).get(coderId);
}

/** A copy of tests/fixtures/<name> in a temp folder (fixtures are never opened in place). */
export async function copyFixture(name: string): Promise<string> {
  const dir = join(await tempDir(), `${name}.campo`);
  await cp(join(import.meta.dirname, '..', 'fixtures', name), dir, { recursive: true });
  return dir;
}

/** Codes `passage` of source `id` with `codeId` as the session's evaluator (id `c-<code>-<start>`). */
export function codePassage(
  session: ProjectSession,
  id: string,
  passage: string,
  codeId = 'code-a',
) {
  return session.mutateSource(id, (draft) => {
    const start = draft.text.indexOf(passage);
    draft.codings = applyCoding(draft.codings, draft.text, {
      id: `c-${codeId}-${start}`,
      codeId,
      start,
      end: start + passage.length,
      coderId: session.evaluator.id,
      createdAt: new Date().toISOString(),
    });
  });
}

/** A typed transcript "Intervista <id>" with `text` and its `turns`, not yet coded. */
export function sourceFile(id: string, text: string, turns: SpeakerTurn[] = []): SourceFile {
  const now = new Date().toISOString();
  return {
    id,
    title: `Intervista ${id}`,
    kind: 'transcript',
    origin: 'typed',
    fictional: false,
    text,
    turns,
    codings: [],
    memos: [],
    createdAt: now,
    updatedAt: now,
  };
}
