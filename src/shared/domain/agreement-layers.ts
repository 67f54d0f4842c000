/**
 * The input of every text agreement function: the coder layers of some sources, as plain records
 * that do not depend on how the project stores them, and the index the comparisons share.
 */
import { sortSpans, unionSpans, type Span } from './agreement-spans';

/** One coding in one coder's layer. Offsets are UTF-16 code units, end exclusive. */
export interface CoderCoding {
  /** The coding's id, when it has one: disagreements carry it so a browser can find the coding. */
  id?: string;
  coderId: string;
  codeId: string;
  sourceId: string;
  start: number;
  end: number;
}

/** A source to compare: its length, its units for the unit level, and who coded it. */
export interface AgreementSource {
  id: string;
  /** Length of the source text in UTF-16 code units. */
  length: number;
  /** Speaker turns, the units of the unit level by turn. */
  turns?: readonly Span[];
  /** Sentences (see `sentenceUnits`), the units of the unit level by sentence. */
  sentences?: readonly Span[];
  /**
   * The coders who coded this source (whose layer exists). A coder missing from the list is
   * missing data for this source, not a coder who coded nothing; a coder with codings in the
   * source coded it whatever the list says. Absent: every coder compared coded it.
   */
  codedBy?: readonly string[];
}

/** Sources and the codings of their coder layers. */
export interface TextAgreementInput {
  sources: readonly AgreementSource[];
  codings: readonly CoderCoding[];
}

/** Which coders and codes to compare. */
export interface TextAgreementOptions {
  /** Two or more distinct coder ids; pairs follow this order. */
  coders: readonly string[];
  /**
   * The codes to compare, in table order. Default: every code the compared coders used in the
   * sources, in order of first appearance among the codings.
   */
  codeIds?: readonly string[];
}

/** A coding as indexed: clipped to its source, with its id when it has one. */
export interface IndexedCoding extends Span {
  id?: string;
}

/** Why a statistic is undefined (null): stated next to it in tables. */
export type UndefinedReason =
  /** Neither coder used the code in the document(s): no statistic, never 100 % or κ = 1. */
  | 'neither-coded'
  /** Every compared unit fell in one category (e.g. both coded everything): κ has no chance term. */
  | 'no-variation'
  /** Nothing to compare: an empty source, no source both coders coded, or no units. */
  | 'no-data'
  /** A single category: Brennan–Prediger's κn needs at least two codes. */
  | 'single-category';

/** What every result carries so that a table can print how it was computed. */
export interface AgreementMeta {
  /**
   * 'character' (NVivo), 'segment' (MAXQDA), 'unit' (coded units, κ and α), or 'disagreement'
   * (the list of passages where coders differ, no statistic).
   */
  method: 'character' | 'segment' | 'unit' | 'disagreement';
  /** The unit counted: characters, segments, speaker turns or sentences. */
  unit: 'character' | 'segment' | 'turn' | 'sentence';
  /** Segment level: the minimum overlap, intersection ÷ union of two segments, 0–1. Else null. */
  threshold: number | null;
  /** Unit level: the characters a coding must share with a unit to mark it. Else null. */
  minOverlap: number | null;
  coders: string[];
  sourceIds: string[];
  codeIds: string[];
  /** Codings left out because they were empty or fell outside their source's text. */
  ignoredCodings: number;
}

/** The layers indexed once for all pairs: per source, per code, per coder. */
export interface LayerIndex {
  coders: string[];
  sources: AgreementSource[];
  codeIds: string[];
  ignoredCodings: number;
  /** Codings sorted by start: sourceId → codeId → coderId → codings. */
  codings: Map<string, Map<string, Map<string, IndexedCoding[]>>>;
  /** True when `coderId` coded the source (see {@link AgreementSource.codedBy}). */
  coded(sourceId: string, coderId: string): boolean;
}

/** Every pair of coders, in the order given: [a, b], [a, c], [b, c] … */
export function coderPairs(coders: readonly string[]): [string, string][] {
  return indexPairs(coders.length).map(([i, j]) => [coders[i]!, coders[j]!]);
}

/** Every pair of indexes below `count`, in order: [0, 1], [0, 2], [1, 2] … */
export function indexPairs(count: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < count; i += 1) for (let j = i + 1; j < count; j += 1) pairs.push([i, j]);
  return pairs;
}

