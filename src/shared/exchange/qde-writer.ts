/**
 * REFI-QDA export (QDA-XML 1.0): a Campo project as project.qde plus its sources' plain texts,
 * and its codebook as a .qdc. Pure: the caller zips the result (src/main/core/exchange).
 *
 * What goes where: codes → CodeBook (nested by parent); participants → Cases named by pseudonym
 * with Variables for role, organisation, territory, partnership type and the typed attributes;
 * sources → TextSource with one PlainTextSelection and one Coding per coding, positions in code
 * points; source memos → Notes; interviews and focus groups → Sets of their sources; coders →
 * Users. Personal names, consent, evaluation questions, indicators, NGT sessions, matrices and
 * speaker turns have no place in the standard (or must not leave the project) and are not
 * written.
 */
import { CampoError } from '../ipc/errors';
import type { ProjectFile } from '../model/project';
import type { SourceFile } from '../model/source';
import { APP_VERSION } from '../version';
import { variablesOf, writeCases, writeVariables } from './qde-writer-cases';
import { writeCodeTree } from './qde-writer-codes';
import { memosOf, planSource, writeTextSource, type PlannedSource } from './qde-writer-sources';
import { dateTimeOr, guidOf, XmlWriter } from './qde-writer-xml';

export { planSource, type PlannedSource } from './qde-writer-sources';
export { guidOf } from './qde-writer-xml';

const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';
const ORIGIN = `Campo ${APP_VERSION}`;

const FICTIONAL_NOTE = {
  it: 'Testo fittizio, inventato a scopo dimostrativo: non citarlo come evidenza.',
  en: 'Fictional text, invented for demonstration: do not quote it as evidence.',
} as const;

/** What {@link buildProjectQde} exports. */
export interface QdeExportInput {
  project: ProjectFile;
  sources: readonly SourceFile[];
  /** ISO timestamp for elements without their own */
  now: string;
  /** the exporting user's name */
  userName: string;
}

/** The project document, the texts it points to, and what was written. */
export interface QdeExport {
  xml: string;
  /** files for sources/: GUID-named UTF-8 .txt */
  files: Array<{ path: string; text: string }>;
  counts: {
    codes: number;
    sources: number;
    /** Codings written, each as a PlainTextSelection with one Coding. */
    codings: number;
    cases: number;
    /**
     * Codings left out: flagged `textChanged`, coded with a code missing from the codebook, or
     * whose range no longer reads as their text (their positions would be wrong).
     */
    skipped: number;
  };
}

/** The sources in the project's order (those it does not list last, as given). */
function ordered(project: ProjectFile, sources: readonly SourceFile[]): SourceFile[] {
  const rank = new Map(project.sources.map((summary, i) => [summary.id, i]));
  return sources
    .map((source, i) => ({ source, key: rank.get(source.id) ?? project.sources.length + i }))
    .sort((a, b) => a.key - b.key)
    .map(({ source }) => source);
}

/** GUIDs of the exported sources each participant takes part in (listed, or speaking in a turn). */
function sourcesByParticipant(
  project: ProjectFile,
  planned: readonly PlannedSource[],
): Map<string, string[]> {
  const listed = new Map(project.sources.map((summary) => [summary.id, summary.participantIds]));
  const byParticipant = new Map<string, string[]>();
  for (const { source, guid, speakers } of planned) {
    const ids = new Set([...(listed.get(source.id) ?? []), ...speakers]);
    for (const id of ids) byParticipant.set(id, [...(byParticipant.get(id) ?? []), guid]);
  }
  return byParticipant;
}

/** Users: the exporting user first, then each coder (by name) in order of first coding. */
function usersOf(
  exportingUser: string,
  planned: readonly PlannedSource[],
  nameOf: (coderId: string) => string,
): Map<string, string> {
  const users = new Map<string, string>([[exportingUser, guidOf(`user:${exportingUser}`)]]);
  for (const { selections } of planned) {
    for (const { coding } of selections) {
      const coder = nameOf(coding.coderId);
      if (coder !== '' && !users.has(coder)) users.set(coder, guidOf(`user:${coder}`));
    }
  }
  return users;
}

/**
 * The project as a REFI-QDA project.qde and the plain texts of its sources (for `sources/`).
 * Codings are exported exactly (slicing a file by a selection's positions, in code points, gives
 * the coded text) or not at all: see `counts.skipped`.
 */
export function buildProjectQde(input: QdeExportInput): QdeExport {
  const codeIds = exportedCodeIds(input.project);
  const sources = ordered(input.project, input.sources);
  const planned = sources.map((source) => planSource(source, codeIds));
  return {
    ...projectQdeOf({ ...input, planned }),
    files: planned.map(({ path }, i) => ({ path, text: sources[i]!.text })),
  };
}

/** The codes whose codings an export writes: those of the codebook (see `planSource`). */
export function exportedCodeIds(project: ProjectFile): ReadonlySet<string> {
  return new Set(project.codes.map((code) => code.id));
}

/** What project.qde is written from (see `projectQdeParts`). */
export interface ProjectQdeInput {
  project: ProjectFile;
  planned: readonly PlannedSource[];
  now: string;
  userName: string;
}

/** project.qde as one string (see `projectQdeParts`), with its counts. */
export function projectQdeOf(input: ProjectQdeInput): Omit<QdeExport, 'files'> {
  const parts = projectQdeParts(input);
  const pieces: string[] = [];
  for (;;) {
    const next = parts.next();
    if (next.done) return { xml: pieces.join(''), counts: next.value };
    pieces.push(next.value);
  }
}

