/**
 * Agreement statistics (METHODS §2): Cohen's κ (plain and weighted), Fleiss' κ, Krippendorff's α,
 * NVivo's character-level agreement and Brennan–Prediger's κn. Pure functions over plain numbers.
 *
 * Conventions shared by every function here:
 * - a statistic that is undefined for the data (no variation, so chance agreement is 1; nothing
 *   pairable) is `null`, never 1: "neither coder used the code" must not read as perfect agreement;
 * - a proportion that cannot be computed because there is nothing to count (an empty table) is NaN;
 * - input that is wrong rather than degenerate (negative counts, a table that is not square, rows
 *   with different numbers of raters) throws a RangeError: that is a bug in the caller.
 */

/** Chance agreement closer to 1 than this counts as 1: κ is then undefined, not a huge number. */
const EPSILON = 1e-12;

/** Disagreement weights of a weighted κ: none (plain κ), linear or quadratic in the category distance. */
export type KappaWeights = 'none' | 'linear' | 'quadratic';

/** What {@link cohenKappa} returns. */
export interface CohenKappa {
  /** Observed (weighted) agreement, 0–1; NaN for an empty table. */
  po: number;
  /** Agreement expected by chance from the two coders' marginals, 0–1; NaN for an empty table. */
  pe: number;
  /** (po − pe) / (1 − pe); null when pe is 1 (both coders used one and the same category only). */
  kappa: number | null;
}

/** What {@link fleissKappa} returns. */
export interface FleissKappa {
  /** Mean agreement per subject, P̄; NaN with no subjects. */
  pBar: number;
  /** Chance agreement P̄e = Σ p_j²; NaN with no subjects. */
  pe: number;
  /** (P̄ − P̄e) / (1 − P̄e); null when P̄e is 1 (every rating in one category). */
  kappa: number | null;
}

/** The four cells of one code in one document, counted in characters, for {@link characterAgreement}. */
export interface CharacterCounts {
  /** Characters of the document. */
  total: number;
  /** Characters both coders coded. */
  both: number;
  /** Characters only the first coder coded. */
  aOnly: number;
  /** Characters only the second coder coded. */
  bOnly: number;
}

/** What {@link characterAgreement} returns. */
export interface CharacterAgreement {
  /** Characters coded by both or by neither, over all characters, 0–100; NaN when total is 0. */
  percent: number;
  /** NVivo's κ = (TA − ΣEF) / (TU − ΣEF); null when undefined (no coder coded, or both coded all). */
  kappa: number | null;
}

