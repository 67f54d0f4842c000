/**
 * Unit-level agreement: speaker turns (or sentences) are the units, and for each code each coder
 * either marked a unit or did not. Cohen's κ per pair, Fleiss' κ for three or more coders and
 * Krippendorff's α (nominal), per code and pooled over the codes.
 */
import { cohenKappa } from './agreement';
import {
  coverageOf,
  indexPairs,
  indexLayers,
  metaOf,
  type AgreementMeta,
  type AgreementSource,
  type TextAgreementInput,
  type TextAgreementOptions,
  type UndefinedReason,
} from './agreement-layers';
import { coveredWithin, type Span } from './agreement-spans';
import { BinaryAlpha, BinaryFleiss, type UnitFleiss, type UnitAlpha } from './agreement-binary';

export type { UnitAlpha, UnitFleiss } from './agreement-binary';

/** Options of {@link unitLevelAgreement}. */
export interface UnitAgreementOptions extends TextAgreementOptions {
  /** The units: the sources' speaker turns (default) or their sentences. */
  unit?: 'turn' | 'sentence';
  /** Characters a coder's coding of a code must share with a unit to mark it; integer ≥ 1, default 1. */
  minOverlap?: number;
}

/** Two coders over the units both coded. */
export interface UnitPairAgreement {
  coders: [string, string];
  /** Units compared (in documents both coded). */
  units: number;
  /** [[marked by both, by the first only], [by the second only, by neither]]. */
  table: [[number, number], [number, number]];
  /** Units judged alike over units compared, 0–100; null when undefined. */
  percent: number | null;
  /** Cohen's κ on `table`; null when undefined. */
  kappa: number | null;
  /** 'neither-coded' (no unit marked: percent null too), 'no-variation' or 'no-data'. */
  undefinedReason: UndefinedReason | null;
}

/** The statistics of one code, or of all codes pooled (each unit × code an item). */
export interface UnitStats {
  /** One per pair of coders, in the order of `coders`. */
  pairs: UnitPairAgreement[];
  /** Fleiss' κ over the units every coder coded; null with two coders (see `pairs`). */
  fleiss: UnitFleiss | null;
  /** Krippendorff's α, nominal: a coder who did not code a document is missing data there. */
  alpha: UnitAlpha;
}

/** One code. */
export interface UnitCodeAgreement extends UnitStats {
  codeId: string;
}

/** What {@link unitLevelAgreement} returns. */
export interface UnitLevelReport {
  meta: AgreementMeta;
  /** Documents left out because they have no units of the chosen kind (e.g. no speaker turns). */
  sourcesWithoutUnits: string[];
  /** The documents compared: with units, coded by at least two of the coders; input order. */
  sourceIds: string[];
  /** Units in the compared documents. */
  units: number;
  byCode: UnitCodeAgreement[];
  overall: UnitStats;
}

/** Accumulates one code's (or all codes') units. */
class UnitAccumulator {
  readonly tables: [[number, number], [number, number]][];
  readonly fleiss: BinaryFleiss | null;
  readonly alpha = new BinaryAlpha();

  constructor(
    private readonly pairs: [number, number][],
    coders: number,
  ) {
    this.tables = pairs.map(() => [
      [0, 0],
      [0, 0],
    ]);
    this.fleiss = coders >= 3 ? new BinaryFleiss(coders) : null;
  }

  /** Adds a document's units: `marks[c]` per coder index, null for a coder who did not code it. */
  add(marks: readonly (Uint8Array | null)[], units: number): void {
    this.pairs.forEach(([a, b], p) => {
      const first = marks[a];
      const second = marks[b];
      if (!first || !second) return;
      const table = this.tables[p]!;
      for (let u = 0; u < units; u += 1) table[1 - first[u]!]![1 - second[u]!]! += 1;
    });
    const present = marks.filter((mark): mark is Uint8Array => mark !== null);
    for (let u = 0; u < units; u += 1) {
      let marked = 0;
      for (const mark of present) marked += mark[u]!;
      this.alpha.add(marked, present.length - marked);
      if (this.fleiss && present.length === marks.length) this.fleiss.add(marked);
    }
  }

  stats(coders: readonly string[]): UnitStats {
    return {
      pairs: this.pairs.map(([a, b], p) => pairStats([coders[a]!, coders[b]!], this.tables[p]!)),
      fleiss: this.fleiss ? this.fleiss.result() : null,
      alpha: this.alpha.result(),
    };
  }
}

