import { randomUUID } from 'node:crypto';
import { CampoError } from '../../shared/ipc/errors';
import {
  CURRENT_SCHEMA_VERSION,
  type FieldSession,
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
  const { text, turns } = input;
  for (const turn of turns) {
    if (turn.start > turn.end || turn.end > text.length) {
      throw new CampoError('VALIDATION', 'A turn lies outside the text', {
        reason: `turn ${turn.start}-${turn.end}`,
      });
    }
  }
  const known = new Set(project.project.participants.map((p) => p.id));
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
    const linked = draft.sessions.find((s) => s.id === sessionId);
    if (!linked) return;
    linked.sourceIds.push(source.id);
    if (linked.status === 'planned' || linked.status === 'done') linked.status = 'transcribed';
  });
}
