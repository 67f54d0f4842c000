import { randomUUID } from 'node:crypto';
import {
  copyCode,
  isQuestionCodeTaken,
  moveItem,
  nextQuestionCode,
  renumberQuestions,
} from '../../../shared/domain/questions';
import { syncQuestionCodes } from '../../../shared/domain/codebook';
import { translator } from '../../../shared/i18n';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { EvaluationQuestionSchema, type ProjectFile } from '../../../shared/model/project';
import { countsBySource, sourcesCoding } from '../coding/corpus';
import type { ProjectSession } from '../store/project-session';
import { findById, type CoreState } from './context';

type QuestionHandlers = Pick<
  Handlers,
  | 'questionAdd'
  | 'questionUpdate'
  | 'questionMove'
  | 'questionDuplicate'
  | 'questionsRenumber'
  | 'questionLinks'
  | 'questionDelete'
>;

function duplicate(code: string): CampoError {
  return new CampoError('DUPLICATE', `Code ${code} is already used`, {
    field: 'code',
    value: code,
  });
}

/** Notes sources whose marks name `questionId`, with the number of marked notes in each. */
async function notesMarking(session: ProjectSession, questionId: string) {
  const found: Array<{ sourceId: string; marks: number }> = [];
  for (const field of session.project.sessions) {
    if (!field.notesSourceId) continue;
    const notes = await session.readSource(field.notesSourceId).catch(() => null);
    const marks = notes?.turns.filter((turn) => turn.questionIds.includes(questionId)).length ?? 0;
    if (marks > 0) found.push({ sourceId: field.notesSourceId, marks });
  }
  return found;
}

/** Keeps one code per question, named after it (see syncQuestionCodes). */
function syncCodes(project: ProjectFile): void {
  project.codes = syncQuestionCodes(project.codes, project.questions, randomUUID).codes;
}

/** Handlers for the evaluation questions (rows of the evaluation matrix). */
export function questionHandlers(state: CoreState): QuestionHandlers {
  return {
    async questionAdd(input) {
      const session = state.requireSession();
      const id = randomUUID();
      await session.mutate((project) => {
        const code = input.code ?? nextQuestionCode(project.questions);
        if (isQuestionCodeTaken(project.questions, code)) throw duplicate(code);
        project.questions.push(EvaluationQuestionSchema.parse({ ...input, id, code }));
        syncCodes(project);
      });
      return findById(session.project.questions, id, 'question');
    },

    async questionUpdate({ id, patch, baseRev }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        const question = findById(project.questions, id, 'question');
        session.rebase('question', question, baseRev, question.code, (draft) => {
          Object.assign(draft, patch);
        });
        if (isQuestionCodeTaken(project.questions, question.code, id)) {
          throw duplicate(question.code);
        }
        syncCodes(project);
      });
      return findById(session.project.questions, id, 'question');
    },

    async questionMove({ id, toIndex }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        findById(project.questions, id, 'question');
        project.questions = moveItem(project.questions, id, toIndex);
      });
      return session.project.questions;
    },

    async questionDuplicate({ id }) {
      const session = state.requireSession();
      const copyId = randomUUID();
      const copyWord = translator(session.project.meta.language)('questions.copyWord');
      await session.mutate((project) => {
        const original = findById(project.questions, id, 'question');
        const code = copyCode(
          original.code,
          project.questions.map((q) => q.code),
          copyWord,
        );
        const index = project.questions.indexOf(original);
        project.questions.splice(index + 1, 0, { ...structuredClone(original), id: copyId, code });
        syncCodes(project);
      });
      return findById(session.project.questions, copyId, 'question');
    },

    async questionsRenumber() {
      const session = state.requireSession();
      await session.mutate((project) => {
        project.questions = renumberQuestions(project.questions);
        syncCodes(project);
      });
      return session.project.questions;
    },

    async questionLinks({ id }) {
      const session = state.requireSession();
      const { project } = session;
      findById(project.questions, id, 'question');
      const own = project.codes.find((code) => code.followsQuestion && code.questionId === id);
      let codings = 0;
      if (own) {
        for (const counts of (await countsBySource(session)).values()) {
          codings += counts.get(own.id) ?? 0;
        }
      }
      return {
        codes: project.codes.filter((code) => code.questionId === id).length,
        codings,
        guideQuestions: project.sessions.flatMap((field) =>
          field.guide
            .filter((g) => g.questionIds.includes(id))
            .map((g) => ({ sessionCode: field.code, text: g.text })),
        ),
        noteMarks: (await notesMarking(session, id)).reduce((sum, found) => sum + found.marks, 0),
      };
    },

    /**
     * Deletes the question and every link to it: codes, guide questions, live-note marks. Its
     * code is kept as an ordinary code, or deleted with its codings (`codings: 'delete'`; the
     * codes below it move up).
     */
    async questionDelete({ id, codings }) {
      const session = state.requireSession();
      findById(session.project.questions, id, 'question');
      const marked = await notesMarking(session, id);
      const own = session.project.codes.find((c) => c.followsQuestion && c.questionId === id);
      if (own && codings === 'delete') {
        for (const sourceId of await sourcesCoding(session, new Set([own.id]))) {
          await session.mutateSource(sourceId, (draft) => {
            draft.codings = draft.codings.filter((coding) => coding.codeId !== own.id);
          });
        }
      }
      await session.mutate((project) => {
        findById(project.questions, id, 'question');
        project.questions = project.questions.filter((q) => q.id !== id);
        if (own && codings === 'delete') {
          project.codes = project.codes.filter((code) => code.id !== own.id);
          for (const code of project.codes) if (code.parentId === own.id) code.parentId = null;
        }
        for (const code of project.codes) if (code.questionId === id) code.questionId = null;
        syncCodes(project);
        for (const field of project.sessions) {
          for (const item of field.guide)
            item.questionIds = item.questionIds.filter((q) => q !== id);
        }
      });
      for (const { sourceId } of marked) {
        await session.mutateSource(sourceId, (notes) => {
          for (const turn of notes.turns)
            turn.questionIds = turn.questionIds.filter((q) => q !== id);
        });
      }
      return null;
    },
  };
}
