/**
 * Segment-level agreement, as MAXQDA's "segment overlap" test: each coded segment either has a
 * counterpart in the other coder's layer or it does not.
 */
import { brennanPrediger } from './agreement';
import {
  codingsOf,
  coderPairs,
  indexLayers,
  metaOf,
  type AgreementMeta,
  type IndexedCoding,
  type TextAgreementInput,
  type TextAgreementOptions,
  type UndefinedReason,
} from './agreement-layers';
import { overlapLength, type Span } from './agreement-spans';

/** The default minimum overlap of two segments (intersection ÷ union), as MAXQDA's 90 %. */
export const DEFAULT_SEGMENT_THRESHOLD = 0.9;

/** Ratios this close below the threshold still reach it (0.7 × 10 is 7.000000000000001). */
const TOLERANCE = 1e-12;

/** Options of {@link segmentLevelAgreement}. */
export interface SegmentAgreementOptions extends TextAgreementOptions {
  /** Minimum overlap, intersection ÷ union of the two segments, in (0, 1]. Default 0.9. */
  threshold?: number;
}

/** Segments and agreeing segments of a pair of coders, with the percentage. */
export interface SegmentStats {
  /** Segments of the pair's first and of its second coder. */
  segments: [number, number];
  /** Of which have a counterpart in the other coder's layer, first and second coder. */
  agreeing: [number, number];
  /** Agreeing segments of both coders over all their segments, 0–100; null when undefined. */
  percent: number | null;
  /** 'neither-coded' (no segment), 'no-data' (no document compared); null when defined. */
  undefinedReason: UndefinedReason | null;
}

/** One code in one document. */
export interface SegmentCell extends SegmentStats {
  sourceId: string;
  codeId: string;
}

/** One code pooled over the documents. */
export interface SegmentCodeSummary extends SegmentStats {
  codeId: string;
}

/** All codes and documents, with Brennan–Prediger's κn. */
export interface SegmentOverall extends SegmentStats {
  /** κn = (po − 1/k)/(1 − 1/k), po = percent/100; null when undefined (see the reason). */
  kappaN: number | null;
  /** k: the codes that have at least one segment in the compared documents (MAXQDA's rows). */
  categories: number;
  /** Why κn is null: 'neither-coded', 'no-data' or 'single-category'; null when defined. */
  kappaUndefinedReason: UndefinedReason | null;
}

/** The comparison of two coders. */
export interface SegmentPairAgreement {
  coders: [string, string];
  /** The documents both coders coded, in input order. */
  sourceIds: string[];
  /** One per compared document × code. */
  cells: SegmentCell[];
  byCode: SegmentCodeSummary[];
  overall: SegmentOverall;
}

/** What {@link segmentLevelAgreement} returns. */
export interface SegmentLevelReport {
  meta: AgreementMeta;
  pairs: SegmentPairAgreement[];
}

/**
 * A coder's segments of one code in one document: codings sorted by start, with codings that
 * overlap (share at least one character) joined into one segment. Touching codings stay apart.
 */
export function segmentsOf(sorted: readonly Span[]): Span[] {
  const segments: Span[] = [];
  for (const { start, end } of sorted) {
    const last = segments[segments.length - 1];
    if (last !== undefined && start < last.end) last.end = Math.max(last.end, end);
    else segments.push({ start, end });
  }
  return segments;
}

/** Intersection ÷ union of two segments, 0–1 (the overlap MAXQDA's threshold applies to). */
export function segmentOverlap(a: Span, b: Span): number {
  const shared = overlapLength(a, b);
  return shared / (a.end - a.start + (b.end - b.start) - shared);
}

/**
 * How many of `segments` have a counterpart in `others` (both sorted, each list non-overlapping):
 * a segment of `others` whose overlap with it reaches the threshold. One sweep, O(n + m).
 */
function countAgreeing(segments: readonly Span[], others: readonly Span[], threshold: number) {
  let agreeing = 0;
  let first = 0;
  for (const segment of segments) {
    while (first < others.length && others[first]!.end <= segment.start) first += 1;
    for (let i = first; i < others.length && others[i]!.start < segment.end; i += 1) {
      if (segmentOverlap(segment, others[i]!) >= threshold - TOLERANCE) {
        agreeing += 1;
        break;
      }
    }
  }
  return agreeing;
}

/** Segments and agreeing segments of the first and the second coder. */
interface Tally {
  segments: [number, number];
  agreeing: [number, number];
}

function tally(): Tally {
  return { segments: [0, 0], agreeing: [0, 0] };
}

