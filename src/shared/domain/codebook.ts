import type { Code, EvaluationQuestion } from '../model/project';
import { nextColour } from './codebook-tree';

// The codebook domain lives in three modules; this one is the entry point the app imports.
export {
  CODE_PALETTE,
  codePath,
  codePathKeys,
  codeTreeOrder,
  colourPicker,
  descendantIds,
  descendantIdsOfAll,
  nextColour,
  questionOfCode,
  questionsOfCodes,
  wouldCreateCycle,
} from './codebook-tree';
export {
  codebookToCsv,
  importCodebookCsv,
  mergeCodebookRecords,
  readCodebookRecords,
} from './codebook-csv';
export type { CodebookMerge, CodebookProblem, CodebookRecords } from './codebook-csv';
export type { ColourPicker } from './codebook-tree';

/** How much of the question text a DV's code name shows. */
const QUESTION_NAME_LENGTH = 80;

/**
 * The name of a DV's code: "DV1 – " and the question text, cut on a word to about 80 characters.
 * Whitespace in the text is collapsed; a cut text ends with "…". A single word longer than the
 * limit (or a first space too early) is cut inside the word.
 */
export function questionCodeName(question: Pick<EvaluationQuestion, 'code' | 'text'>): string {
  const code = question.code.trim();
  const text = question.text.replace(/\s+/g, ' ').trim();
  if (text === '') return code;
  if (text.length <= QUESTION_NAME_LENGTH) return `${code} – ${text}`;
  // The character right after the limit tells whether the last word is whole.
  const space = text.slice(0, QUESTION_NAME_LENGTH + 1).lastIndexOf(' ');
  const end = space >= QUESTION_NAME_LENGTH / 2 ? space : QUESTION_NAME_LENGTH;
  return `${code} – ${text.slice(0, end).replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * The codebook with one `followsQuestion` code per evaluation question: missing ones created
 * (root level, palette colour, the lowest free quick key, `questionId` set), names kept equal to `questionCodeName`, and
 * codes whose question is gone unlinked (`followsQuestion` false, `questionId` null). `changed`
 * tells whether anything differs from the input.
 *
 * Any code whose `questionId` names no question is unlinked, following or not. When two codes
 * follow the same question (projects merged by hand) the first keeps following and the others
 * become ordinary codes of that question. Unchanged codes are returned as the same objects.
 */
export function syncQuestionCodes(
  codes: readonly Code[],
  questions: readonly Pick<EvaluationQuestion, 'id' | 'code' | 'text'>[],
  newId: () => string,
): { codes: Code[]; changed: boolean } {
  const questionById = new Map(questions.map((question) => [question.id, question]));
  const followed = new Set<string>();
  let changed = false;
  const result = codes.map((code): Code => {
    const question = code.questionId === null ? undefined : questionById.get(code.questionId);
    if (!question) {
      if (code.questionId === null && !code.followsQuestion) return code;
      changed = true;
      return { ...code, questionId: null, followsQuestion: false };
    }
    if (!code.followsQuestion) return code;
    if (followed.has(question.id)) {
      changed = true;
      return { ...code, followsQuestion: false };
    }
    followed.add(question.id);
    const name = questionCodeName(question);
    if (code.name === name) return code;
    changed = true;
    return { ...code, name };
  });
  for (const question of questions) {
    if (followed.has(question.id)) continue;
    followed.add(question.id);
    changed = true;
    result.push({
      id: newId(),
      name: questionCodeName(question),
      description: '',
      colour: nextColour(result),
      parentId: null,
      questionId: question.id,
      followsQuestion: true,
      // Coding against the DVs is the main work: their codes take the free keys 1–9 first.
      quickKey: freeQuickKey(result),
    });
  }
  return { codes: result, changed };
}

/** The lowest of the keys 1–9 no code uses, or null. */
export function freeQuickKey(codes: readonly Pick<Code, 'quickKey'>[]): number | null {
  const used = new Set(codes.map((code) => code.quickKey));
  for (let key = 1; key <= 9; key++) if (!used.has(key)) return key;
  return null;
}
