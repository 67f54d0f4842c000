/**
 * Krippendorff's α (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"), from a
 * coders × units reliability matrix with missing values, or from per-unit value counts.
 * Re-exported by agreement.ts; the conventions there apply (undefined is null, bad input throws).
 */

/** Krippendorff's levels of measurement, which choose the difference function δ². */
export type MeasurementLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** A value in a Krippendorff reliability matrix: a number, a label, or null for missing. */
export type ReliabilityValue = number | string | null;

/** Expected disagreement closer to 0 than this (relative) counts as 0: α is then undefined. */
const EPSILON = 1e-12;

/** One unit's values: value index → how many coders gave it. */
type UnitCounts = ReadonlyMap<number, number>;

function assertLevel(level: MeasurementLevel): void {
  if (!['nominal', 'ordinal', 'interval', 'ratio'].includes(level)) {
    throw new RangeError(`unknown level of measurement: ${String(level)}`);
  }
}

function assertValue(value: number | string, level: MeasurementLevel): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`values must be finite, got ${value}`);
    if (level === 'ratio' && value < 0) throw new RangeError(`ratio values must be ≥ 0: ${value}`);
  } else if (typeof value !== 'string') {
    throw new RangeError(`values must be numbers, strings or null, got ${typeof value}`);
  } else if (level !== 'nominal') {
    throw new RangeError(`the ${level} level needs numbers, got the label "${value}"`);
  }
}

/**
 * The coincidence matrix o_ck of the pairable units: within a unit of m ≥ 2 values, every ordered
 * pair of values from different coders adds 1/(m − 1). Units with fewer than two values are
 * dropped. Symmetric, V × V.
 */
function coincidences(units: Iterable<UnitCounts>, size: number): number[][] {
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unit of units) {
    let m = 0;
    for (const count of unit.values()) m += count;
    if (m < 2) continue;
    for (const [c, nc] of unit) {
      if (nc === 0) continue;
      for (const [k, nk] of unit) {
        if (nk === 0) continue;
        o[c]![k]! += (c === k ? nc * (nc - 1) : nc * nk) / (m - 1);
      }
    }
  }
  return o;
}

/** δ²(c, k) for every pair of value indices, given the values and their marginals n_c. */
function differences(
  values: readonly (number | string)[],
  marginals: readonly number[],
  level: MeasurementLevel,
): (c: number, k: number) => number {
  if (level === 'nominal') return (c, k) => (c === k ? 0 : 1);
  const numbers = values as readonly number[];
  if (level === 'interval') return (c, k) => (numbers[c]! - numbers[k]!) ** 2;
  if (level === 'ratio') {
    return (c, k) => {
      const sum = numbers[c]! + numbers[k]!;
      return sum === 0 ? 0 : ((numbers[c]! - numbers[k]!) / sum) ** 2;
    };
  }
  // Ordinal: the values between c and k (inclusive) weigh by how often they were used.
  const order = numbers.map((_, index) => index).sort((a, b) => numbers[a]! - numbers[b]!);
  const rank = new Array<number>(numbers.length);
  order.forEach((index, position) => (rank[index] = position));
  const before = [0]; // before[r] = Σ n_g over ranks < r
  for (const index of order) before.push(before[before.length - 1]! + marginals[index]!);
  return (c, k) => {
    const low = Math.min(rank[c]!, rank[k]!);
    const high = Math.max(rank[c]!, rank[k]!);
    const between = before[high + 1]! - before[low]!;
    return (between - (marginals[c]! + marginals[k]!) / 2) ** 2;
  };
}

