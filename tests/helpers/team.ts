/**
 * A team scenario over real project folders: the lead's project with codes, participants, an
 * interview and its transcript; work packages unpacked into colleagues' projects; codings made
 * through the store as each colleague.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { CodeSchema, ParticipantSchema } from '../../src/shared/model/project';
import type { Coding } from '../../src/shared/model/source';
import { unpackWorkPackage } from '../../src/main/core/team/packages';
import { createProject, openProject } from '../../src/main/core/store/project-store';
import type { ProjectSession } from '../../src/main/core/store/project-session';
import { tempDir } from './temp-dir';

export const LEAD = { id: 'ev-lead', name: 'Laura Neri' };
export const ANNA = { id: 'ev-anna', name: 'Anna Bianchi' };
export const MARCO = { id: 'ev-marco', name: 'Marco Rossi' };

export const TEXT =
  'Il bando era troppo complesso per i piccoli comuni. La rete con i servizi per il lavoro ha funzionato bene. Servirebbero più risorse per la formazione.';

/** A project with two codes, two participants, an interview and its transcript. */
export async function leadProject(name = 'Valutazione FSE', evaluator = LEAD) {
  const parentDir = await tempDir();
  const session = await createProject({ parentDir, name }, { evaluator });
  const at = new Date().toISOString();
  await session.mutate((project) => {
    project.codes.push(
      CodeSchema.parse({ id: randomUUID(), name: 'Ostacoli', colour: '#cc0000' }),
      CodeSchema.parse({ id: randomUUID(), name: 'Rete', colour: '#00aa00' }),
    );
    project.participants.push(
      ParticipantSchema.parse({ id: randomUUID(), code: 'INT-01', role: 'Sindaco' }),
      ParticipantSchema.parse({ id: randomUUID(), code: 'INT-02', role: 'Funzionaria' }),
    );
  });
  const source = await session.addSource({
    id: randomUUID(),
    title: 'Intervista INT-01',
    kind: 'transcript',
    origin: 'typed',
    fictional: true,
    text: TEXT,
    turns: [],
    createdAt: at,
    updatedAt: at,
    codings: [],
    memos: [],
  });
  return { parentDir, session, sourceId: source.id };
}

/** Codes `words` of the source with `codeName`, as the session's evaluator. */
export async function code(
  session: ProjectSession,
  sourceId: string,
  words: string,
  codeName: string,
  text = TEXT,
) {
  const codeId = session.project.codes.find((candidate) => candidate.name === codeName)!.id;
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`"${words}" is not in the text`);
  const coding: Coding = {
    id: randomUUID(),
    codeId,
    start,
    end: start + words.length,
    text: words,
    coderId: session.evaluator.id,
    memo: '',
    key: false,
    textChanged: false,
    createdAt: new Date().toISOString(),
  };
  await session.mutateSource(sourceId, (draft) => {
    draft.codings.push(coding);
  });
  return coding.id;
}

/** A colleague's project opened from a work package. */
export async function colleagueProject(bytes: Uint8Array, evaluator: { id: string; name: string }) {
  const dir = join(await tempDir(), 'Pacchetto.campo');
  await unpackWorkPackage(bytes, 'pacchetto.campopkg', dir);
  return openProject(dir, { evaluator });
}

/** Every coding of a source by coder: `coderId → sorted passages`. */
export async function codingsByCoder(session: ProjectSession, sourceId: string) {
  const source = await session.readSource(sourceId);
  const codes = new Map(session.project.codes.map((entry) => [entry.id, entry.name]));
  const result: Record<string, string[]> = {};
  for (const coding of source.codings) {
    (result[coding.coderId] ??= []).push(`${codes.get(coding.codeId)}: ${coding.text}`);
  }
  for (const list of Object.values(result)) list.sort();
  return result;
}
