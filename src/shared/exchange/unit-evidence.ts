import { POSITION_UNITS, type PositionUnit } from './positions';

/**
 * How sure an import is of the unit a tool counted positions in, and why (METHODS §4). Every
 * unit that fits the selections as well as the best one is a candidate; when the candidates read
 * some passages differently, the text decides: a passage a person selected starts and ends
 * between words, while a reading shifted by an emoji lands inside words. A one-sided sign test
 * over the passage ends where the readings disagree says whether the difference is real. The
 * selection names (when a tool writes the passage there) are tested the same way. Only when the
 * text cannot tell is the `origin` of the file (NVivo writes UTF-16 units) used, and the
 * evidence is then reported as weak or likely, never as certain.
 */

/** exact: one reading left; strong: the text says so; likely: the origin says so and the text agrees; weak: a guess. */
export type UnitConfidence = 'exact' | 'strong' | 'likely' | 'weak';

/** What decided the unit. */
export type UnitBasis =
  'agree' | 'fit' | 'names' | 'boundaries' | 'project' | 'origin' | 'lean' | 'standard';

/** The evidence on one source's position unit. */
export interface UnitEvidence {
  unit: PositionUnit;
  confidence: UnitConfidence;
  basis: UnitBasis;
  /** Units that fit as many selections as the best and read them differently, one per reading. */
  candidates: PositionUnit[];
  /** Passage ends read differently by the candidates (what the text evidence is about). */
  ends: number;
  /** Per candidate: of those ends, how many fall between words. */
  clean: Partial<Record<PositionUnit, number>>;
  /** Per candidate pair: ends between words in the first reading and inside a word in the second. */
  wins: Partial<Record<PositionUnit, Partial<Record<PositionUnit, number>>>>;
  /** Per candidate: selections whose name reads as the passage. */
  named: Partial<Record<PositionUnit, number>>;
}

/** A reading of every selection in one unit: UTF-16 offsets, null where it does not fit. */
export interface Reading {
  unit: PositionUnit;
  starts: Array<number | null>;
  ends: Array<number | null>;
  /** Selections whose name reads as the passage. */
  named: boolean[];
  fits: number;
}

/** z of the one-sided sign test above which the text evidence counts as strong (p ≈ 0.006). */
const STRONG_Z = 2.5;

/** True when `wins` ends against `losses` ends is a difference chance would rarely give. */
export function significant(wins: number, losses: number): boolean {
  return wins > losses && (wins - losses) / Math.sqrt(wins + losses) >= STRONG_Z;
}

const WORD = /[\p{L}\p{N}\p{M}]/u;

/** True when UTF-16 offset `at` splits a word (letters or digits on both sides). */
export function insideWord(text: string, at: number): boolean {
  return at > 0 && at < text.length && WORD.test(text[at - 1]!) && WORD.test(text[at]!);
}

/** The unit a producing program is known to write, from the `origin` attribute of its file. */
export function unitOfOrigin(origin: string | null): PositionUnit | null {
  if (!origin) return null;
  if (/nvivo/i.test(origin)) return 'utf16';
  if (/atlas\.?\s?ti/i.test(origin)) return 'codepoint-crlf1';
  if (/taguette/i.test(origin)) return 'utf8';
  if (/maxqda|qualcoder|^qc\b|^campo\b/i.test(origin)) return 'codepoint';
  return null;
}

function sameReading(a: Reading, b: Reading): boolean {
  return a.starts.every((start, i) => start === b.starts[i] && a.ends[i] === b.ends[i]);
}

/**
 * Weighs the readings of one source's selections (`readings` in POSITION_UNITS order) and
 * chooses a unit. `hint` is the unit the file's origin implies.
 */