/** α = 1 − (n − 1) Σ o_ck δ²_ck / Σ n_c n_k δ²_ck, or null when undefined. */
function alphaOf(
  units: Iterable<UnitCounts>,
  values: readonly (number | string)[],
  level: MeasurementLevel,
): number | null {
  const o = coincidences(units, values.length);
  const marginals = o.map((row) => row.reduce((sum, value) => sum + value, 0));
  const n = marginals.reduce((sum, value) => sum + value, 0);
  if (n < 2) return null;
  const delta = differences(values, marginals, level);
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c += 1) {
    for (let k = c + 1; k < values.length; k += 1) {
      const d = delta(c, k);
      observed += 2 * o[c]![k]! * d;
      expected += 2 * marginals[c]! * marginals[k]! * d;
    }
  }
  if (expected <= EPSILON * n * n) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/**
 * Krippendorff's α of a reliability matrix: `data[coder][unit]`, null for a value the coder did
 * not give. Units with fewer than two values are dropped; each pair of values in a unit of m
 * values weighs 1/(m − 1). δ² is 0/1 for 'nominal', Krippendorff's rank-frequency distance for
 * 'ordinal', (c − k)² for 'interval' and ((c − k)/(c + k))² for 'ratio'. Nominal values may be
 * numbers or labels (1 and "1" are different values); the other levels need numbers.
 *
 * Null when α is undefined: no unit has two values, or every pairable value is the same (no
 * variation, so there is no expected disagreement).
 *
 * @example krippendorffAlpha([[1, 2, 3], [1, 2, 4]], 'interval') // 36/41 ≈ 0.878
 * @throws RangeError when the coders' rows differ in length, a value is not finite, a label is
 *   given at a level other than nominal, or a ratio value is negative.
 */
export function krippendorffAlpha(
  data: readonly (readonly ReliabilityValue[])[],
  level: MeasurementLevel,
): number | null {
  assertLevel(level);
  const unitCount = data[0]?.length ?? 0;
  data.forEach((row, coder) => {
    if (row.length !== unitCount) {
      throw new RangeError(`coder ${coder} has ${row.length} units, not ${unitCount}`);
    }
  });
  const values: (number | string)[] = [];
  const indexOf = new Map<string, number>();
  const units: Map<number, number>[] = [];
  for (let unit = 0; unit < unitCount; unit += 1) {
    const counts = new Map<number, number>();
    for (const row of data) {
      const value = row[unit];
      if (value === null || value === undefined) continue;
      assertValue(value, level);
      const key = `${typeof value}:${String(value)}`;
      let index = indexOf.get(key);
      if (index === undefined) {
        index = values.push(value) - 1;
        indexOf.set(key, index);
      }
      counts.set(index, (counts.get(index) ?? 0) + 1);
    }
    units.push(counts);
  }
  return alphaOf(units, values, level);
}

/**
 * Krippendorff's α from value counts: `counts[unit][v]` is how many coders gave `values[v]` to
 * the unit. The same statistic as {@link krippendorffAlpha}, without building a coders × units
 * matrix (the unit-level text comparison counts present/absent per unit this way).
 *
 * @throws RangeError when a row's length differs from `values`, a count is negative or not
 *   finite, values repeat, or a value does not suit the level (see {@link krippendorffAlpha}).
 */
export function krippendorffAlphaFromCounts(
  counts: readonly (readonly number[])[],
  values: readonly (number | string)[],
  level: MeasurementLevel,
): number | null {
  assertLevel(level);
  const seen = new Set<string>();
  for (const value of values) {
    assertValue(value, level);
    const key = `${typeof value}:${String(value)}`;
    if (seen.has(key)) throw new RangeError(`the value ${String(value)} is listed twice`);
    seen.add(key);
  }
  function* units(): Generator<UnitCounts> {
    for (const [unit, row] of counts.entries()) {
      if (row.length !== values.length) {
        throw new RangeError(`unit ${unit} has ${row.length} counts, not ${values.length}`);
      }
      const map = new Map<number, number>();
      row.forEach((count, index) => {
        if (!Number.isFinite(count) || count < 0) {
          throw new RangeError(`counts[${unit}][${index}] must be a finite number ≥ 0`);
        }
        if (count > 0) map.set(index, count);
      });
      yield map;
    }
  }
  return alphaOf(units(), values, level);
}
