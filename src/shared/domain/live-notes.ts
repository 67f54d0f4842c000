/** One note taken during an interview: under which guide question, when, what, and its DV marks. */
export interface NoteEntry {
  id: string;
  guideQuestionId: string | null;
  /** Seconds since note-taking started. */
  time: number | null;
  text: string;
  questionIds: string[];
}

/** A notes source's text and turns: one paragraph per non-empty note, in order. */
export function notesToSource(entries: readonly NoteEntry[]) {
  let text = '';
  const turns = [];
  for (const entry of entries) {
    const said = entry.text.trim();
    if (said === '') continue;
    if (text !== '') text += '\n';
    const start = text.length;
    text += said;
    turns.push({
      id: entry.id,
      start,
      end: text.length,
      speaker: '',
      participantId: null,
      time: entry.time,
      guideQuestionId: entry.guideQuestionId,
      questionIds: [...entry.questionIds],
    });
  }
  return { text, turns };
}

/** The notes back from their source, to go on editing them after a reload. */
export function sourceToNotes(source: {
  text: string;
  turns: readonly {
    id: string;
    start: number;
    end: number;
    time: number | null;
    guideQuestionId: string | null;
    questionIds: string[];
  }[];
}): NoteEntry[] {
  return source.turns.map((turn) => ({
    id: turn.id,
    guideQuestionId: turn.guideQuestionId,
    time: turn.time,
    text: source.text.slice(turn.start, turn.end),
    questionIds: [...turn.questionIds],
  }));
}
