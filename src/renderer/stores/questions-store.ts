import { create } from 'zustand';
import type { QuestionLinks } from '../../shared/ipc/types';
import type { EvaluationQuestion } from '../../shared/model/project';
import { api } from '../api/client';
import { useAppStore } from './app-store';
import { attempt, deleteThenRefresh, refreshProject } from './core-calls';
import { useProjectStore } from './project-store';
import { baseRevOf } from './base-revision';

type QuestionPatch = Partial<Omit<EvaluationQuestion, 'id'>>;

interface QuestionsState {
  pending: boolean;
  add(input: QuestionPatch & { text: string }): Promise<EvaluationQuestion | null>;
  update(id: string, patch: QuestionPatch): Promise<boolean>;
  move(id: string, toIndex: number): Promise<void>;
  duplicate(id: string): Promise<EvaluationQuestion | null>;
  renumber(): Promise<void>;
  links(id: string): Promise<QuestionLinks | null>;
  remove(question: EvaluationQuestion, codings: 'keep' | 'delete'): Promise<boolean>;
}

const setQuestions = (change: (questions: EvaluationQuestion[]) => EvaluationQuestion[]) =>
  useProjectStore
    .getState()
    .patchProject((project) => ({ ...project, questions: change(project.questions) }));

/** The evaluation matrix: each action is saved by the core, then mirrored in the project. */
export const useQuestionsStore = create<QuestionsState>((set) => {
  async function run<T>(action: () => Promise<T>): Promise<T | null> {
    set({ pending: true });
    try {
      const result = await attempt(action);
      // Each question has its code in the codebook, which the core keeps in step.
      if (result !== null) await refreshProject();
      return result;
    } finally {
      set({ pending: false });
    }
  }
  return {
    pending: false,
    add: (input) =>
      run(async () => {
        const question = await api().questionAdd(input);
        setQuestions((questions) => [...questions, question]);
        useAppStore
          .getState()
          .notify('success', { key: 'questions.added', params: { code: question.code } });
        return question;
      }),
    update: async (id, patch) =>
      (await run(async () => {
        const baseRev = baseRevOf('question', id);
        const question = await api().questionUpdate({ id, patch, baseRev });
        setQuestions((questions) => questions.map((q) => (q.id === id ? question : q)));
        return true;
      })) ?? false,
    async move(id, toIndex) {
      const questions = await run(() => api().questionMove({ id, toIndex }));
      if (questions) setQuestions(() => questions);
    },
    duplicate: (id) =>
      run(async () => {
        const copy = await api().questionDuplicate({ id });
        // The core puts the copy right after its original.
        setQuestions((questions) => {
          const at = questions.findIndex((q) => q.id === id) + 1;
          return [...questions.slice(0, at), copy, ...questions.slice(at)];
        });
        return copy;
      }),
    async renumber() {
      const questions = await run(() => api().questionsRenumber());
      if (questions) setQuestions(() => questions);
    },
    links: (id) => attempt(() => api().questionLinks({ id })),
    remove: (question, codings) =>
      deleteThenRefresh(() => api().questionDelete({ id: question.id, codings }), {
        key: 'questions.deleted',
        params: { code: question.code },
      }),
  };
});
