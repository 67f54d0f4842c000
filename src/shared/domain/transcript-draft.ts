/**
 * A transcript as read from a file, before it becomes a source: its lines with the speaker label
 * found on each, and what is doubtful about those labels. The user's choices in the import
 * preview (a label is not a speaker, a doubtful label is one, a line is left out) are applied by
 * `assembleDraft`, which builds the text and its speaker turns. Pure: the core reads files into
 * drafts, the renderer previews them, and both assemble them the same way.
 */

/** A turn found in a transcript; offsets point into the assembled text (UTF-16 units). */
export interface ParsedTurn {
  speaker: string;
  start: number;
  end: number;
  /** Seconds from the start, when the source carried a timestamp. */
  time: number | null;
}

/** One line of a transcript file (a paragraph, a Word paragraph, a subtitle cue). */
export interface TranscriptLine {
  /** The speaker label found on the line ('' when none). */
  label: string;
  /** The label as written before the words ("Data: ", "@0:25 - Anna Rossi (anna@x.it)"). */
  prefix: string;
  /** The words, without the label and any timestamp. */
  text: string;
  time: number | null;
  /** Starts a paragraph: after a blank line, a Word paragraph, a subtitle cue. */
  paragraph: boolean;
  /** A section title ("--Title page--", "INTRODUZIONE"): never joined to a turn. */
  section: boolean;
  /** 1-based line of the file, for messages. */
  number: number;
}

/**
 * Why a label is not taken for a speaker until the user says it is: an upper-case label
 * ("ACTION ITEM:"), a header ("Data: 12/04/2021"), a label used once in a file where nobody
 * speaks twice (a colon inside a sentence or a subtitle: "Primo punto: la rete").
 */
export type LabelDoubt = 'upper-case' | 'header' | 'once';

/** Something the reader noticed and the preview shows: a cue time that is not a time. */
export interface TranscriptWarning {
  kind: 'bad-time';
  line: number;
  value: string;
}

/** A transcript file read into lines, with what is doubtful about its speaker labels. */
export interface TranscriptDraft {
  lines: TranscriptLine[];
  /** Subtitles: consecutive cues of one speaker make one turn, unnamed cues up to ~1,000 characters. */
  cues: boolean;
  /** Plain text: a line that carries on a sentence joins the line above (hard-wrapped files). */
  softWraps: boolean;
  /** Labels not taken for speakers unless the user says so. */
  doubts: Record<string, LabelDoubt>;
  warnings: TranscriptWarning[];
}

/** What the user decided in the preview. */
export interface LineDecisions {
  /** Labels the reader took for speakers that are not (their lines stay as text). */
  notSpeakers: readonly string[];
  /** Doubtful labels the user says are speakers. */
  speakers: readonly string[];
  /** Indexes (into `lines`) of lines left out. */
  ignored: readonly number[];
}

export const NO_DECISIONS: LineDecisions = { notSpeakers: [], speakers: [], ignored: [] };

/** True when `label` names a speaker once the user's decisions are applied. */
export function isSpeaker(
  draft: Pick<TranscriptDraft, 'doubts'>,
  label: string,
  decisions: LineDecisions = NO_DECISIONS,
): boolean {
  if (label === '') return false;
  return Object.hasOwn(draft.doubts, label)
    ? decisions.speakers.includes(label)
    : !decisions.notSpeakers.includes(label);
}

/** The line as the file has it (label and words), for a label that is not a speaker. */
export function lineWords(line: TranscriptLine): string {
  return `${line.prefix}${line.text}`.trim();
}

