import type { Code } from '../model/project';
import type { Coding, SpeakerTurn } from '../model/source';

/** A coding that a DV mark of a live note asks for: the note's words, coded with the DV's code. */
export interface NoteMarkCoding {
  codeId: string;
  start: number;
  end: number;
}

/** The code that follows each evaluation question (the DV's own code), by question id. */
export function questionCodeIds(codes: readonly Code[]): Map<string, string> {
  const byQuestion = new Map<string, string>();
  for (const code of codes) {
    if (code.followsQuestion && code.questionId && !byQuestion.has(code.questionId))
      byQuestion.set(code.questionId, code.id);
  }
  return byQuestion;
}

/**
 * The codings the DV marks of a notes source still ask for: each note (turn) marked with a DV,
 * coded with that DV's code over the note's words (blanks around it left out). A note already
 * coded with that code over all its words asks for nothing, so coding the marks twice adds
 * nothing. Marks of a DV without a code (none follows it) are left out.
 */
export function pendingNoteMarks(
  source: { text: string; turns: readonly SpeakerTurn[]; codings: readonly Coding[] },
  codes: readonly Code[],
): NoteMarkCoding[] {
  const codeOf = questionCodeIds(codes);
  const pending: NoteMarkCoding[] = [];
  for (const turn of source.turns) {
    if (turn.questionIds.length === 0) continue;
    const words = source.text.slice(turn.start, turn.end);
    const start = turn.start + (words.length - words.trimStart().length);
    const end = turn.end - (words.length - words.trimEnd().length);
    if (end <= start) continue;
    for (const questionId of turn.questionIds) {
      const codeId = codeOf.get(questionId);
      if (!codeId) continue;
      const done = source.codings.some(
        (coding) => coding.codeId === codeId && coding.start <= start && coding.end >= end,
      );
      if (!done) pending.push({ codeId, start, end });
    }
  }
  return pending;
}