function assertCount(value: number, what: string): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${what} must be a finite number ≥ 0, got ${value}`);
  }
}

/** κ from observed and chance agreement; null when chance agreement is (numerically) 1. */
function chanceCorrected(observed: number, chance: number): number | null {
  if (!Number.isFinite(observed) || !Number.isFinite(chance)) return null;
  if (1 - chance < EPSILON) return null;
  return (observed - chance) / (1 - chance);
}

/** Agreement weight of categories i and j out of k (1 on the diagonal). */
function agreementWeight(i: number, j: number, k: number, weights: KappaWeights): number {
  if (i === j) return 1;
  if (weights === 'none') return 0;
  const distance = Math.abs(i - j) / (k - 1);
  return weights === 'linear' ? 1 - distance : 1 - distance * distance;
}

/**
 * Cohen's κ of two coders from their square contingency table: `table[i][j]` counts the units
 * coder A put in category i and coder B in category j (categories in the same order on both
 * sides, and in scale order for a weighted κ). With `weights` 'linear' or 'quadratic' this is
 * Cohen's weighted κ with agreement weights 1 − |i − j|/(k − 1) or 1 − ((i − j)/(k − 1))², and
 * `po`, `pe` are the weighted proportions. Counts may be any non-negative numbers.
 *
 * @example cohenKappa([[20, 5], [10, 15]]) // { po: 0.7, pe: 0.5, kappa: 0.4 }
 * @throws RangeError when the table is empty, not square, or has a negative or non-finite cell,
 *   or the weights are not one of the three.
 */
export function cohenKappa(
  table: readonly (readonly number[])[],
  weights: KappaWeights = 'none',
): CohenKappa {
  if (!['none', 'linear', 'quadratic'].includes(weights)) {
    throw new RangeError(`unknown weights: ${String(weights)}`);
  }
  const k = table.length;
  if (k === 0) throw new RangeError('the contingency table has no categories');
  const rows = new Array<number>(k).fill(0);
  const columns = new Array<number>(k).fill(0);
  let n = 0;
  table.forEach((row, i) => {
    if (row.length !== k) throw new RangeError(`the contingency table is not square (row ${i})`);
    row.forEach((cell, j) => {
      assertCount(cell, `table[${i}][${j}]`);
      rows[i]! += cell;
      columns[j]! += cell;
      n += cell;
    });
  });
  if (n === 0) return { po: NaN, pe: NaN, kappa: null };
  let observed = 0;
  let chance = 0;
  for (let i = 0; i < k; i += 1) {
    for (let j = 0; j < k; j += 1) {
      const weight = agreementWeight(i, j, k, weights);
      if (weight === 0) continue;
      observed += weight * table[i]![j]!;
      chance += weight * rows[i]! * columns[j]!;
    }
  }
  const po = observed / n;
  const pe = chance / (n * n);
  return { po, pe, kappa: chanceCorrected(po, pe) };
}

/**
 * Fleiss' κ for a fixed number of raters per subject: `counts[i][j]` is how many raters put
 * subject i in category j, and every row sums to the same number of raters n ≥ 2.
 * P_i = (Σ_j n_ij² − n) / (n(n − 1)), P̄ = mean P_i, p_j = Σ_i n_ij / (N n), P̄e = Σ p_j².
 *
 * @throws RangeError on a negative or non-finite count, rows with different sums, or fewer than
 *   two raters per subject.
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappa {
  if (counts.length === 0) return { pBar: NaN, pe: NaN, kappa: null };
  const k = counts[0]!.length;
  const raters = counts[0]!.reduce((sum, value) => sum + value, 0);
  if (raters < 2) throw new RangeError('Fleiss’ κ needs at least two raters per subject');
  const totals = new Array<number>(k).fill(0);
  let sumP = 0;
  counts.forEach((row, i) => {
    if (row.length !== k)
      throw new RangeError(`subject ${i} has ${row.length} categories, not ${k}`);
    let sum = 0;
    let squares = 0;
    row.forEach((value, j) => {
      assertCount(value, `counts[${i}][${j}]`);
      sum += value;
      squares += value * value;
      totals[j]! += value;
    });
    if (Math.abs(sum - raters) > EPSILON * raters) {
      throw new RangeError(`subject ${i} has ${sum} ratings, not ${raters}`);
    }
    sumP += (squares - raters) / (raters * (raters - 1));
  });
  const all = counts.length * raters;
  const pBar = sumP / counts.length;
  const pe = totals.reduce((sum, total) => sum + (total / all) ** 2, 0);
  return { pBar, pe, kappa: chanceCorrected(pBar, pe) };
}

/**
 * NVivo's character-level agreement for one code in one document. TA (total agreement) is the
 * characters coded by both coders or by neither, TU all characters, and ΣEF the agreement
 * expected by chance: (coded_A · coded_B + uncoded_A · uncoded_B) / TU. Equal to Cohen's κ on the
 * 2 × 2 table [[both, aOnly], [bOnly, neither]], computed in integers so that "undefined" is exact.
 *
 * `kappa` is null where NVivo would print 1 or 0 for lack of variation: when neither coder coded
 * anything, or both coded everything. `percent` is still 100 then (the coders did agree); callers
 * showing a code neither coder used should say so rather than print 100 %.
 *
 * @throws RangeError on negative or non-finite counts, or when both + aOnly + bOnly exceeds total.
 */
export function characterAgreement(counts: CharacterCounts): CharacterAgreement {
  const { total, both, aOnly, bOnly } = counts;
  assertCount(total, 'total');
  assertCount(both, 'both');
  assertCount(aOnly, 'aOnly');
  assertCount(bOnly, 'bOnly');
  const neither = total - both - aOnly - bOnly;
  if (neither < 0) throw new RangeError('both + aOnly + bOnly exceeds the total characters');
  if (total === 0) return { percent: NaN, kappa: null };
  const agreed = both + neither;
  const codedA = both + aOnly;
  const codedB = both + bOnly;
  const expectedTimesTotal = codedA * codedB + (total - codedA) * (total - codedB);
  const denominator = total * total - expectedTimesTotal;
  const kappa =
    Math.abs(denominator) <= EPSILON * total * total
      ? null
      : (total * agreed - expectedTimesTotal) / denominator;
  return { percent: (agreed / total) * 100, kappa };
}

/**
 * Brennan and Prediger's κn = (po − 1/k) / (1 − 1/k): chance agreement taken as uniform over the
 * k categories, as MAXQDA does at segment level (k = the number of codes compared). NaN when
 * k is 1: with a single category there is no chance agreement to correct for.
 *
 * @throws RangeError when po is outside 0–1 or categories is not an integer ≥ 1.
 */
export function brennanPrediger(po: number, categories: number): number {
  if (!(po >= 0 && po <= 1)) throw new RangeError(`po must be within 0 and 1, got ${po}`);
  if (!Number.isInteger(categories) || categories < 1) {
    throw new RangeError(`categories must be an integer ≥ 1, got ${categories}`);
  }
  if (categories === 1) return NaN;
  const chance = 1 / categories;
  return (po - chance) / (1 - chance);
}

export {
  krippendorffAlpha,
  krippendorffAlphaFromCounts,
  type MeasurementLevel,
  type ReliabilityValue,
} from './agreement-alpha';
