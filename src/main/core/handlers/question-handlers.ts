import { randomUUID } from 'node:crypto';
import { isQuestionCodeTaken, nextQuestionCode } from '../../../shared/domain/questions';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { EvaluationQuestionSchema, type EvaluationQuestion } from '../../../shared/model/project';
import type { CoreState } from './context';

type QuestionHandlers = Pick<Handlers, 'questionAdd' | 'questionUpdate' | 'questionDelete'>;

function duplicate(code: string): CampoError {
  return new CampoError('DUPLICATE', `Code ${code} is already used`, {
    field: 'code',
    value: code,
  });
}

function findQuestion(questions: EvaluationQuestion[], id: string): EvaluationQuestion {
  const question = questions.find((q) => q.id === id);
  if (!question) throw new CampoError('NOT_FOUND', `No question ${id}`, { id });
  return question;
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
      });
      return findQuestion(session.project.questions, id);
    },

    async questionUpdate({ id, patch }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        const question = findQuestion(project.questions, id);
        if (patch.code !== undefined && isQuestionCodeTaken(project.questions, patch.code, id)) {
          throw duplicate(patch.code);
        }
        Object.assign(question, patch);
      });
      return findQuestion(session.project.questions, id);
    },

    async questionDelete({ id }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        findQuestion(project.questions, id);
        project.questions = project.questions.filter((q) => q.id !== id);
      });
      return null;
    },
  };
}
