/** Re-anchoring codings and turns when a source text is corrected (see reanchorCodings). */
import { diffChars, diffLines, type ChangeObject } from 'diff';
import { consensusDecisionId } from '../model/constants';
import type { ConsensusDecision } from '../model/project';
import type { Coding, SpeakerTurn } from '../model/source';
import { sortCodings } from './coding';

/** The region where two texts differ: [start, oldEnd) in the old text became [start, newEnd). */
export interface TextRegion {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** One changed stretch: [oldStart, oldEnd) of the old text became [newStart, newEnd) of the new. */
export interface TextEdit {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

/**
 * The region spanning every difference between two texts, by common prefix and suffix (null
 * when equal). Never splits a surrogate pair or a CRLF.
 */
export function diffRegion(oldText: string, newText: string): TextRegion | null {
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
 * Bounds of the diffs (characters, then lines, inserted plus deleted): beyond them the texts
 * are taken as differing in one region, a rewrite rather than corrections. Bounds, not a
 * timeout, so the same two texts always give the same stretches (a correction interrupted by a
 * crash is finished at the next open exactly as it was begun, see edit-journal.ts).
 */
const MAX_CHARS_CHANGED = 1_000;
const MAX_LINES_CHANGED = 2_000;

/**
 * The stretches where two texts differ, in order (none when equal): each correction made in the
 * editor is a stretch of its own, so the text between two corrections is known to be unchanged
 * (a single region spanning them would lose where turns and codings between them were). Many
 * corrections are compared line by line. Never splits a surrogate pair or a CRLF.
 */
export function textEdits(oldText: string, newText: string): TextEdit[] {
  const region = diffRegion(oldText, newText);
  if (!region) return [];
  const whole: TextEdit = {
    oldStart: region.start,
    oldEnd: region.oldEnd,
    newStart: region.start,
    newEnd: region.newEnd,
  };
  if (region.oldEnd === region.start || region.newEnd === region.start) return [whole];
  const before = oldText.slice(region.start, region.oldEnd);
  const after = newText.slice(region.start, region.newEnd);
  const parts =
    diffChars(before, after, { maxEditLength: MAX_CHARS_CHANGED }) ??
    diffLines(before, after, { maxEditLength: MAX_LINES_CHANGED });
  if (!parts) return [whole];
  return wholeUnits(stretchesOf(parts, region.start), oldText, newText);
}

/** The changed stretches of a diff of two texts' parts starting at `at` in both. */
function stretchesOf(parts: readonly ChangeObject<string>[], at: number): TextEdit[] {
  const edits: TextEdit[] = [];
  let oldAt = at;
  let newAt = at;
  let open: TextEdit | null = null;
  for (const part of parts) {
    const length = part.value.length;
    if (!part.added && !part.removed) {
      if (open) edits.push(open);
      open = null;
      oldAt += length;
      newAt += length;
      continue;
    }
    open ??= { oldStart: oldAt, oldEnd: oldAt, newStart: newAt, newEnd: newAt };
    if (part.removed) oldAt += length;
    else newAt += length;
    open.oldEnd = oldAt;
    open.newEnd = newAt;
  }
  if (open) edits.push(open);
  return edits;
}

/**
 * Stretches closer than this are one: a character diff splits a rewritten word into pieces
 * around the letters it kept ("cosa" → "casa" is not two changes).
 */
const MIN_UNCHANGED = 4;

/**
 * Widens each stretch until it splits no surrogate pair or CRLF (the text around a stretch is the
 * same in both texts, so both sides widen alike), joining stretches that then meet or nearly do.
 */
function wholeUnits(edits: TextEdit[], oldText: string, newText: string): TextEdit[] {
  const joined: TextEdit[] = [];
  for (const edit of edits) {
    const next = { ...edit };
    while (next.oldStart > 0 && splitsPair(oldText, newText, next.oldStart, next.newStart)) {
      next.oldStart--;
      next.newStart--;
    }
    while (next.oldEnd < oldText.length && splitsPair(oldText, newText, next.oldEnd, next.newEnd)) {
      next.oldEnd++;
      next.newEnd++;
    }
    const last = joined.at(-1);
    if (last && next.oldStart - last.oldEnd < MIN_UNCHANGED) {
      last.oldEnd = Math.max(last.oldEnd, next.oldEnd);
      last.newEnd = Math.max(last.newEnd, next.newEnd);
    } else joined.push(next);
  }
  return joined;
}

/**
 * Where an offset of the old text lands in the new one: outside every stretch, shifted by what
 * the stretches before it added or removed; inside one, clamped to its new bounds (`side`
 * 'start' → its start, 'end' → its end). Text inserted exactly at a boundary is taken into the
 * span (a start stays, an end shifts), so typing at the end of a turn extends it.
 */
export function mapOffset(
  offset: number,
  edits: readonly TextEdit[],
  side: 'start' | 'end',
): number {
  for (const edit of edits) {
    const before =
      side === 'start'
        ? offset <= edit.oldStart
        : offset < edit.oldStart || (offset === edit.oldStart && edit.oldEnd > edit.oldStart);
    if (before) return offset + edit.newStart - edit.oldStart;
    if (offset < edit.oldEnd) return side === 'start' ? edit.newStart : edit.newEnd;
  }
  const last = edits.at(-1);
  return last ? offset + last.newEnd - last.oldEnd : offset;
}

/**
 * Codings after a text edit. A coding whose text still reads the same at its mapped position
 * is moved there. Otherwise, when its `text` occurs in the new text near the stretches it touches
 * (widened by the coding's length on each side), it is re-anchored to the nearest occurrence.
 * Otherwise it keeps its mapped offsets and its original `text`, and is flagged
 * `textChanged: true`: never silently moved onto different words. A flagged coding whose text
 * reads the same again is unflagged.
 */
export function reanchorCodings(
  codings: readonly Coding[],
  oldText: string,
  newText: string,
  edits: readonly TextEdit[] = textEdits(oldText, newText),
): { codings: Coding[]; moved: number; flagged: number } {
  let moved = 0;
  let flagged = 0;
  const result = codings.map((c): Coding => {
    const next = reanchorPassage(c, newText, edits);
    if (next.textChanged && !c.textChanged) flagged++;
    if (!next.textChanged && (next.start !== c.start || next.end !== c.end)) moved++;
    return next;
  });
  return { codings: sortCodings(result), moved, flagged };
}

/** A passage: offsets, the words they read, and whether they still read them. */
interface Passage {
  start: number;
  end: number;
  text: string;
  textChanged: boolean;
}

/** One passage after a text edit (see `reanchorCodings`): the same object when unchanged. */
function reanchorPassage<P extends Passage>(c: P, newText: string, edits: readonly TextEdit[]): P {
  const start = mapOffset(c.start, edits, 'start');
  const end = mapOffset(c.end, edits, 'end');
  let found = newText.slice(start, end) === c.text ? start : -1;
  if (found === -1 && edits.length > 0 && c.text !== '') {
    const reach = c.text.length;
    // The stretches near the passage: its words may have moved within or between them.
    const near = edits.filter((e) => e.oldStart <= c.end + reach && e.oldEnd >= c.start - reach);
    const from = Math.min(start, near[0]?.newStart ?? start) - reach;
    const to = Math.max(end, near.at(-1)?.newEnd ?? end) + reach;
    found = nearestOccurrence(newText, c.text, from, to, [start, end - reach]);
  }
  if (found === -1) {
    // Kept near where it was, not stretched over a whole changed stretch.
    const from = nearestSide(c.start, edits);
    const to = Math.max(nearestSide(c.end, edits), from);
    return from === c.start && to === c.end && c.textChanged
      ? c
      : { ...c, start: from, end: to, textChanged: true };
  }
  const foundEnd = found + c.text.length;
  const shifted = found !== c.start || foundEnd !== c.end;
  return shifted || c.textChanged ? { ...c, start: found, end: foundEnd, textChanged: false } : c;
}

/**
 * Speaker turns after a text edit: boundaries mapped with `mapOffset`, never end < start. A
 * boundary inside a changed stretch (a correction across two turns) goes to one point for the
 * turn ending there and the one starting there, so turns never overlap.
 */
export function reanchorTurns(
  turns: readonly SpeakerTurn[],
  oldText: string,
  newText: string,
  edits: readonly TextEdit[] = textEdits(oldText, newText),
): SpeakerTurn[] {
  if (edits.length === 0) return turns.map((turn) => ({ ...turn }));
  // Text typed where one turn ends and the next begins belongs to the earlier turn only.
  const ends = new Set(turns.filter((turn) => turn.end > turn.start).map((turn) => turn.end));
  const typedAt = new Set(edits.filter((e) => e.oldEnd === e.oldStart).map((e) => e.oldStart));
  return turns.map((turn) => {
    const junction = turn.end > turn.start && typedAt.has(turn.start) && ends.has(turn.start);
    const start = nearestSide(turn.start, edits, junction ? 'end' : 'start');
    const end = nearestSide(turn.end, edits, 'end');
    return { ...turn, start, end: Math.max(start, end) };
  });
}

/**
 * An offset of the old text in the new one; inside a changed stretch it stays at the same
 * distance from the nearer edge of the stretch (most of a rewritten stretch's neighbourhood did
 * not move); elsewhere as `mapOffset` maps it on `side`.
 */
function nearestSide(
  offset: number,
  edits: readonly TextEdit[],
  side: 'start' | 'end' = 'start',
): number {
  const inside = edits.find((e) => e.oldStart < offset && offset < e.oldEnd);
  if (!inside) return mapOffset(offset, edits, side);
  const mapped =
    offset - inside.oldStart <= inside.oldEnd - offset
      ? inside.newStart + (offset - inside.oldStart)
      : inside.newEnd - (inside.oldEnd - offset);
  return Math.min(Math.max(mapped, inside.newStart), inside.newEnd);
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

/**
 * A consensus decision ("neither version") on a corrected text: its passage follows its words
 * as a coding's does, and its id, which names the passage, with it. Null when the correction
 * removed the whole passage.
 */
export function reanchorDecision(
  decision: ConsensusDecision,
  oldText: string,
  newText: string,
  edits: readonly TextEdit[],
): ConsensusDecision | null {
  const { sourceId, codeId } = decision;
  const words = oldText.slice(decision.start, decision.end);
  const { start, end } = reanchorPassage(
    { start: decision.start, end: decision.end, text: words, textChanged: false },
    newText,
    edits,
  );
  if (end <= start) return null;
  if (start === decision.start && end === decision.end) return decision;
  // A new record (its id is new): the store stamps it, and the old one leaves a tombstone.
  return { id: consensusDecisionId(sourceId, codeId, start, end), sourceId, codeId, start, end };
}
