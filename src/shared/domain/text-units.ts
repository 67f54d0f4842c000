/**
 * Moving a keyboard caret through a transcript by word, sentence or speaker turn, as a coder
 * who cannot (or does not want to) use a mouse selects a passage. Offsets are UTF-16, like
 * codings. Word and sentence boundaries come from Intl.Segmenter in the text's language, so
 * "all'inizio", "l’ALER" and "p. es." are read as an Italian reader would.
 */

/** The unit a caret moves by. */
export type TextUnit = 'word' | 'sentence' | 'turn';

/** A span of the text said in one turn (the whole text when there are no turns). */
export interface TurnSpan {
  start: number;
  end: number;
}

const segmenters = new Map<string, Intl.Segmenter>();

function segmenter(granularity: 'word' | 'sentence', locale: string): Intl.Segmenter {
  const key = `${locale}|${granularity}`;
  let found = segmenters.get(key);
  if (!found) {
    found = new Intl.Segmenter(locale, { granularity });
    segmenters.set(key, found);
  }
  return found;
}

/** First offset at or after `from` (and before `to`) that is not blank; `to` if none. */
function skipBlanks(text: string, from: number, to: number): number {
  let at = from;
  while (at < to && /\s/.test(text[at]!)) at += 1;
  return at;
}

/**
 * Which edge of a unit the caret stops at: starts when it moves (and when a selection grows
 * backwards), ends when a selection grows forwards, so that it takes "progetto integrato" and
 * not the comma and space after it.
 */
export type UnitEdge = 'start' | 'end';

/**
 * The places a caret stops at in one turn, in order. Starts: the start of each word (sentence,
 * the turn), and the end of the turn's words, so the caret can go past the last one. Ends: the
 * end of each word (sentence, the turn's words).
 */
export function stopsInTurn(
  text: string,
  turn: TurnSpan,
  unit: TextUnit,
  locale = 'it',
  edge: UnitEdge = 'start',
): number[] {
  const slice = text.slice(turn.start, turn.end);
  const end = turn.start + slice.trimEnd().length;
  const first = skipBlanks(text, turn.start, turn.end);
  if (end <= first) return [];
  if (unit === 'turn') return [edge === 'start' ? first : end];
  const stops: number[] = [];
  const push = (at: number) => {
    if (stops[stops.length - 1] !== at) stops.push(at);
  };
  for (const segment of segmenter(unit, locale).segment(slice)) {
    if (unit === 'word' && !segment.isWordLike) continue;
    const from = turn.start + segment.index;
    if (edge === 'start') {
      const at = skipBlanks(text, from, turn.end);
      if (at < turn.end) push(at);
    } else {
      const to = from + segment.segment.trimEnd().length;
      if (to > from) push(to);
    }
  }
  if (edge === 'start') push(end);
  return stops;
}

/** Index of the turn holding `offset` (a turn's end belongs to it), or of the nearest one. */
export function turnIndexAt(turns: readonly TurnSpan[], offset: number): number {
  let low = 0;
  let high = turns.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (turns[middle]!.end < offset) low = middle + 1;
    else high = middle;
  }
  return Math.max(0, low);
}

/**
 * Where the caret goes from `offset` moving one `unit` forward (1) or back (-1): the next (or
 * previous) stop of that unit at `edge` (see {@link stopsInTurn}), in this turn or the next ones.
 * At either end of the text it stays.
 */
export function moveCaret(
  text: string,
  turns: readonly TurnSpan[],
  offset: number,
  unit: TextUnit,
  direction: 1 | -1,
  locale = 'it',
  edge: UnitEdge = 'start',
): number {
  for (let index = turnIndexAt(turns, offset); index >= 0 && index < turns.length;) {
    const stops = stopsInTurn(text, turns[index]!, unit, locale, edge);
    const found =
      direction === 1
        ? stops.find((stop) => stop > offset)
        : stops.findLast((stop) => stop < offset);
    if (found !== undefined) return found;
    index += direction;
  }
  return offset;
}

/** Start and end of the turn holding `offset`, blanks left out. */
export function turnBounds(text: string, turns: readonly TurnSpan[], offset: number): TurnSpan {
  const turn = turns[turnIndexAt(turns, offset)] ?? { start: 0, end: text.length };
  const slice = text.slice(turn.start, turn.end);
  return {
    start: turn.start + (slice.length - slice.trimStart().length),
    end: turn.start + slice.trimEnd().length,
  };
}