/**
 * project.qde from sources planned one by one (`planSource`, in the project's order), yielded
 * in pieces (a section, a source) that join into the document; returns the counts. An archive
 * of a large project plans each source as it reads it and writes its text straight into the
 * zip, then deflates these pieces as they come: neither the texts nor the document (half a
 * gigabyte of XML for 300,000 codings) are ever whole in memory.
 */
export function* projectQdeParts(input: ProjectQdeInput): Generator<string, QdeExport['counts']> {
  const { project, now, planned } = input;
  const exportingUser = input.userName.trim() || 'Campo';
  const names = new Map(project.evaluators.map((evaluator) => [evaluator.id, evaluator.name]));
  // A coder the team does not name is written without a user, as before evaluators had ids.
  const nameOf = (coderId: string) => (names.get(coderId) ?? '').trim();
  const users = usersOf(exportingUser, planned, nameOf);
  const variables = variablesOf(project);
  const participantSources = sourcesByParticipant(project, planned);
  const exportedSourceGuids = new Map(planned.map(({ source, guid }) => [source.id, guid]));

  const writer = new XmlWriter();
  writer.open('Project', [
    ['xmlns', PROJECT_NAMESPACE],
    ['name', project.meta.title],
    ['origin', ORIGIN],
    ['creationDateTime', dateTimeOr(project.createdAt, now)],
    ['modifiedDateTime', dateTimeOr(project.updatedAt, now)],
  ]);

  writer.open('Users');
  for (const [name, guid] of users)
    writer.empty('User', [
      ['guid', guid],
      ['name', name],
    ]);
  writer.close('Users');

  let codes = 0;
  if (project.codes.length > 0) {
    writer.open('CodeBook');
    writer.open('Codes');
    codes = writeCodeTree(writer, project.codes);
    writer.close('Codes');
    writer.close('CodeBook');
  }

  writeVariables(writer, variables);
  const cases = writeCases(
    writer,
    project.participants,
    variables,
    (id) => participantSources.get(id) ?? [],
  );

  const notes = planned.flatMap(({ source }) =>
    memosOf(source).map((memo, i, all) => ({
      memo,
      guid: guidOf(memo.id),
      name: all.length > 1 ? `Memo ${i + 1} – ${source.title}` : `Memo – ${source.title}`,
    })),
  );
  const noteGuids = new Map(notes.map(({ memo, guid }) => [memo.id, guid]));

  yield writer.drain();
  const context = {
    exportingUser: users.get(exportingUser)!,
    fictionalNote: FICTIONAL_NOTE[project.meta.language],
    userGuidOf: (coderId: string) => users.get(nameOf(coderId)),
    noteGuidOf: (id: string) => noteGuids.get(id)!,
    now,
  };
  if (planned.length > 0) {
    writer.open('Sources');
    for (const source of planned) {
      writeTextSource(writer, source, context);
      yield writer.drain();
    }
    writer.close('Sources');
  }

  if (notes.length > 0) {
    writer.open('Notes');
    for (const { memo, guid, name } of notes) {
      writer.open('Note', [
        ['guid', guid],
        ['name', name],
        ['creationDateTime', dateTimeOr(memo.createdAt, now)],
        ['modifiedDateTime', dateTimeOr(memo.updatedAt, now)],
      ]);
      writer.text('PlainTextContent', memo.text);
      writer.close('Note');
    }
    writer.close('Notes');
  }

  const sets = project.sessions.flatMap((session) => {
    const ids = [...session.sourceIds, ...(session.notesSourceId ? [session.notesSourceId] : [])];
    const members = [...new Set(ids.flatMap((id) => exportedSourceGuids.get(id) ?? []))];
    return members.length > 0 ? [{ session, members }] : [];
  });
  if (sets.length > 0) {
    writer.open('Sets');
    for (const { session, members } of sets) {
      writer.open('Set', [
        ['guid', guidOf(session.id)],
        ['name', session.code],
      ]);
      if (session.title.trim() !== '') writer.text('Description', session.title);
      for (const guid of members) writer.empty('MemberSource', [['targetGUID', guid]]);
      writer.close('Set');
    }
    writer.close('Sets');
  }

  if (project.meta.description.trim() !== '') writer.text('Description', project.meta.description);
  writer.close('Project');

  yield writer.drain();
  return {
    codes,
    sources: planned.length,
    codings: planned.reduce((sum, { selections }) => sum + selections.length, 0),
    cases,
    skipped: planned.reduce((sum, { skipped }) => sum + skipped, 0),
  };
}

/**
 * The project's codebook as a REFI-QDA .qdc document (nested codes with colours and
 * descriptions). The schema needs at least one code, so an empty codebook is refused.
 */
export function buildCodebookQdc(project: ProjectFile): string {
  if (project.codes.length === 0) {
    const reason = project.meta.language === 'it' ? 'il codebook è vuoto' : 'the codebook is empty';
    throw new CampoError('VALIDATION', 'The codebook has no codes to export', { reason });
  }
  const writer = new XmlWriter();
  writer.open('CodeBook', [
    ['xmlns', CODEBOOK_NAMESPACE],
    ['origin', ORIGIN],
  ]);
  writer.open('Codes');
  writeCodeTree(writer, project.codes);
  writer.close('Codes');
  writer.close('CodeBook');
  return writer.toString();
}
