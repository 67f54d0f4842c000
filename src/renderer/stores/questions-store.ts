import { create } from 'zustand';
import type { EvaluationQuestion } from '../../shared/model/project';
import { api } from '../api/client';
import { useAppStore } from './app-store';
import { useProjectStore } from './project-store';

type QuestionPatch = Partial<Omit<EvaluationQuestion, 'id'>>;

interface QuestionsState {
  pending: boolean;
  add(input: QuestionPatch & { text: string }): Promise<EvaluationQuestion | null>;
  update(id: string, patch: QuestionPatch): Promise<boolean>;
  remove(question: EvaluationQuestion): Promise<boolean>;
}

const replaceQuestions = (change: (questions: EvaluationQuestion[]) => EvaluationQuestion[]) =>
  useProjectStore
    .getState()
    .patchProject((project) => ({ ...project, questions: change(project.questions) }));

/** The evaluation questions: each action is saved by the core, then mirrored in the project. */
export const useQuestionsStore = create<QuestionsState>((set) => {
  async function run<T>(action: () => Promise<T>): Promise<T | null> {
    set({ pending: true });
    try {
      return await action();
    } catch (error) {
      useAppStore.getState().notifyError(error);
      return null;
    } finally {
      set({ pending: false });
    }
  }

  return {
    pending: false,
    add: (input) =>
      run(async () => {
        const question = await api().questionAdd(input);
        replaceQuestions((questions) => [...questions, question]);
        useAppStore
          .getState()
          .notify('success', { key: 'questions.added', params: { code: question.code } });
        return question;
      }),
    update: async (id, patch) =>
      (await run(async () => {
        const question = await api().questionUpdate({ id, patch });
        replaceQuestions((questions) => questions.map((q) => (q.id === id ? question : q)));
        return true;
      })) ?? false,
    remove: async (question) =>
      (await run(async () => {
        await api().questionDelete({ id: question.id });
        replaceQuestions((questions) => questions.filter((q) => q.id !== question.id));
        useAppStore
          .getState()
          .notify('info', { key: 'questions.deleted', params: { code: question.code } });
        return true;
      })) ?? false,
  };
});