/**
 * Validates the input and indexes the compared coders' codings of the compared codes, clipped to
 * each source's text. Codings of other coders, codes or sources are left out silently (they are
 * not part of the comparison); codings that are empty or outside the text are counted in
 * `ignoredCodings`.
 *
 * @throws RangeError with fewer than two distinct coders, a repeated source id, or a source
 *   length that is not an integer ≥ 0.
 */
export function indexLayers(input: TextAgreementInput, options: TextAgreementOptions): LayerIndex {
  const coders = [...options.coders];
  if (new Set(coders).size !== coders.length || coders.length < 2) {
    throw new RangeError('compare at least two distinct coders');
  }
  const sources = [...input.sources];
  const byId = new Map<string, AgreementSource>();
  for (const source of sources) {
    if (byId.has(source.id)) throw new RangeError(`source ${source.id} is listed twice`);
    if (!Number.isInteger(source.length) || source.length < 0) {
      throw new RangeError(`source ${source.id} has an invalid length: ${source.length}`);
    }
    byId.set(source.id, source);
  }
  const coderSet = new Set(coders);
  const chosenCodes = options.codeIds === undefined ? null : new Set(options.codeIds);
  const seenCodes: string[] = [];
  const seen = new Set<string>();
  const codings = new Map<string, Map<string, Map<string, IndexedCoding[]>>>();
  const layers = new Set<string>(); // source × coder pairs with at least one coding
  let ignoredCodings = 0;
  for (const coding of input.codings) {
    const source = byId.get(coding.sourceId);
    if (source === undefined || !coderSet.has(coding.coderId)) continue;
    layers.add(layerKey(coding.sourceId, coding.coderId));
    if (chosenCodes !== null && !chosenCodes.has(coding.codeId)) continue;
    const start = Math.max(0, coding.start);
    const end = Math.min(source.length, coding.end);
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
      ignoredCodings += 1;
      continue;
    }
    if (!seen.has(coding.codeId)) {
      seen.add(coding.codeId);
      seenCodes.push(coding.codeId);
    }
    const byCode = getOrSet(codings, coding.sourceId, () => new Map());
    const byCoder = getOrSet(byCode, coding.codeId, () => new Map());
    const list = getOrSet<string, IndexedCoding[]>(byCoder, coding.coderId, () => []);
    list.push(coding.id === undefined ? { start, end } : { id: coding.id, start, end });
  }
  for (const byCode of codings.values()) {
    for (const byCoder of byCode.values()) {
      for (const [coder, list] of byCoder) byCoder.set(coder, sortSpans(list));
    }
  }
  const codedBy = new Map(
    sources.map((source) => [source.id, source.codedBy ? new Set(source.codedBy) : null]),
  );
  return {
    coders,
    sources,
    codeIds: options.codeIds === undefined ? seenCodes : [...new Set(options.codeIds)],
    ignoredCodings,
    codings,
    coded: (sourceId, coderId) => {
      const list = codedBy.get(sourceId);
      if (list === undefined) return false;
      return list === null || list.has(coderId) || layers.has(layerKey(sourceId, coderId));
    },
  };
}

/** A coder's codings of a code in a source, sorted by start (empty when there are none). */
export function codingsOf(
  index: LayerIndex,
  sourceId: string,
  codeId: string,
  coderId: string,
): readonly IndexedCoding[] {
  return index.codings.get(sourceId)?.get(codeId)?.get(coderId) ?? [];
}

/** The characters a coder coded with a code in a source, as sorted disjoint spans. */
export function coverageOf(
  index: LayerIndex,
  sourceId: string,
  codeId: string,
  coderId: string,
): Span[] {
  return unionSpans(codingsOf(index, sourceId, codeId, coderId));
}

/** The meta every result carries. */
export function metaOf(
  index: LayerIndex,
  method: AgreementMeta['method'],
  unit: AgreementMeta['unit'],
  extra: { threshold?: number; minOverlap?: number } = {},
): AgreementMeta {
  return {
    method,
    unit,
    threshold: extra.threshold ?? null,
    minOverlap: extra.minOverlap ?? null,
    coders: [...index.coders],
    sourceIds: index.sources.map((source) => source.id),
    codeIds: [...index.codeIds],
    ignoredCodings: index.ignoredCodings,
  };
}

function layerKey(sourceId: string, coderId: string): string {
  return `${sourceId}\u0000${coderId}`;
}

function getOrSet<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}
