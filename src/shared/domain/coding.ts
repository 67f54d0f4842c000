import type { Coding } from '../model/source';

/** What the user asks for when coding a passage; the domain fills in `text`. */
export interface NewCoding {
  id: string;
  codeId: string;
  start: number;
  end: number;
  /** The evaluator coding: the coding goes in their layer. */
  coderId: string;
  createdAt: string;
  memo?: string;
}

/**
 * Adds a coding of `coding.codeId` over [start, end) (UTF-16 offsets, end exclusive). Codings of
 * the same code by the same coder that overlap or touch the new range are united with it into
 * one coding (keeping the id and createdAt of the earliest-created one, memos joined with a blank line, `key`
 * true if any was). `text` is always `sourceText.slice(start, end)`. Other codes are untouched.
 * Returns a new array sorted by start, then end. Throws RangeError for an empty or out-of-range
 * span. A coding flagged `textChanged` is never united: it stays as it is, awaiting review.
 */
export function applyCoding(
  codings: readonly Coding[],
  sourceText: string,
  coding: NewCoding,
): Coding[] {
  assertSpan(sourceText, coding.start, coding.end);
  const fresh: Coding = {
    id: coding.id,
    codeId: coding.codeId,
    start: coding.start,
    end: coding.end,
    text: sourceText.slice(coding.start, coding.end),
    coderId: coding.coderId,
    memo: coding.memo ?? '',
    key: false,
    textChanged: false,
    createdAt: coding.createdAt,
  };
  const touching: Coding[] = [];
  const rest: Coding[] = [];
  let sorted = true;
  for (const c of codings) {
    // Each coder's layer is theirs: another coder's coding of the same code is never united.
    const touches =
      c.codeId === coding.codeId &&
      c.coderId === coding.coderId &&
      !c.textChanged &&
      c.start <= coding.end &&
      c.end >= coding.start;
    if (touches) {
      touching.push(c);
      continue;
    }
    const last = rest.at(-1);
    if (last && (last.start > c.start || (last.start === c.start && last.end > c.end))) {
      sorted = false;
    }
    rest.push(c);
  }
  // Existing codings come first so they win a createdAt tie.
  const added = touching.length === 0 ? fresh : unite([...touching, fresh], sourceText);
  if (!sorted) return sortCodings([...rest, added]);
  // The others are in order already: the new coding goes after those that sort before or with
  // it, where the stable sort would put it.
  rest.splice(insertionPoint(rest, added), 0, added);
  return rest;
}

/** The index after every coding of `sorted` that starts before `coding`, or with it and ends no later. */
function insertionPoint(sorted: readonly Coding[], coding: Coding): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const other = sorted[middle]!;
    if (other.start < coding.start || (other.start === coding.start && other.end <= coding.end)) {
      low = middle + 1;
    } else high = middle;
  }
  return low;
}

/**
 * Removes `codeId` from [start, end): its codings are trimmed; a coding that spans the range on
 * both sides is split in two (the second part gets `newId()`, same memo/coder/createdAt/key).
 * Codings left empty disappear. Returns a new sorted array.
 */
export function uncodeRange(
  codings: readonly Coding[],
  sourceText: string,
  codeId: string,
  start: number,
  end: number,
  newId: () => string,
): Coding[] {
  const result: Coding[] = [];
  for (const c of codings) {
    if (c.codeId !== codeId || c.end <= start || c.start >= end) {
      result.push(c);
      continue;
    }
    const left = c.start < start;
    if (left) result.push(reread(c, sourceText, c.start, start));
    if (c.end > end) {
      const right = reread(c, sourceText, end, c.end);
      result.push(left ? { ...right, id: newId() } : right);
    }
  }
  return sortCodings(result);
}

/**
 * Joins overlapping or adjacent codings of the same code by the same coder into one (as
 * `applyCoding` does). Used after a merge of two codes. Returns a new sorted array. Flagged
 * codings stay apart, and so do different coders' codings.
 */
export function joinSegments(codings: readonly Coding[], sourceText: string): Coding[] {
  const result = codings.filter((c) => c.textChanged);
  const layer = (c: Coding) => `${c.coderId}\u0000${c.codeId}`;
  const byCode = codings
    .filter((c) => !c.textChanged)
    .sort((a, b) => (layer(a) < layer(b) ? -1 : layer(a) > layer(b) ? 1 : a.start - b.start));
  let group: Coding[] = [];
  let groupEnd = -1;
  const flush = () => {
    if (group.length === 1) result.push(group[0]!);
    else if (group.length > 1) result.push(unite(group, sourceText));
  };
  for (const c of byCode) {
    const joins = group.length > 0 && layer(group[0]!) === layer(c) && c.start <= groupEnd;
    if (!joins) {
      flush();
      group = [];
      groupEnd = -1;
    }
    group.push(c);
    groupEnd = Math.max(groupEnd, c.end);
  }
  flush();
  return sortCodings(result);
}

/** Recodes every coding of `fromCodeId` as `intoCodeId`, then joins overlapping/adjacent ones. */
export function mergeCodings(
  codings: readonly Coding[],
  sourceText: string,
  fromCodeId: string,
  intoCodeId: string,
): Coding[] {
  const recoded = codings.map((c) => (c.codeId === fromCodeId ? { ...c, codeId: intoCodeId } : c));
  return joinSegments(recoded, sourceText);
}

/**
 * The coding with new boundaries; `text` re-read from the source and `textChanged` cleared.
 * Throws RangeError for an empty or out-of-range span.
 */
export function adjustCoding(
  coding: Coding,
  sourceText: string,
  start: number,
  end: number,
): Coding {
  assertSpan(sourceText, start, end);
  return reread(coding, sourceText, start, end);
}

/** Codings covering `offset` (start <= offset < end), innermost (shortest) first. */
export function codingsAt(codings: readonly Coding[], offset: number): Coding[] {
  return codings
    .filter((c) => c.start <= offset && offset < c.end)
    .sort((a, b) => a.end - a.start - (b.end - b.start));
}
function assertSpan(sourceText: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw new RangeError(`Invalid span [${start}, ${end})`);
  }
  if (end > sourceText.length) throw new RangeError(`Span [${start}, ${end}) beyond the text`);
}

/** Sorts codings by start, then end, in place. */
export function sortCodings(codings: Coding[]): Coding[] {
  return codings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The coding over a new span, its text read from the source (so no longer flagged). */
function reread(coding: Coding, sourceText: string, start: number, end: number): Coding {
  return { ...coding, start, end, text: sourceText.slice(start, end), textChanged: false };
}

/** Milliseconds for comparing; timestamps differ in precision, so strings would mis-sort. */
function createdTime(coding: Coding): number {
  const time = Date.parse(coding.createdAt);
  return Number.isNaN(time) ? Number.POSITIVE_INFINITY : time;
}

/** One coding covering all `parts` (same code), identified by the earliest-created part. */
function unite(parts: readonly Coding[], sourceText: string): Coding {
  const byAge = [...parts].sort((a, b) => createdTime(a) - createdTime(b));
  const first = byAge[0]!;
  const start = Math.min(...parts.map((c) => c.start));
  const end = Math.max(...parts.map((c) => c.end));
  // A split coding carries its memo into both halves: rejoined, it should read once.
  const memos = [...new Set(byAge.map((c) => c.memo).filter((memo) => memo.trim() !== ''))];
  return {
    ...first,
    start,
    end,
    text: sourceText.slice(start, end),
    memo: memos.join('\n\n'),
    key: parts.some((c) => c.key),
    textChanged: false,
  };
}
