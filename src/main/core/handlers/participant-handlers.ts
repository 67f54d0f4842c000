import { randomUUID } from 'node:crypto';
import {
  intervieweeCode,
  isCodeTaken,
  nextParticipantCode,
  participantCodeClashes,
} from '../../../shared/domain/pseudonyms';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { ParticipantSchema } from '../../../shared/model/project';
import { readSpreadsheetRows } from '../import/spreadsheet-file';
import { findById, type CoreState } from './context';

type ParticipantHandlers = Pick<
  Handlers,
  | 'participantAdd'
  | 'participantUpdate'
  | 'participantLinks'
  | 'participantDelete'
  | 'participantsReadFile'
  | 'participantsImport'
>;

const duplicate = (code: string) =>
  new CampoError('DUPLICATE', `Pseudonym ${code} is already used`, { field: 'code', value: code });

/** Participants (cases): pseudonyms, personal data kept apart, list import. */
export function participantHandlers(state: CoreState): ParticipantHandlers {
  return {
    /** Adds a participant; without a code, the next pseudonym (FG-01-P3 inside a focus group). */
    async participantAdd({ sessionId, ...fields }) {
      const session = state.requireSession();
      const id = randomUUID();
      await session.mutate((project) => {
        const field = sessionId ? project.sessions.find((s) => s.id === sessionId) : undefined;
        if (sessionId && !field)
          throw new CampoError('NOT_FOUND', `No session ${sessionId}`, { id: sessionId });
        const code =
          fields.code ??
          (field?.kind === 'interview'
            ? intervieweeCode(project.participants, field.code)
            : nextParticipantCode(
                project.participants,
                field?.kind === 'focusGroup' ? field.code : undefined,
                project.sessions.map((s) => s.code),
              ));
        if (isCodeTaken(project.participants, code)) throw duplicate(code);
        const clashes = project.sessions.filter((s) => s.id !== field?.id);
        if (fields.code !== undefined && participantCodeClashes(clashes, { id, code }))
          throw duplicate(code);
        project.participants.push(ParticipantSchema.parse({ ...fields, id, code }));
        field?.participantIds.push(id);
      });
      return findById(session.project.participants, id, 'participant');
    },

    async participantUpdate({ id, patch, baseRev }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        const participant = findById(project.participants, id, 'participant');
        const before = participant.code;
        session.rebase('participant', participant, baseRev, participant.code, (draft) => {
          Object.assign(draft, patch);
        });
        // Checked when the pseudonym changes: it must not be another's or an interview's code.
        if (
          participant.code !== before &&
          (isCodeTaken(project.participants, participant.code, id) ||
            participantCodeClashes(project.sessions, { id, code: participant.code }))
        )
          throw duplicate(participant.code);
      });
      return findById(session.project.participants, id, 'participant');
    },

    async participantLinks({ id }) {
      const { project } = state.requireSession();
      findById(project.participants, id, 'participant');
      return {
        sessions: project.sessions.filter((s) => s.participantIds.includes(id)).map((s) => s.code),
        sources: project.sources.filter((s) => s.participantIds.includes(id)).map((s) => s.title),
      };
    },

    /** Deletes a participant; their turns in transcripts stay, attributed to no one. */
    async participantDelete({ id }) {
      const session = state.requireSession();
      const touched = session.project.sources
        .filter((s) => s.participantIds.includes(id))
        .map((s) => s.id);
      await session.mutate((project) => {
        findById(project.participants, id, 'participant');
        project.participants = project.participants.filter((p) => p.id !== id);
        for (const field of project.sessions)
          field.participantIds = field.participantIds.filter((p) => p !== id);
        for (const summary of project.sources)
          summary.participantIds = summary.participantIds.filter((p) => p !== id);
      });
      for (const sourceId of touched) {
        await session.mutateSource(sourceId, (source) => {
          for (const turn of source.turns) if (turn.participantId === id) turn.participantId = null;
        });
      }
      return null;
    },

    participantsReadFile: ({ fileName, data }) =>
      readSpreadsheetRows(Buffer.from(data, 'base64'), fileName),

    /** Adds the previewed participants all at once, or none if any pseudonym is already taken. */
    async participantsImport({ participants }) {
      const session = state.requireSession();
      const ids: string[] = [];
      await session.mutate((project) => {
        for (const fields of participants) {
          if (isCodeTaken(project.participants, fields.code)) throw duplicate(fields.code);
          const id = randomUUID();
          project.participants.push(ParticipantSchema.parse({ ...fields, id }));
          ids.push(id);
        }
      });
      return ids.map((id) => findById(session.project.participants, id, 'participant'));
    },
  };
}
