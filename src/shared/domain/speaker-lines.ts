/** A turn found in a transcript; offsets point into the assembled text (UTF-16 units). */
export interface ParsedTurn {
  speaker: string;
  start: number;
  end: number;
  /** Seconds from the start, when the source carried a timestamp. */
  time: number | null;
}

/** One utterance before assembly: who, what, when. */
export interface Utterance {
  speaker: string;
  text: string;
  time: number | null;
}

const TIMESTAMP = /^\[(\d{1,2}):(\d{2}):(\d{2})\]\s*/;
/** "Name: text": a name of at most five words, no sentence punctuation. */
const SPEAKER_PREFIX = /^([\p{L}\p{N}][\p{L}\p{N} .'’()_-]{0,58}?):\s+(.*)$/u;

/** Splits "INT-02: text" into speaker and text; speaker '' when the line names nobody. */
export function splitSpeaker(line: string): { speaker: string; text: string } {
  const match = SPEAKER_PREFIX.exec(line);
  if (!match || match[1]!.trim().split(/\s+/).length > 5) return { speaker: '', text: line };
  return { speaker: match[1]!.trim(), text: match[2]!.trim() };
}

/**
 * Joins utterances into one text, one paragraph per turn, with turn offsets. With
 * `mergeSameSpeaker`, consecutive utterances of one named speaker become one turn (subtitle cues
 * split a sentence across several); unnamed runs are merged up to about 1,000 characters.
 */
export function assembleTurns(
  utterances: Utterance[],
  { mergeSameSpeaker = false }: { mergeSameSpeaker?: boolean } = {},
): { text: string; turns: ParsedTurn[] } {
  const merged: Utterance[] = [];
  for (const utterance of utterances) {
    const text = utterance.text.trim();
    if (text === '') continue;
    const last = merged.at(-1);
    const sameSpeaker = last !== undefined && last.speaker === utterance.speaker;
    if (mergeSameSpeaker && sameSpeaker && (utterance.speaker !== '' || last.text.length < 1000)) {
      last.text = `${last.text} ${text}`;
    } else {
      merged.push({ ...utterance, text });
    }
  }
  let text = '';
  const turns: ParsedTurn[] = [];
  for (const utterance of merged) {
    if (text !== '') text += '\n';
    const start = text.length;
    text += utterance.text;
    turns.push({ speaker: utterance.speaker, start, end: text.length, time: utterance.time });
  }
  return { text, turns };
}

/**
 * Reads a transcript written as one turn per line, `[00:01:23] INT-02: text` or `INT-02: text`.
 * The resulting text holds the utterances only; speakers and times live in the turns. Lines that
 * do not start a turn continue the previous one.
 */
export function parseSpeakerLines(input: string): { text: string; turns: ParsedTurn[] } {
  const utterances: Utterance[] = [];
  for (const rawLine of input
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')) {
    let line = rawLine.trim();
    if (line === '') continue;
    const stamp = TIMESTAMP.exec(line);
    const time = stamp ? Number(stamp[1]) * 3600 + Number(stamp[2]) * 60 + Number(stamp[3]) : null;
    if (stamp) line = line.slice(stamp[0].length);
    const { speaker, text } = splitSpeaker(line);
    const last = utterances.at(-1);
    if (speaker === '' && stamp === null && last) last.text = `${last.text} ${text}`;
    else utterances.push({ speaker, text, time });
  }
  return assembleTurns(utterances);
}
