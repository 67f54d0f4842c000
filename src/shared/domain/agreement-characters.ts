/**
 * Character-level agreement, as NVivo's coding comparison: for each code in each document, every
 * character is a unit that each coder either coded with the code or did not.
 */
import { characterAgreement, type CharacterCounts } from './agreement';
import {
  coderPairs,
  coverageOf,
  indexLayers,
  metaOf,
  type AgreementMeta,
  type TextAgreementInput,
  type TextAgreementOptions,
  type UndefinedReason,
} from './agreement-layers';
import { coveredLength, intersectionLength, type Span } from './agreement-spans';

/** Percent agreement and κ of a set of characters, with the counts they rest on. */
export interface CharacterStats {
  /** Characters compared, coded by both, by the pair's first coder only, by the second only. */
  counts: CharacterCounts;
  /** Characters coded by both or by neither, over all, 0–100; null when undefined. */
  percent: number | null;
  /** NVivo's κ; null when undefined. */
  kappa: number | null;
  /**
   * Why `kappa` is null: 'neither-coded' (then `percent` is null too: nothing was coded, which is
   * not 100 % agreement), 'no-variation' (both coded every character; `percent` is 100) or
   * 'no-data' (no characters). Null when `kappa` is a number.
   */
  undefinedReason: UndefinedReason | null;
}

/** One code in one document. */
export interface CharacterCell extends CharacterStats {
  sourceId: string;
  codeId: string;
}

/** One code pooled over the pair's documents. */
export interface CharacterCodeSummary extends CharacterStats {
  codeId: string;
  /** Documents in which at least one of the two coders used the code. */
  sourcesUsed: number;
}

/** One document pooled over the codes. */
export interface CharacterSourceSummary extends CharacterStats {
  sourceId: string;
}

/** The comparison of two coders. */
export interface CharacterPairAgreement {
  coders: [string, string];
  /** The documents both coders coded, which are the ones compared, in input order. */
  sourceIds: string[];
  /** One per compared document × code, documents in input order, codes in table order. */
  cells: CharacterCell[];
  /** Per code, pooled over the documents (the NVivo average weighted by document length). */
  byCode: CharacterCodeSummary[];
  /** Per document, pooled over the codes. */
  bySource: CharacterSourceSummary[];
  /** Every character × code of every compared document. */
  overall: CharacterStats;
}

/** What {@link characterLevelAgreement} returns. */
export interface CharacterLevelReport {
  meta: AgreementMeta;
  /** One per pair of coders, in the order of `coders`. */
  pairs: CharacterPairAgreement[];
}

/** Percent and κ from counts, with "undefined" stated rather than printed as 100 or 1. */
export function characterStats(counts: CharacterCounts): CharacterStats {
  if (counts.total === 0) {
    return { counts, percent: null, kappa: null, undefinedReason: 'no-data' };
  }
  if (counts.both + counts.aOnly + counts.bOnly === 0) {
    return { counts, percent: null, kappa: null, undefinedReason: 'neither-coded' };
  }
  const { percent, kappa } = characterAgreement(counts);
  return { counts, percent, kappa, undefinedReason: kappa === null ? 'no-variation' : null };
}

function emptyCounts(): CharacterCounts {
  return { total: 0, both: 0, aOnly: 0, bOnly: 0 };
}

function addCounts(into: CharacterCounts, counts: CharacterCounts): void {
  into.total += counts.total;
  into.both += counts.both;
  into.aOnly += counts.aOnly;
  into.bOnly += counts.bOnly;
}

/** The four counts of one code in one document from the two coders' coverage. */
function countCharacters(total: number, a: readonly Span[], b: readonly Span[]): CharacterCounts {
  const both = intersectionLength(a, b);
  return { total, both, aOnly: coveredLength(a) - both, bOnly: coveredLength(b) - both };
}

/**
 * How many documents a study compared: those coded by both coders of at least one pair (a
 * document only one coder coded is not compared, though the study indexed it).
 */
export function comparedSourceCount(report: CharacterLevelReport): number {
  return new Set(report.pairs.flatMap((pair) => pair.sourceIds)).size;
}

/**
 * Character-level agreement of every pair of `coders`, per code × document, per code and per
 * document pooled, and overall (NVivo's method, METHODS §2). A character is coded by a coder when
 * any of the coder's codings of the code covers it; overlapping codings of one coder count once.
 * Characters are UTF-16 code units, as the offsets (an emoji counts two). Only the documents both
 * coders of a pair coded are compared (see `AgreementSource.codedBy`); pooled figures sum the
 * counts, so each document weighs by its length, and include documents where neither coder used
 * the code (their characters are agreement on "not this code").
 *
 * A cell where neither coder used the code has `percent` and `kappa` null with the reason
 * 'neither-coded': it is not a 100 % agreement and never κ = 1.
 *
 * @throws RangeError as `indexLayers` (fewer than two coders, repeated source ids, bad lengths).
 */
export function characterLevelAgreement(
  input: TextAgreementInput,
  options: TextAgreementOptions,
): CharacterLevelReport {
  const index = indexLayers(input, options);
  // Each coder's coverage per document and code, computed once for every pair.
  const coverage = new Map<string, Span[]>();
  const coverageFor = (sourceId: string, codeId: string, coderId: string): Span[] => {
    const key = `${sourceId}\u0000${codeId}\u0000${coderId}`;
    let spans = coverage.get(key);
    if (spans === undefined) {
      spans = coverageOf(index, sourceId, codeId, coderId);
      coverage.set(key, spans);
    }
    return spans;
  };

  const pairs = coderPairs(index.coders).map(([a, b]): CharacterPairAgreement => {
    const sources = index.sources.filter(
      (source) => index.coded(source.id, a) && index.coded(source.id, b),
    );
    const cells: CharacterCell[] = [];
    const perCode = new Map(index.codeIds.map((codeId) => [codeId, emptyCounts()]));
    const used = new Map(index.codeIds.map((codeId) => [codeId, 0]));
    const overall = emptyCounts();
    const bySource = sources.map((source): CharacterSourceSummary => {
      const sourceCounts = emptyCounts();
      for (const codeId of index.codeIds) {
        const counts = countCharacters(
          source.length,
          coverageFor(source.id, codeId, a),
          coverageFor(source.id, codeId, b),
        );
        cells.push({ sourceId: source.id, codeId, ...characterStats(counts) });
        addCounts(perCode.get(codeId)!, counts);
        addCounts(sourceCounts, counts);
        if (counts.both + counts.aOnly + counts.bOnly > 0) used.set(codeId, used.get(codeId)! + 1);
      }
      addCounts(overall, sourceCounts);
      return { sourceId: source.id, ...characterStats(sourceCounts) };
    });
    return {
      coders: [a, b],
      sourceIds: sources.map((source) => source.id),
      cells,
      byCode: index.codeIds.map((codeId) => ({
        codeId,
        sourcesUsed: used.get(codeId)!,
        ...characterStats(perCode.get(codeId)!),
      })),
      bySource,
      overall: characterStats(overall),
    };
  });
  return { meta: metaOf(index, 'character', 'character'), pairs };
}
