import { randomUUID } from 'node:crypto';
import { foldAccents } from '../../shared/domain/folding';
import { isCodeTaken, sameCode } from '../../shared/domain/pseudonyms';
import { CampoError } from '../../shared/ipc/errors';
import {
  CURRENT_SCHEMA_VERSION,
  ParticipantSchema,
  type FieldSession,
  type Participant,
  type SourceSummary,
} from '../../shared/model/project';
import type { SourceFile } from '../../shared/model/source';
import type { ProjectSession } from './store/project-session';

/** A transcript ready to be added: text, turns with their mapped participants, where it belongs. */
export interface TranscriptInput {
  title: string;
  origin: SourceFile['origin'];
  kind?: SourceFile['kind'];
  text: string;
  turns: Array<{
    speaker: string;
    start: number;
    end: number;
    time: number | null;
    participantId: string | null;
  }>;
  sessionId?: string | null;
  fictional?: boolean;
  /**
   * Participants to create with the transcript, one per speaker label: the label is kept as the
   * participant's name (personal data), so the name can be recognised in texts and replaced by
   * the pseudonym. Turns of that label get the new participant.
   */
  newParticipants?: ReadonlyArray<{ speaker: string; code: string; role: string }>;
}

/** Finds a session by id or by its code (INT-01, FG-01), as the CLI accepts both. */
export function findSession(sessions: readonly FieldSession[], idOrCode: string): FieldSession {
  const wanted = idOrCode.trim().toUpperCase();
  const session = sessions.find((s) => s.id === idOrCode || s.code.toUpperCase() === wanted);
  if (!session)
    throw new CampoError('NOT_FOUND', `No interview or focus group ${idOrCode}`, { id: idOrCode });
  return session;
}

/**
 * Adds a transcript as a new source and, when it belongs to an interview or focus group, links
 * it there (a planned or done session becomes "transcribed") in the same save.
 */
export async function addTranscript(
  project: ProjectSession,
  input: TranscriptInput,
): Promise<SourceSummary> {
  const { text } = input;
  const created = newParticipants(project, input);
  const turns = input.turns.map((turn) => {
    const fresh = created.find((entry) => entry.speaker === turn.speaker);
    return fresh && turn.participantId === null
      ? { ...turn, participantId: fresh.participant.id }
      : turn;
  });
  for (const turn of turns) {
    if (turn.start > turn.end || turn.end > text.length) {
      throw new CampoError('VALIDATION', 'A turn lies outside the text', {
        reason: `turn ${turn.start}-${turn.end}`,
      });
    }
  }
  const known = new Set([
    ...project.project.participants.map((p) => p.id),
    ...created.map((entry) => entry.participant.id),
  ]);
  const participantIds = [
    ...new Set(turns.flatMap((turn) => (turn.participantId ? [turn.participantId] : []))),
  ];
  const unknown = participantIds.find((id) => !known.has(id));
  if (unknown) throw new CampoError('NOT_FOUND', `No participant ${unknown}`, { id: unknown });
  const sessionId = input.sessionId
    ? findSession(project.project.sessions, input.sessionId).id
    : null;
  const now = new Date().toISOString();
  const source: SourceFile = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: randomUUID(),
    title: input.title,
    kind: input.kind ?? 'transcript',
    origin: input.origin,
    fictional: input.fictional ?? false,
    text,
    turns: turns.map((turn) => ({
      id: randomUUID(),
      ...turn,
      guideQuestionId: null,
      questionIds: [],
    })),
    codings: [],
    memos: [],
    createdAt: now,
    updatedAt: now,
  };
  return project.addSource(source, participantIds, (draft) => {
    for (const { participant } of created) {
      // Checked again inside the save: another window may have taken the code meanwhile.
      if (isCodeTaken(draft.participants, participant.code)) throw duplicateCode(participant.code);
      draft.participants.push(participant);
    }
    const linked = draft.sessions.find((s) => s.id === sessionId);
    if (!linked) return;
    linked.sourceIds.push(source.id);
    for (const { participant } of created) {
      if (!linked.participantIds.includes(participant.id))
        linked.participantIds.push(participant.id);
    }
    if (linked.status === 'planned' || linked.status === 'done') linked.status = 'transcribed';
  });
}

const duplicateCode = (code: string) =>
  new CampoError('DUPLICATE', `Pseudonym ${code} is already used`, { field: 'code', value: code });

/** The participants a transcript import creates, refused when a pseudonym is taken or repeated. */
function newParticipants(
  project: ProjectSession,
  input: TranscriptInput,
): Array<{ speaker: string; participant: Participant }> {
  const created: Array<{ speaker: string; participant: Participant }> = [];
  for (const entry of input.newParticipants ?? []) {
    const code = entry.code.trim();
    const taken = [...project.project.participants, ...created.map((c) => c.participant)];
    if (isCodeTaken(taken, code)) throw duplicateCode(code);
    const participant = ParticipantSchema.parse({
      id: randomUUID(),
      code,
      // A voice labelled with its pseudonym (INT-01) gave no name to keep.
      name: sameCode(entry.speaker, code) ? '' : entry.speaker.trim().slice(0, 300),
      role: entry.role.trim().slice(0, 300),
    });
    created.push({ speaker: entry.speaker, participant });
  }
  return created;
}

/** A source that looks like a transcript being imported again. */
export interface DuplicateSource {
  id: string;
  title: string;
  createdAt: string;
  /** The same text, character for character (else only the same title). */
  sameText: boolean;
}

/** A title as compared for duplicates: without case, accents or extra spaces. */
const titleKey = (title: string) => foldAccents(title).replace(/\s+/g, ' ').trim();

/**
 * Sources that look like the transcript `title`/`text` imported before: the same title, or the
 * same text. Only sources of the same length are read, so a project of thousands of transcripts
 * is not read through.
 */
export async function findDuplicateSources(
  project: ProjectSession,
  title: string,
  text: string,
): Promise<DuplicateSource[]> {
  const found: DuplicateSource[] = [];
  const wanted = titleKey(title);
  for (const summary of project.project.sources) {
    if (summary.kind === 'notes') continue;
    const named = titleKey(summary.title) === wanted;
    let sameText = false;
    if (summary.characters === text.length) {
      const source = await project.readSource(summary.id).catch(() => null);
      sameText = source?.text === text;
    }
    if (named || sameText) {
      found.push({ id: summary.id, title: summary.title, createdAt: summary.createdAt, sameText });
    }
  }
  return found;
}