function pairStats(
  coders: [string, string],
  table: [[number, number], [number, number]],
): UnitPairAgreement {
  const units = table[0][0] + table[0][1] + table[1][0] + table[1][1];
  const copy: [[number, number], [number, number]] = [[...table[0]], [...table[1]]];
  if (units === 0) {
    return { coders, units, table: copy, percent: null, kappa: null, undefinedReason: 'no-data' };
  }
  if (units === table[1][1]) {
    return {
      coders,
      units,
      table: copy,
      percent: null,
      kappa: null,
      undefinedReason: 'neither-coded',
    };
  }
  const { po, kappa } = cohenKappa(table);
  return {
    coders,
    units,
    table: copy,
    percent: po * 100,
    kappa,
    undefinedReason: kappa === null ? 'no-variation' : null,
  };
}

/** The units of a source, clipped to its text, empty ones left out; null when it has none. */
function unitsOf(source: AgreementSource, kind: 'turn' | 'sentence'): Span[] | null {
  const units = (kind === 'turn' ? source.turns : source.sentences) ?? [];
  const clipped = units
    .map(({ start, end }) => ({ start: Math.max(0, start), end: Math.min(source.length, end) }))
    .filter(({ start, end }) => end > start);
  return clipped.length === 0 ? null : clipped;
}

/**
 * Unit-level agreement of `coders` (METHODS §2). Each speaker turn (or sentence) of a document
 * is a unit; for each code, a coder marks a unit when the characters the coder coded with the
 * code share at least `minOverlap` characters with it. Per code and pooled over codes (each
 * unit × code an item): Cohen's κ and percent agreement for every pair over the documents both
 * coded; Fleiss' κ over the documents every coder coded, with three or more coders; and
 * Krippendorff's α (nominal) over every unit that at least two coders judged, a coder who did not
 * code a document being missing data there. Codings outside every unit do not count.
 *
 * Undefined is null with its reason: a code no coder marked in any unit gives no percent, κ or α
 * (never 100 % or 1).
 *
 * @throws RangeError when `minOverlap` is not an integer ≥ 1, or as `indexLayers`.
 */
export function unitLevelAgreement(
  input: TextAgreementInput,
  options: UnitAgreementOptions,
): UnitLevelReport {
  const kind = options.unit ?? 'turn';
  const minOverlap = options.minOverlap ?? 1;
  if (!Number.isInteger(minOverlap) || minOverlap < 1) {
    throw new RangeError(`minOverlap must be an integer ≥ 1, got ${minOverlap}`);
  }
  const index = indexLayers(input, options);
  const coders = index.coders;
  const pairIndexes = indexPairs(coders.length);
  const perCode = new Map(
    index.codeIds.map((codeId) => [codeId, new UnitAccumulator(pairIndexes, coders.length)]),
  );
  const overall = new UnitAccumulator(pairIndexes, coders.length);
  const sourcesWithoutUnits: string[] = [];
  const sourceIds: string[] = [];
  let unitCount = 0;

  for (const source of index.sources) {
    const units = unitsOf(source, kind);
    if (units === null) {
      sourcesWithoutUnits.push(source.id);
      continue;
    }
    const codedBy = coders.map((coder) => index.coded(source.id, coder));
    if (codedBy.filter(Boolean).length < 2) continue;
    sourceIds.push(source.id);
    unitCount += units.length;
    for (const codeId of index.codeIds) {
      const marks = coders.map((coder, c) => {
        if (!codedBy[c]) return null;
        const coverage = coverageOf(index, source.id, codeId, coder);
        const mark = new Uint8Array(units.length);
        if (coverage.length > 0) {
          units.forEach((unit, u) => {
            if (coveredWithin(coverage, unit) >= minOverlap) mark[u] = 1;
          });
        }
        return mark;
      });
      perCode.get(codeId)!.add(marks, units.length);
      overall.add(marks, units.length);
    }
  }
  return {
    meta: metaOf(index, 'unit', kind, { minOverlap }),
    sourcesWithoutUnits,
    sourceIds,
    units: unitCount,
    byCode: index.codeIds.map((codeId) => ({ codeId, ...perCode.get(codeId)!.stats(coders) })),
    overall: overall.stats(coders),
  };
}

/** A sentence: up to . ! ? or … (with closing quotes or brackets) before a space, or a line break. */
const SENTENCE = /\S[\s\S]*?(?:[.!?…]+["'»”’)\]]*(?=\s|$)|(?=[\r\n])|$)/g;

/**
 * A text's sentences as spans, for the unit level of documents without speaker turns. Simple by
 * design: a sentence ends at . ! ? or … followed by a space, or at a line break; "1.234,5" is not
 * split, an abbreviation ("dott. Rossi") is. Both coders see the same units, so a split in the
 * wrong place does not bias the comparison.
 */
export function sentenceUnits(text: string): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
