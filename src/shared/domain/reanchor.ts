/** Re-anchoring codings and turns when a source text is corrected (see reanchorCodings). */
import type { Coding, SpeakerTurn } from '../model/source';
import { sortCodings } from './coding';

/** The single region where two texts differ: [start, oldEnd) in the old text became [start, newEnd). */
export interface TextEdit {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/**
 * The changed region between two texts by common prefix and suffix (null when equal). Never
 * splits a surrogate pair or a CRLF.
 */
export function diffRegion(oldText: string, newText: string): TextEdit | null {
  if (oldText === newText) return null;
  const shorter = Math.min(oldText.length, newText.length);
  let start = 0;
  while (start < shorter && oldText.charCodeAt(start) === newText.charCodeAt(start)) start++;
  let suffix = 0;
  while (
    suffix < shorter - start &&
    oldText.charCodeAt(oldText.length - 1 - suffix) ===
      newText.charCodeAt(newText.length - 1 - suffix)
  ) {
    suffix++;
  }
  // Both loops only shrink the common parts, so start <= oldEnd and start <= newEnd still hold.
  while (start > 0 && splitsPair(oldText, newText, start, start)) start--;
  while (
    suffix > 0 &&
    splitsPair(oldText, newText, oldText.length - suffix, newText.length - suffix)
  ) {
    suffix--;
  }
  return { start, oldEnd: oldText.length - suffix, newEnd: newText.length - suffix };
}

/**
 * Where an offset of the old text lands in the new one: unchanged before the edit, shifted by
 * the length difference after it; inside the edit, clamped to the edit's new bounds (`side`
 * 'start' → edit.start, 'end' → edit.newEnd). Text inserted exactly at a boundary is taken into
 * the span (a start stays, an end shifts), so typing at the end of a turn extends it.
 */
export function mapOffset(offset: number, edit: TextEdit, side: 'start' | 'end'): number {
  const delta = edit.newEnd - edit.oldEnd;
  if (side === 'start') {
    if (offset <= edit.start) return offset;
    return offset >= edit.oldEnd ? offset + delta : edit.start;
  }
  if (offset < edit.start || (offset === edit.start && edit.oldEnd > edit.start)) return offset;
  return offset >= edit.oldEnd ? offset + delta : edit.newEnd;
}

/**
 * Codings after a text edit. A coding whose text still reads the same at its mapped position
 * is moved there. Otherwise, when its `text` occurs in the new text near the edit (within the
 * edited region widened by the coding's length on each side), it is re-anchored to the nearest
 * occurrence. Otherwise it keeps its mapped (clamped) offsets and its original `text`, and is
 * flagged `textChanged: true` — never silently moved onto different words. A flagged coding
 * whose text reads the same again is unflagged.
 */
export function reanchorCodings(
  codings: readonly Coding[],
  oldText: string,
  newText: string,
): { codings: Coding[]; moved: number; flagged: number } {
  const edit = diffRegion(oldText, newText);
  const delta = edit ? edit.newEnd - edit.oldEnd : 0;
  let moved = 0;
  let flagged = 0;
  const result = codings.map((c): Coding => {
    const start = edit ? mapOffset(c.start, edit, 'start') : c.start;
    const end = edit ? mapOffset(c.end, edit, 'end') : c.end;
    let found = newText.slice(start, end) === c.text ? start : -1;
    if (found === -1 && edit && c.text !== '') {
      const reach = c.text.length;
      // Measured from both sides of the edit, so a coding between two separate changes is found.
      found = nearestOccurrence(newText, c.text, edit.start - reach, edit.newEnd + reach, [
        c.start,
        c.start + delta,
      ]);
    }
    if (found === -1) {
      if (!c.textChanged) flagged++;
      // Kept near where it was, not stretched over the whole changed region.
      const from = edit ? nearestSide(c.start, edit) : c.start;
      const to = edit ? Math.max(nearestSide(c.end, edit), from) : c.end;
      return from === c.start && to === c.end && c.textChanged
        ? c
        : { ...c, start: from, end: to, textChanged: true };
    }
    const foundEnd = found + c.text.length;
    const shifted = found !== c.start || foundEnd !== c.end;
    if (shifted) moved++;
    return shifted || c.textChanged ? { ...c, start: found, end: foundEnd, textChanged: false } : c;
  });
  return { codings: sortCodings(result), moved, flagged };
}

/** Speaker turns after a text edit: boundaries mapped with `mapOffset`, never end < start. */
export function reanchorTurns(
  turns: readonly SpeakerTurn[],
  oldText: string,
  newText: string,
): SpeakerTurn[] {
  const edit = diffRegion(oldText, newText);
  if (!edit) return turns.map((turn) => ({ ...turn }));
  const delta = edit.newEnd - edit.oldEnd;
  // Text typed where one turn ends and the next begins belongs to the earlier turn only.
  const junction =
    edit.oldEnd === edit.start &&
    turns.some((turn) => turn.end === edit.start && turn.end > turn.start);
  return turns.map((turn) => {
    const start =
      junction && turn.start === edit.start && turn.end > turn.start
        ? turn.start + delta
        : mapOffset(turn.start, edit, 'start');
    const end = mapOffset(turn.end, edit, 'end');
    return { ...turn, start, end: Math.max(start, end) };
  });
}

/**
 * An offset of the old text in the new one; inside the changed region it stays at the same
 * distance from the nearer edge of the region (small corrections scattered over a text form one
 * region, and most of its text did not move).
 */
function nearestSide(offset: number, edit: TextEdit): number {
  if (offset <= edit.start) return offset;
  const delta = edit.newEnd - edit.oldEnd;
  if (offset >= edit.oldEnd) return offset + delta;
  const mapped = offset - edit.start <= edit.oldEnd - offset ? offset : offset + delta;
  return Math.min(Math.max(mapped, edit.start), edit.newEnd);
}

/** True when `pos` falls inside a surrogate pair or a CRLF of `text`. */
function splitsUnit(text: string, pos: number): boolean {
  if (pos <= 0 || pos >= text.length) return false;
  const before = text.charCodeAt(pos - 1);
  const after = text.charCodeAt(pos);
  const pair = before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
  return pair || (before === 13 && after === 10);
}

function splitsPair(oldText: string, newText: string, oldPos: number, newPos: number): boolean {
  return splitsUnit(oldText, oldPos) || splitsUnit(newText, newPos);
}

/** Start of the occurrence of `needle` inside [from, to) closest to any target, or -1. */
function nearestOccurrence(
  text: string,
  needle: string,
  from: number,
  to: number,
  targets: readonly number[],
): number {
  const lo = Math.max(0, from);
  const window = text.slice(lo, Math.min(text.length, to));
  // One scan settles the common miss; otherwise look outward from each target.
  if (window.indexOf(needle) === -1) return -1;
  let best = -1;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const target of new Set(targets)) {
    // The nearest occurrence to a target is the last one before it or the first one after it.
    const rel = Math.min(Math.max(target - lo, 0), window.length);
    for (const at of [window.lastIndexOf(needle, rel), window.indexOf(needle, rel)]) {
      const distance = Math.abs(lo + at - target);
      if (at !== -1 && distance < bestDistance) {
        best = lo + at;
        bestDistance = distance;
      }
    }
  }
  return best;
}
