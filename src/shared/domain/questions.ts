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

/** A copy of `items` with the item `id` moved to `toIndex` (clamped to the list). */
export function moveItem<T extends { id: string }>(
  items: readonly T[],
  id: string,
  toIndex: number,
): T[] {
  const from = items.findIndex((item) => item.id === id);
  if (from < 0) return [...items];
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(Math.min(Math.max(toIndex, 0), next.length), 0, moved!);
  return next;
}

/** DV1, DV2 … in the current order (links use ids, so nothing else changes). */
export function renumberQuestions<T extends { code: string }>(questions: readonly T[]): T[] {
  return questions.map((question, index) => ({ ...question, code: `DV${index + 1}` }));
}

/** A free code for a copy of `code`: "DV3 (copia)", "DV3 (copia 2)" … */
export function copyCode(code: string, taken: readonly string[], copyWord: string): string {
  const used = new Set(taken.map((c) => c.trim().toUpperCase()));
  for (let n = 1; ; n += 1) {
    const candidate = `${code} (${copyWord}${n > 1 ? ` ${n}` : ''})`.slice(0, 30);
    if (!used.has(candidate.toUpperCase())) return candidate;
  }
}