const ENDS_SENTENCE = /[.!?…:;»"”)\]]$/;
const STARTS_LOWER = /^[\p{Ll}\d,;]/u;

/** A hard-wrapped line: the one above stops mid-sentence and this one carries on in lower case. */
function carriesOn(above: string, line: string): boolean {
  return !ENDS_SENTENCE.test(above) && STARTS_LOWER.test(line);
}

/** Longest run of unnamed subtitle cues joined into one turn. */
const UNNAMED_CUE_RUN = 1_000;

/**
 * Builds the text and turns of a draft with the user's decisions. A speaker line starts a turn
 * (with `cues`, a cue of the same speaker joins it); a line without a speaker continues the
 * speaker's turn on a new line (or on the same line when it carries on a hard-wrapped sentence),
 * or else makes a paragraph of its own, so paragraphs are never lost. A label that is not a
 * speaker, and a section title, always stand alone. Turns are joined with "\n".
 */
export function assembleDraft(
  draft: TranscriptDraft,
  decisions: LineDecisions = NO_DECISIONS,
): { text: string; turns: ParsedTurn[] } {
  const ignored = new Set(decisions.ignored);
  const merged: Array<{ speaker: string; text: string; time: number | null }> = [];
  // 'speaker': lines may continue the last turn; 'paragraph': an unnamed paragraph (hard wraps
  // and unnamed cues may join it); 'closed': nothing joins the last turn.
  let open: 'speaker' | 'paragraph' | 'closed' = 'closed';
  for (const [index, line] of draft.lines.entries()) {
    if (ignored.has(index)) continue;
    const last = merged.at(-1);
    if (isSpeaker(draft, line.label, decisions)) {
      const text = line.text.trim();
      if (draft.cues && open === 'speaker' && last?.speaker === line.label) {
        if (text !== '') last.text = last.text === '' ? text : `${last.text} ${text}`;
      } else {
        merged.push({ speaker: line.label, text, time: line.time });
        open = 'speaker';
      }
      continue;
    }
    const words = line.label === '' ? line.text.trim() : lineWords(line);
    if (words === '') continue;
    if (line.label !== '' || line.section) {
      merged.push({ speaker: '', text: words, time: line.time });
      open = 'closed';
    } else if (open === 'speaker' && last && !draft.cues) {
      const wrap = draft.softWraps && !line.paragraph && carriesOn(last.text, words);
      last.text = last.text === '' ? words : `${last.text}${wrap ? ' ' : '\n'}${words}`;
    } else if (
      open === 'paragraph' &&
      last &&
      (draft.cues
        ? last.text.length < UNNAMED_CUE_RUN
        : draft.softWraps && !line.paragraph && carriesOn(last.text, words))
    ) {
      last.text = `${last.text} ${words}`;
    } else {
      merged.push({ speaker: '', text: words, time: line.time });
      open = 'paragraph';
    }
  }
  let text = '';
  const turns: ParsedTurn[] = [];
  for (const turn of merged) {
    if (turn.text === '') continue;
    if (text !== '') text += '\n';
    const start = text.length;
    text += turn.text;
    turns.push({ speaker: turn.speaker, start, end: text.length, time: turn.time });
  }
  return { text, turns };
}

/** A speaker label of a draft: how often it speaks, and whether it is doubtful. */
export interface LabelSummary {
  label: string;
  /** Lines that start with the label. */
  lines: number;
  characters: number;
  doubt: LabelDoubt | null;
}

/** Every label of a draft, in order of first appearance (doubtful ones included). */
export function summariseLabels(draft: TranscriptDraft): LabelSummary[] {
  const byLabel = new Map<string, LabelSummary>();
  for (const line of draft.lines) {
    if (line.label === '') continue;
    const entry = byLabel.get(line.label) ?? {
      label: line.label,
      lines: 0,
      characters: 0,
      doubt: draft.doubts[line.label] ?? null,
    };
    entry.lines += 1;
    entry.characters += line.text.length;
    byLabel.set(line.label, entry);
  }
  return [...byLabel.values()];
}

/** Labels counted as prefixes of lines (how often each appears), for doubt rules. */
export function labelCounts(lines: readonly TranscriptLine[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (line.label !== '') counts.set(line.label, (counts.get(line.label) ?? 0) + 1);
  }
  return counts;
}

/** The default reading of a draft: doubtful labels stay text, nothing is left out. */
export function draftText(draft: TranscriptDraft): { text: string; turns: ParsedTurn[] } {
  return assembleDraft(draft, NO_DECISIONS);
}
