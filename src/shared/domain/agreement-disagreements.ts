/**
 * The passages where coders differ, for the disagreement browser: each with every coder's version
 * (codings and the characters they cover), and what accepting a version puts in a consensus layer.
 */
import {
  indexLayers,
  codingsOf,
  metaOf,
  type AgreementMeta,
  type IndexedCoding,
  type TextAgreementInput,
  type TextAgreementOptions,
} from './agreement-layers';
import { coveredLength, intersectSpans, sortSpans, unionSpans, type Span } from './agreement-spans';

/** Options of {@link findDisagreements}. */
export interface DisagreementOptions extends TextAgreementOptions {
  /**
   * Leave out passages where the coders differ by fewer characters than this (a stray space at a
   * boundary). Integer ≥ 1; default 1, every difference.
   */
  minDifference?: number;
}

/** One coder's version of a passage. */
export interface CoderVersion {
  coderId: string;
  /** The coder's codings of the code in the passage, sorted, with their ids when known. */
  codings: IndexedCoding[];
  /** The characters the coder coded in the passage, as sorted disjoint spans (empty: none). */
  coverage: Span[];
}

/** A passage where coders differ on one code. */
export interface Disagreement {
  sourceId: string;
  codeId: string;
  /** From the first to the last character any coder coded in the passage (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** 'presence': a coder did not code the passage at all; 'extent': all did, with other bounds. */
  kind: 'presence' | 'extent';
  /** Each coder who coded the document, in the order of `coders`. */
  versions: CoderVersion[];
  /** Characters every coder coded. */
  agreed: number;
  /** Characters any coder coded. */
  covered: number;
  /** agreed ÷ covered, 0–1: for two coders, the segment level's intersection over union. */
  overlap: number;
}

/** What {@link findDisagreements} returns. */
export interface DisagreementReport {
  meta: AgreementMeta;
  minDifference: number;
  /** By document (input order), then start, then code (table order). */
  disagreements: Disagreement[];
}

/** How a disagreement is resolved: one coder's version, all versions united, or none. */
export type Resolution = { accept: string } | 'all' | 'none';

/**
 * The passages where the compared coders differ. For each code in each document coded by at
 * least two of them, the codings of all those coders are swept in order and grouped into
 * passages: codings that overlap (directly or through others) form one passage. A passage is a
 * disagreement when the coders' coverage in it differs by at least `minDifference` characters.
 * A coder who did not code the document (see `AgreementSource.codedBy`) has no version of it.
 *
 * @throws RangeError when `minDifference` is not an integer ≥ 1, or as `indexLayers`.
 */
export function findDisagreements(
  input: TextAgreementInput,
  options: DisagreementOptions,
): DisagreementReport {
  const minDifference = options.minDifference ?? 1;
  if (!Number.isInteger(minDifference) || minDifference < 1) {
    throw new RangeError(`minDifference must be an integer ≥ 1, got ${minDifference}`);
  }
  const index = indexLayers(input, options);
  const codeOrder = new Map(index.codeIds.map((codeId, i) => [codeId, i]));
  const disagreements: Disagreement[] = [];
  for (const source of index.sources) {
    const coders = index.coders.filter((coder) => index.coded(source.id, coder));
    if (coders.length < 2) continue;
    const found: Disagreement[] = [];
    for (const codeId of index.codeIds) {
      const all = coders.flatMap((coderId, c) =>
        codingsOf(index, source.id, codeId, coderId).map((coding) => ({ coding, c })),
      );
      if (all.length === 0) continue;
      all.sort((x, y) => x.coding.start - y.coding.start || x.coding.end - y.coding.end);
      let passage: typeof all = [];
      let passageEnd = -1;
      const close = () => {
        const item = judge(source.id, codeId, coders, passage, passageEnd, minDifference);
        if (item) found.push(item);
      };
      for (const entry of all) {
        if (passage.length > 0 && entry.coding.start >= passageEnd) {
          close();
          passage = [];
        }
        passage.push(entry);
        passageEnd =
          passage.length === 1 ? entry.coding.end : Math.max(passageEnd, entry.coding.end);
      }
      close();
    }
    found.sort(
      (x, y) =>
        x.start - y.start || codeOrder.get(x.codeId)! - codeOrder.get(y.codeId)! || x.end - y.end,
    );
    disagreements.push(...found);
  }
  return { meta: metaOf(index, 'disagreement', 'character'), minDifference, disagreements };
}

/** The disagreement of one passage, or null when the coders agree (closely enough). */
function judge(
  sourceId: string,
  codeId: string,
  coders: readonly string[],
  passage: readonly { coding: IndexedCoding; c: number }[],
  end: number,
  minDifference: number,
): Disagreement | null {
  const versions: CoderVersion[] = coders.map((coderId) => ({
    coderId,
    codings: [],
    coverage: [],
  }));
  for (const { coding, c } of passage) versions[c]!.codings.push({ ...coding });
  let agreedSpans: Span[] | null = null;
  for (const version of versions) {
    version.coverage = unionSpans(version.codings);
    agreedSpans =
      agreedSpans === null ? version.coverage : intersectSpans(agreedSpans, version.coverage);
  }
  const agreed = coveredLength(agreedSpans ?? []);
  const covered = coveredLength(unionSpans(sortSpans(passage.map(({ coding }) => coding))));
  if (covered - agreed < minDifference) return null;
  return {
    sourceId,
    codeId,
    start: passage[0]!.coding.start,
    end,
    kind: versions.some((version) => version.coverage.length === 0) ? 'presence' : 'extent',
    versions,
    agreed,
    covered,
    overlap: agreed / covered,
  };
}

/**
 * The spans a resolution puts in the consensus layer for a disagreement's code: the accepted
 * coder's coverage, every coder's coverage united ('all'), or nothing ('none').
 *
 * @throws RangeError when the accepted coder has no version of the passage.
 */
export function consensusSpans(disagreement: Disagreement, resolution: Resolution): Span[] {
  if (resolution === 'none') return [];
  if (resolution === 'all') {
    return unionSpans(sortSpans(disagreement.versions.flatMap((version) => version.coverage)));
  }
  const version = disagreement.versions.find((v) => v.coderId === resolution.accept);
  if (!version) throw new RangeError(`${resolution.accept} has no version of this passage`);
  return version.coverage.map(({ start, end }) => ({ start, end }));
}