function addTally(into: Tally, more: Tally): void {
  into.segments[0] += more.segments[0];
  into.segments[1] += more.segments[1];
  into.agreeing[0] += more.agreeing[0];
  into.agreeing[1] += more.agreeing[1];
}

function stats({ segments, agreeing }: Tally, compared: boolean): SegmentStats {
  const copy = {
    segments: [...segments] as [number, number],
    agreeing: [...agreeing] as [number, number],
  };
  const total = segments[0] + segments[1];
  if (!compared) return { ...copy, percent: null, undefinedReason: 'no-data' };
  if (total === 0) return { ...copy, percent: null, undefinedReason: 'neither-coded' };
  const percent = ((agreeing[0] + agreeing[1]) / total) * 100;
  return { ...copy, percent, undefinedReason: null };
}

/**
 * Segment-level agreement of every pair of `coders` (MAXQDA's method, METHODS §2).
 *
 * How overlap is measured: a coder's codings of one code in one document that share a character
 * are first joined into one segment. A segment of coder A agrees when coder B has a segment of
 * the same code in the same document whose overlap with it — characters in common ÷ characters
 * in either, i.e. intersection over union — is at least `threshold` (default 90 %); and the same
 * for each of B's segments against A's. The percentage counts the segments of both coders:
 * agreeing segments of A and of B over all segments of A and of B. With a threshold above 50 %
 * a segment can agree with at most one segment of the other coder.
 *
 * κn (Brennan and Prediger) is given overall, with k = the number of codes that have segments,
 * as MAXQDA does; per code it is not defined. Only documents both coders coded are compared.
 *
 * @throws RangeError when the threshold is not within (0, 1], or as `indexLayers`.
 */
export function segmentLevelAgreement(
  input: TextAgreementInput,
  options: SegmentAgreementOptions,
): SegmentLevelReport {
  const threshold = options.threshold ?? DEFAULT_SEGMENT_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) {
    throw new RangeError(`the overlap threshold must be within 0 and 1, got ${threshold}`);
  }
  const index = indexLayers(input, options);
  const segmentCache = new Map<readonly IndexedCoding[], Span[]>();
  const segmentsFor = (sourceId: string, codeId: string, coderId: string): Span[] => {
    const codings = codingsOf(index, sourceId, codeId, coderId);
    let segments = segmentCache.get(codings);
    if (segments === undefined) {
      segments = segmentsOf(codings);
      if (codings.length > 0) segmentCache.set(codings, segments);
    }
    return segments;
  };

  const pairs = coderPairs(index.coders).map(([a, b]): SegmentPairAgreement => {
    const sources = index.sources.filter(
      (source) => index.coded(source.id, a) && index.coded(source.id, b),
    );
    const compared = sources.length > 0;
    const cells: SegmentCell[] = [];
    const perCode = new Map(index.codeIds.map((codeId) => [codeId, tally()]));
    for (const source of sources) {
      for (const codeId of index.codeIds) {
        const mine = segmentsFor(source.id, codeId, a);
        const theirs = segmentsFor(source.id, codeId, b);
        const cell: Tally = {
          segments: [mine.length, theirs.length],
          agreeing: [
            countAgreeing(mine, theirs, threshold),
            countAgreeing(theirs, mine, threshold),
          ],
        };
        cells.push({ sourceId: source.id, codeId, ...stats(cell, true) });
        addTally(perCode.get(codeId)!, cell);
      }
    }
    const byCode = index.codeIds.map((codeId): SegmentCodeSummary => ({
      codeId,
      ...stats(perCode.get(codeId)!, compared),
    }));
    const total = tally();
    for (const sums of perCode.values()) addTally(total, sums);
    const overall = stats(total, compared);
    const categories = byCode.filter((code) => code.segments[0] + code.segments[1] > 0).length;
    let kappaN: number | null = null;
    let kappaUndefinedReason = overall.undefinedReason;
    if (overall.percent !== null) {
      const po = (total.agreeing[0] + total.agreeing[1]) / (total.segments[0] + total.segments[1]);
      if (categories < 2) kappaUndefinedReason = 'single-category';
      else kappaN = brennanPrediger(po, categories);
    }
    return {
      coders: [a, b],
      sourceIds: sources.map((source) => source.id),
      cells,
      byCode,
      overall: { ...overall, kappaN, categories, kappaUndefinedReason },
    };
  });
  return { meta: metaOf(index, 'segment', 'segment', { threshold }), pairs };
}