export function weighReadings(
  text: string,
  readings: readonly Reading[],
  hint: PositionUnit | null,
): UnitEvidence {
  const best = Math.max(...readings.map((reading) => reading.fits));
  const fitting = readings.filter((reading) => reading.fits === best);
  // One reading per group of units that place every selection alike; the hint names its group.
  const groups: Reading[] = [];
  for (const reading of fitting) {
    const same = groups.findIndex((group) => sameReading(group, reading));
    if (same < 0) groups.push(reading);
    else if (reading.unit === hint) groups[same] = reading;
  }
  const base = { ends: 0, clean: {}, wins: {}, named: {} };
  if (groups.length === 1) {
    const basis = fitting.length === readings.length ? 'agree' : 'fit';
    return { ...base, unit: groups[0]!.unit, confidence: 'exact', basis, candidates: [] };
  }
  // Ends the readings disagree on, and how each reading does on them.
  const clean: Partial<Record<PositionUnit, number>> = {};
  const named: Partial<Record<PositionUnit, number>> = {};
  const wins: UnitEvidence['wins'] = {};
  let ends = 0;
  const count = readings[0]?.starts.length ?? 0;
  for (const group of groups) {
    clean[group.unit] = 0;
    named[group.unit] = 0;
    wins[group.unit] = Object.fromEntries(groups.map((other) => [other.unit, 0]));
  }
  for (let i = 0; i < count; i += 1) {
    for (const side of ['starts', 'ends'] as const) {
      const offsets = groups.map((group) => group[side][i]);
      if (offsets.some((offset) => offset === null) || new Set(offsets).size === 1) continue;
      ends += 1;
      const between = offsets.map((offset) => !insideWord(text, offset!));
      groups.forEach((group, g) => {
        if (between[g]) clean[group.unit]! += 1;
        groups.forEach((other, o) => {
          if (between[g] && !between[o]) wins[group.unit]![other.unit]! += 1;
        });
      });
    }
    const differs = groups.some(
      (group) => group.starts[i] !== groups[0]!.starts[i] || group.ends[i] !== groups[0]!.ends[i],
    );
    if (differs) groups.forEach((group) => (named[group.unit]! += group.named[i] ? 1 : 0));
  }
  const candidates = groups.map((group) => group.unit);
  const evidence = { ends, clean, wins, named, candidates };
  const beatsAll = (unit: PositionUnit, score: (a: PositionUnit, b: PositionUnit) => boolean) =>
    candidates.every((other) => other === unit || score(unit, other));

  const byNames = candidates.find((unit) =>
    beatsAll(unit, (a, b) => {
      const [winsA, winsB] = namedWins(groups, a, b);
      return significant(winsA, winsB);
    }),
  );
  if (byNames) return { ...evidence, unit: byNames, confidence: 'strong', basis: 'names' };
  const byWords = candidates.find((unit) =>
    beatsAll(unit, (a, b) => significant(wins[a]![b]!, wins[b]![a]!)),
  );
  if (byWords) return { ...evidence, unit: byWords, confidence: 'strong', basis: 'boundaries' };
  const leaning = (unit: PositionUnit) => beatsAll(unit, (a, b) => wins[a]![b]! >= wins[b]![a]!);
  if (hint && candidates.includes(hint)) {
    const confidence = leaning(hint) ? 'likely' : 'weak';
    return { ...evidence, unit: hint, confidence, basis: 'origin' };
  }
  const lean = candidates.find((unit) => beatsAll(unit, (a, b) => wins[a]![b]! > wins[b]![a]!));
  if (lean) return { ...evidence, unit: lean, confidence: 'weak', basis: 'lean' };
  const standard = candidates.find((unit) => unit === POSITION_UNITS[0]) ?? candidates[0]!;
  return { ...evidence, unit: standard, confidence: 'weak', basis: 'standard' };
}

/** Selections whose name reads as the passage in reading `a` and not in `b`, and vice versa. */
function namedWins(groups: readonly Reading[], a: PositionUnit, b: PositionUnit): [number, number] {
  const ra = groups.find((group) => group.unit === a)!;
  const rb = groups.find((group) => group.unit === b)!;
  let winsA = 0;
  let winsB = 0;
  ra.named.forEach((named, i) => {
    if (named && !rb.named[i]) winsA += 1;
    if (rb.named[i] && !named) winsB += 1;
  });
  return [winsA, winsB];
}

/**
 * The unit the whole project's text evidence points to, summed over its sources whose evidence
 * alone is weak: an NVivo project of twenty interviews with two emoji each says clearly what
 * none of them says alone. Null when the sum is not significant either.
 */
export function projectUnit(evidence: readonly UnitEvidence[]): PositionUnit | null {
  const weak = evidence.filter((e) => e.confidence === 'weak' || e.confidence === 'likely');
  const units = [...new Set(weak.flatMap((e) => e.candidates))];
  const total = (a: PositionUnit, b: PositionUnit) =>
    weak.reduce((sum, e) => sum + (e.wins[a]?.[b] ?? 0), 0);
  return (
    units.find((unit) =>
      units.every(
        (other) =>
          other === unit ||
          !weak.some((e) => e.candidates.includes(unit) && e.candidates.includes(other)) ||
          significant(total(unit, other), total(other, unit)),
      ),
    ) ?? null
  );
}
