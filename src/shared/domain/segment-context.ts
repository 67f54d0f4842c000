import type { SpeakerTurn } from '../model/source';
import { contextAround, type PassageContext } from './search';

/** A span of a source text, [start, end) in UTF-16 offsets. */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * Where the context around the coded passage [start, end) may reach: the speaker turns it
 * overlaps (from the first one's start to the last one's end), so another speaker's words never
 * read as the coded speaker's. A passage outside every turn (plain text, header lines) keeps to
 * its own lines instead. Turns are sorted by start and do not overlap.
 */
export function contextBounds(
  text: string,
  turns: readonly SpeakerTurn[],
  start: number,
  end: number,
): TextSpan {
  const from = Math.max(0, Math.min(start, end, text.length));
  const to = Math.min(text.length, Math.max(start, end, from));
  // An empty range (a caret) belongs to the turn holding its character.
  const probeEnd = to > from ? to : from + 1;
  let first = -1;
  let last = -1;
  for (let i = 0; i < turns.length; i++) {
    const turn = turns[i] as SpeakerTurn;
    if (turn.start >= probeEnd) break;
    if (Math.max(turn.start, from) < Math.min(turn.end, probeEnd)) {
      if (first === -1) first = i;
      last = i;
    }
  }
  if (first !== -1) {
    // A speaker's paragraphs in a row are one turn for the reader.
    while (first > 0 && sameSpeaker(turns[first - 1], turns[first])) first--;
    while (last < turns.length - 1 && sameSpeaker(turns[last + 1], turns[last])) last++;
    const head = (turns[first] as SpeakerTurn).start;
    const tail = (turns[last] as SpeakerTurn).end;
    return { start: Math.min(head, from), end: Math.max(tail, to) };
  }
  const lineStart = text.lastIndexOf('\n', from - 1) + 1;
  const newline = text.indexOf('\n', Math.max(to - (to > from ? 1 : 0), from));
  // A passage ending with its line break keeps to that line.
  const lineEnd = newline === -1 ? text.length : Math.max(newline, to);
  return { start: lineStart, end: lineEnd };
}

function sameSpeaker(a: SpeakerTurn | undefined, b: SpeakerTurn | undefined): boolean {
  if (!a || !b || a.speaker.trim() === '') return false;
  return a.speaker === b.speaker && a.participantId === b.participantId;
}

/**
 * The words around a coded passage for retrieval (see `contextAround`), kept inside the passage's
 * speaker turn(s) or, without turns, its line(s): see {@link contextBounds}. `clipped*` says
 * whether the context was cut short inside that span (show "…"), not at a turn's edge.
 */
export function segmentContext(
  text: string,
  turns: readonly SpeakerTurn[],
  start: number,
  end: number,
  chars = 60,
): PassageContext {
  const bounds = contextBounds(text, turns, start, end);
  const inner = text.slice(bounds.start, bounds.end);
  return contextAround(inner, start - bounds.start, end - bounds.start, chars);
}
