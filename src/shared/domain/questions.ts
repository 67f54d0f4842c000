import type { EvaluationQuestion } from '../model/project';

/** The next free code in the DV1, DV2 … series (after the highest number used). */
export function nextQuestionCode(questions: readonly Pick<EvaluationQuestion, 'code'>[]): string {
  let highest = 0;
  for (const { code } of questions) {
    const match = /^DV(\d+)$/i.exec(code.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return `DV${highest + 1}`;
}

/** True when another question already uses `code` (codes compare without case or spaces). */
export function isQuestionCodeTaken(
  questions: readonly Pick<EvaluationQuestion, 'id' | 'code'>[],
  code: string,
  exceptId?: string,
): boolean {
  const wanted = code.trim().toUpperCase();
  return questions.some((q) => q.id !== exceptId && q.code.trim().toUpperCase() === wanted);
}
