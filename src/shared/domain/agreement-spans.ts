/**
 * Half-open character spans [start, end) in UTF-16 code units, and the sweeps the text agreement
 * functions build on. Everything here is O(n log n) or linear over sorted lists: no per-character
 * arrays, so a 300,000-character transcript costs what its codings cost.
 */

/** A passage of a source: UTF-16 offsets, end exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Spans sorted by start, then end; a new array, the input untouched. */
export function sortSpans<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The characters covered by any of `sorted` (sorted by start) as disjoint spans, in order:
 * overlapping and touching spans are joined, empty spans vanish.
 */
export function unionSpans(sorted: readonly Span[]): Span[] {
  const union: Span[] = [];
  for (const { start, end } of sorted) {
    if (end <= start) continue;
    const last = union[union.length - 1];
    if (last !== undefined && start <= last.end) last.end = Math.max(last.end, end);
    else union.push({ start, end });
  }
  return union;
}

/** Characters covered by disjoint spans. */
export function coveredLength(disjoint: readonly Span[]): number {
  let length = 0;
  for (const span of disjoint) length += span.end - span.start;
  return length;
}

/** Characters two spans share. */
export function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The spans covered by both of two sorted disjoint lists, in order (a linear sweep). */
export function intersectSpans(a: readonly Span[], b: readonly Span[]): Span[] {
  const both: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) both.push({ start, end });
    if (x.end <= y.end) i += 1;
    else j += 1;
  }
  return both;
}

/** Characters covered by both of two sorted disjoint lists. */
export function intersectionLength(a: readonly Span[], b: readonly Span[]): number {
  return coveredLength(intersectSpans(a, b));
}

/**
 * Index of the first span of a sorted disjoint list that ends after `position`, or the list's
 * length when none does (binary search).
 */
export function firstEndingAfter(disjoint: readonly Span[], position: number): number {
  let low = 0;
  let high = disjoint.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (disjoint[middle]!.end > position) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Characters of `span` covered by a sorted disjoint list. */
export function coveredWithin(disjoint: readonly Span[], span: Span): number {
  let covered = 0;
  for (let i = firstEndingAfter(disjoint, span.start); i < disjoint.length; i += 1) {
    const other = disjoint[i]!;
    if (other.start >= span.end) break;
    covered += overlapLength(other, span);
  }
  return covered;
}
