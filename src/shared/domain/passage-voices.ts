/**
 * A passage that runs across speaker turns («…tre mesi. | Confermo. Per noi…») holds more than
 * one voice. Quoted as one, its words read as one person's, and a facilitator's question read as
 * a participant's (walk-through 11). These functions split a passage by turn, each part with how
 * its voice is shown (a pseudonym, a role, or «Voce n»: never a name from the file).
 */
import { turnLabel, unmatchedSpeakers, type TurnLabel } from './turn-labels';

/** The turns as this needs them: sorted, not overlapping. */
interface VoicedTurn {
  start: number;
  end: number;
  speaker: string;
  participantId: string | null;
}

/** One voice's part of a passage: absolute offsets, clipped to the passage. */
export interface PassageVoice {
  start: number;
  end: number;
  label: TurnLabel;
}

/**
 * The voices of [start, end): one part per turn it overlaps, with text in it. A passage inside
 * one turn gives one part. `unmatched` numbers the voices matched to nobody («Voce n»); it is
 * worked out from the turns when not given (pass it for many passages of one source).
 */
export function passageVoices(
  turns: readonly VoicedTurn[],
  start: number,
  end: number,
  pseudonyms: ReadonlyMap<string, string>,
  unmatched: ReadonlyMap<string, number> = unmatchedSpeakers(turns),
): PassageVoice[] {
  const parts: PassageVoice[] = [];
  // The first turn ending after `start` (turns are sorted): a long focus group has thousands.
  let low = 0;
  let high = turns.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (turns[middle]!.end <= start) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < turns.length; i += 1) {
    const turn = turns[i]!;
    if (turn.start >= end) break;
    const from = Math.max(turn.start, start);
    const to = Math.min(turn.end, end);
    if (to > from) {
      parts.push({ start: from, end: to, label: turnLabel(turn, pseudonyms, unmatched, false) });
    }
  }
  return parts;
}

/**
 * A passage across voices as quotations, one per voice: «…tre mesi.» (FG-01-P1) «Confermo…»
 * (FG-01-P3). `text` is the passage's text from `start`; `who` names a voice (null: unnamed);
 * `words` changes each part's words (a participant's name to their pseudonym).
 */
export function quotationByVoice(
  text: string,
  start: number,
  voices: readonly PassageVoice[],
  who: (label: TurnLabel) => string | null,
  options: { language?: 'it' | 'en'; words?: (part: string) => string } = {},
): string {
  const [open, close] = options.language === 'en' ? ['“', '”'] : ['«', '»'];
  // Each part is cut by offsets first, then changed (names to pseudonyms change lengths).
  const change = options.words ?? ((part: string) => part);
  return voices
    .map((voice) => {
      const words = change(text.slice(voice.start - start, voice.end - start))
        .replace(/\s+/g, ' ')
        .trim();
      const name = who(voice.label);
      return words === '' ? '' : `${open}${words}${close}${name ? ` (${name})` : ''}`;
    })
    .filter((part) => part !== '')
    .join(' ');
}

/** What `voicesOfCodings` needs of a source and of a coding. */
interface VoicedSource {
  id: string;
  turns: readonly VoicedTurn[];
}
interface VoicedCoding {
  start: number;
  end: number;
  text: string;
  textChanged: boolean;
}

/**
 * The voices of codings, for many codings of many sources (retrieval, the report, the workbook):
 * «Voce n» is numbered once per source. None for a coding whose words no longer match its
 * offsets (its text changed since).
 */
export function voicesOfCodings(
  pseudonyms: ReadonlyMap<string, string>,
): (source: VoicedSource, coding: VoicedCoding) => PassageVoice[] {
  const numbers = new Map<string, Map<string, number>>();
  return (source, coding) => {
    if (coding.textChanged || coding.text.length !== coding.end - coding.start) return [];
    let numbered = numbers.get(source.id);
    if (!numbered) numbers.set(source.id, (numbered = unmatchedSpeakers(source.turns)));
    return passageVoices(source.turns, coding.start, coding.end, pseudonyms, numbered);
  };
}
