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

/** A note being typed under a guide question (its key), not yet in the list. */
export type NoteDraft = Omit<NoteEntry, 'guideQuestionId'>;

/** What a window kept of its notes while they were not saved (see `reopenedNotes`). */
export interface HeldNotes {
  entries: NoteEntry[];
  drafts: Record<string, NoteDraft>;
  /**
   * The project's notes this window's list started from (the ones it loaded or last saved), by
   * `noteKey`; absent in what older versions kept.
   */
  base?: string[];
}

/** A note by what a reader sees of it: its words and its DV marks. */
export function noteKey(note: Pick<NoteEntry, 'text' | 'questionIds'>): string {
  return `${note.text.trim()}\u0000${[...note.questionIds].sort().join(',')}`;
}

/** The keys of the notes that hold words, in a fixed order (two lists compare as sets of notes). */
export function noteKeys(notes: readonly Pick<NoteEntry, 'text' | 'questionIds'>[]): string[] {
  return notes
    .filter((note) => note.text.trim() !== '')
    .map(noteKey)
    .sort();
}

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * The notes to show when a window that held unsaved notes opens them again (after a reload, or
 * Campo started again): null when the project's own are right, else the list and the drafts
 * to show, to be saved as soon as Campo answers.
 *
 * - The project's notes are still those the window started from: every difference is the
 *   window's unsaved work (a note added, edited, marked or deleted), so its list is shown whole.
 * - The project's notes changed meanwhile (another window): the project's list is kept, with
 *   the window's notes it lacks (by their words) added after it, so neither loses a note. A
 *   deletion the window could not save is then not applied: a note shown again loses nothing.
 */
export function reopenedNotes(
  onDisk: readonly NoteEntry[],
  held: HeldNotes | null,
): { entries: NoteEntry[]; drafts: Record<string, NoteDraft> } | null {
  if (!held) return null;
  const diskKeys = noteKeys(onDisk);
  const heldNotes = [...held.entries, ...Object.values(held.drafts)];
  if (sameKeys(noteKeys(heldNotes), diskKeys)) return null;
  if (held.base && sameKeys([...held.base].sort(), diskKeys)) {
    return { entries: held.entries, drafts: held.drafts };
  }
  const diskWords = new Set(onDisk.map((note) => note.text.trim()));
  const lacking = (note: NoteDraft) => note.text.trim() !== '' && !diskWords.has(note.text.trim());
  const entries = held.entries.filter(lacking);
  const drafts = Object.fromEntries(
    Object.entries(held.drafts).filter(([, draft]) => lacking(draft)),
  );
  if (entries.length === 0 && Object.keys(drafts).length === 0) return null;
  return { entries: [...onDisk, ...entries], drafts };
}
