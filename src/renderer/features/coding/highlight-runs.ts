import type { Coding } from '../../../shared/model/source';

/** A stretch of text covered by the same codings (none for plain text). */
export interface Run {
  start: number;
  end: number;
  codings: Coding[];
}

/**
 * Splits [from, to) at every boundary of the given codings; each run lists the codings covering
 * it, innermost (shortest) first so its colour wins.
 */
export function runsIn(codings: readonly Coding[], from: number, to: number): Run[] {
  const cuts = new Set([from, to]);
  for (const coding of codings) {
    if (coding.start > from && coding.start < to) cuts.add(coding.start);
    if (coding.end > from && coding.end < to) cuts.add(coding.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = codings
      .filter((coding) => coding.start < end && coding.end > start)
      .sort((a, b) => a.end - a.start - (b.end - b.start));
    runs.push({ start, end, codings: covering });
  }
  return runs;
}

/**
 * For each turn (sorted, non-overlapping spans), the codings that overlap it, by one sweep over
 * codings sorted by start.
 */
export function codingsByTurn(
  turns: ReadonlyArray<{ start: number; end: number }>,
  codings: readonly Coding[],
): Coding[][] {
  const result: Coding[][] = turns.map(() => []);
  let first = 0;
  for (const coding of codings) {
    while (first < turns.length && turns[first]!.end <= coding.start) first++;
    for (let i = first; i < turns.length && turns[i]!.start < coding.end; i++) {
      if (turns[i]!.end > coding.start) result[i]!.push(coding);
    }
  }
  return result;
}

/**
 * Margin lanes: each coding gets the lowest lane free at its start, so overlapping codings are
 * drawn side by side and one coding keeps its lane on every line it spans.
 */
export function assignLanes(codings: readonly Coding[]): Map<string, number> {
  const lanes = new Map<string, number>();
  const laneEnds: number[] = [];
  for (const coding of [...codings].sort((a, b) => a.start - b.start || b.end - a.end)) {
    let lane = laneEnds.findIndex((end) => end <= coding.start);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = coding.end;
    lanes.set(coding.id, lane);
  }
  return lanes;
}

const WORD = /[\p{L}\p{N}\p{M}'’]|\u200d|\uFE0F/u;

/**
 * A selection as it is coded: widened to whole words when it starts or ends inside one (a drag
 * rarely lands exactly on a word's edge) and trimmed of surrounding whitespace; null when
 * nothing but whitespace is left.
 */
export function trimSpan(
  text: string,
  start: number,
  end: number,
): { start: number; end: number } | null {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from]!)) from++;
  while (to > from && /\s/.test(text[to - 1]!)) to--;
  if (to === from) return null;
  while (from > 0 && WORD.test(text[from - 1]!) && WORD.test(text[from]!)) from--;
  while (to < text.length && WORD.test(text[to - 1]!) && WORD.test(text[to]!)) to++;
  return { start: from, end: to };
}
