/**
 * What a work package carries of the open project (packages.ts zips it): the chosen sources,
 * their layers (a blind package keeps only the recipient's), and, without names (the default),
 * the participants by pseudonym and the texts, titles, turns and memos with pseudonyms where
 * their names were (names-out.ts brings the colleague's codings back at the merge).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import type { ProjectFile } from '../../../shared/model/project';
import type { LayerFile, SourceDoc } from '../../../shared/model/source';
import { turnLabel, turnLabelText, unmatchedSpeakers } from '../../../shared/domain/turn-labels';
import { translator } from '../../../shared/i18n';
import {
  anonymiseWithOffsets,
  anonymiser,
  titleAnonymiser,
  titlesWithoutNames,
  type AnonymisedText,
} from '../../../shared/report/anonymise';
import { serializeDocument } from '../store/json-document';
import { serializeLayer } from '../store/layers';
import { CODINGS_DIR, PROJECT_FILE, SOURCES_DIR } from '../store/layout';
import type { ProjectSession } from '../store/project-session';
import { docWithoutNames, moveLayer, textHash } from './names-out';

export interface WorkPackageOptions {
  /** Sources to include (null: all). */
  sourceIds: string[] | null;
  /** Leave out every coder's layers but the recipient's. */
  blind: boolean;
  /** The colleague the package is for, whose own layers a blind package keeps. */
  forEvaluatorId?: string | null;
  /**
   * Carry the participants' names and the transcripts' speaker labels as they are. Without
   * (the default) a participant travels by pseudonym only: the register linking pseudonyms to
   * people stays with the lead, as DESIGN §5 keeps names out of every export.
   */
  withNames?: boolean;
}

/**
 * A source document as a package without names carries it: its text with pseudonyms where the
 * participants' names were (its turns moved with the words), each turn's label its
 * participant's pseudonym, a role ("Intervistatore") as it is, any other label "Voce n"; its
 * title with pseudonyms for names. Returns the anonymised text too, for the layers and the hash.
 */
function sourceWithoutNames(
  bytes: Buffer,
  project: ProjectFile,
  anonymise: (text: string) => string,
  title: (text: string) => string,
): { doc: SourceDoc; original: string; anonymised: AnonymisedText } {
  const read = JSON.parse(bytes.toString('utf8')) as SourceDoc;
  const anonymised = anonymiseWithOffsets(anonymise, read.text);
  const doc = docWithoutNames(read, anonymised);
  doc.title = title(doc.title);
  const pseudonyms = new Map(project.participants.map((person) => [person.id, person.code]));
  const voices = unmatchedSpeakers(doc.turns);
  const t = translator(project.meta.language);
  doc.turns = doc.turns.map((turn) => {
    const speaker = turnLabelText(turnLabel(turn, pseudonyms, voices, false), t) ?? turn.speaker;
    return { ...turn, speaker };
  });
  return { doc, original: read.text, anonymised };
}

/** A project's data files as they will sit in a package (relative path → bytes). */
export type Files = Map<string, string | Uint8Array>;

/** The files of the open project to put in a work package. */
export async function workFiles(
  session: ProjectSession,
  options: WorkPackageOptions,
): Promise<{ files: Files; anonymisedTexts: Record<string, string> | null }> {
  let project = structuredClone(session.project);
  const wanted = options.sourceIds ? new Set(options.sourceIds) : null;
  if (wanted) {
    for (const id of wanted) {
      if (!project.sources.some((summary) => summary.id === id)) {
        throw new CampoError('NOT_FOUND', `No source ${id}`, { id });
      }
    }
    project.sources = project.sources.filter((summary) => wanted.has(summary.id));
    for (const field of project.sessions) {
      field.sourceIds = field.sourceIds.filter((id) => wanted.has(id));
      if (field.notesSourceId && !wanted.has(field.notesSourceId)) field.notesSourceId = null;
    }
  }
  project.merges = [];
  // Without names: the people's records carry none, and titles ("INT-01_Bianchi", filled in
  // from a file's name) give their pseudonyms instead, as the report does.
  const anonymise = options.withNames ? null : anonymiser(session.project.participants);
  const title = options.withNames ? null : titleAnonymiser(session.project.participants);
  if (anonymise && title) {
    project = titlesWithoutNames(project, title);
    project.participants = project.participants.map((person) => ({ ...person, name: '' }));
  }
  // The consensus's "neither" decisions go where their sources go, and never in a blind
  // package (they are the lead's verdict on the others' codings).
  const kept = new Set(project.sources.map((summary) => summary.id));
  project.consensusDecisions = options.blind
    ? []
    : project.consensusDecisions.filter((decision) => kept.has(decision.sourceId));
  const files: Files = new Map();
  const hashes: Record<string, string> = {};
  const without = new Map<string, AnonymisedText>();
  const ids = project.sources.map((summary) => summary.id);
  const layers = await session.readLayers(ids);
  for (const id of ids) {
    const bytes = await readFile(join(session.dir, SOURCES_DIR, `${id}.json`));
    const ofSource = [...(layers.get(id) ?? new Map<string, LayerFile>()).values()].filter(
      (layer) => !options.blind || layer.coderId === options.forEvaluatorId,
    );
    if (!anonymise || !title) {
      files.set(`${SOURCES_DIR}/${id}.json`, bytes);
      for (const layer of ofSource) {
        files.set(`${CODINGS_DIR}/${id}/${layer.coderId}.json`, serializeLayer(layer));
      }
      continue;
    }
    // Without names the words change where names were: codings and turns move with them.
    const { doc, original, anonymised } = sourceWithoutNames(
      bytes,
      session.project,
      anonymise,
      title,
    );
    files.set(`${SOURCES_DIR}/${id}.json`, serializeDocument(doc));
    hashes[id] = textHash(doc.text);
    without.set(id, anonymised);
    for (const layer of ofSource) {
      const moved = moveLayer(layer, original, doc.text, anonymised.offset, anonymise);
      files.set(`${CODINGS_DIR}/${id}/${layer.coderId}.json`, serializeLayer(moved));
    }
  }
  // What project.json says of those texts follows them: their length, the decisions' offsets.
  project.sources = project.sources.map((summary) => {
    const anonymised = without.get(summary.id);
    return anonymised ? { ...summary, characters: anonymised.text.length } : summary;
  });
  project.consensusDecisions = project.consensusDecisions.map((decision) => {
    const anonymised = without.get(decision.sourceId);
    if (!anonymised) return decision;
    const start = anonymised.offset(decision.start, 'start');
    return { ...decision, start, end: Math.max(anonymised.offset(decision.end, 'end'), start + 1) };
  });
  files.set(PROJECT_FILE, serializeDocument(project));
  return { files, anonymisedTexts: anonymise ? hashes : null };
}
