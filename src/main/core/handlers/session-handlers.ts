import { randomUUID } from 'node:crypto';
import {
  isCodeTaken,
  nextSessionCode,
  sessionCodeClashes,
} from '../../../shared/domain/pseudonyms';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import {
  FieldSessionSchema,
  type FieldSession,
  type ProjectFile,
} from '../../../shared/model/project';
import { findById, type CoreState } from './context';

type SessionHandlers = Pick<Handlers, 'sessionAdd' | 'sessionUpdate' | 'sessionDelete'>;

/** Refuses references to participants, sources or questions the project does not have. */
function checkReferences(project: ProjectFile, session: FieldSession): void {
  const missing = (ids: string[], known: { id: string }[]) =>
    ids.find((id) => !known.some((item) => item.id === id));
  const unknown =
    missing(session.participantIds, project.participants) ??
    missing(session.sourceIds, project.sources) ??
    missing(
      session.guide.flatMap((g) => g.questionIds),
      project.questions,
    );
  if (unknown) throw new CampoError('NOT_FOUND', `Unknown reference ${unknown}`, { id: unknown });
  if (
    isCodeTaken(
      project.sessions.filter((s) => s.kind === session.kind),
      session.code,
      session.id,
    )
  ) {
    throw new CampoError('DUPLICATE', `Code ${session.code} is already used`, {
      field: 'code',
      value: session.code,
    });
  }
}

/** Refuses a code that is the pseudonym of a participant who is not in this session. */
function checkCodeClash(project: ProjectFile, session: FieldSession): void {
  if (sessionCodeClashes(project.participants, session)) {
    throw new CampoError('DUPLICATE', `Code ${session.code} is a participant's pseudonym`, {
      field: 'code',
      value: session.code,
    });
  }
}

/** Interviews and focus groups. */
export function sessionHandlers(state: CoreState): SessionHandlers {
  return {
    async sessionAdd({ kind, ...fields }) {
      const store = state.requireSession();
      const id = randomUUID();
      await store.mutate((project) => {
        const session = FieldSessionSchema.parse({
          ...fields,
          id,
          kind,
          code: fields.code ?? nextSessionCode(project.sessions, kind),
        });
        checkReferences(project, session);
        // A code chosen by hand must not clash; the next free one may equal the pseudonym of the
        // interviewee still to be added (the interview shows a warning until they are).
        if (fields.code !== undefined) checkCodeClash(project, session);
        project.sessions.push(session);
      });
      return findById(store.project.sessions, id, 'interview or focus group');
    },

    async sessionUpdate({ id, patch, baseRev }) {
      const store = state.requireSession();
      await store.mutate((project) => {
        const session = findById(project.sessions, id, 'interview or focus group');
        const before = session.code;
        store.rebase('session', session, baseRev, session.code, (draft) => {
          Object.assign(draft, patch);
        });
        const recoded = session.code !== before;
        checkReferences(project, session);
        // Checked when the code changes: a clash older than this rule must not block other edits.
        if (recoded) checkCodeClash(project, session);
      });
      return findById(store.project.sessions, id, 'interview or focus group');
    },

    /** Deletes the record; its transcripts and notes stay in the project as sources. */
    async sessionDelete({ id }) {
      const store = state.requireSession();
      await store.mutate((project) => {
        findById(project.sessions, id, 'interview or focus group');
        project.sessions = project.sessions.filter((s) => s.id !== id);
      });
      return null;
    },
  };
}
