import { POSITION_UNITS, toUtf16, type PositionUnit } from './positions';
import type { RefiSelection } from './qde-parse';

/** A selection placed in the text: UTF-16 offsets (end exclusive) and the passage they cover. */
export interface PlacedSelection {
  selection: RefiSelection;
  start: number;
  end: number;
  text: string;
}

/** Where a source's selections fall, and the unit their positions were read in. */
export interface Placement {
  unit: PositionUnit;
  placed: PlacedSelection[];
  /** Selections that do not fit the text in the chosen unit (beyond it, or inside a character). */
  unplaced: RefiSelection[];
}

/** Whitespace runs folded to one space, ends trimmed: how a name is compared with a passage. */
function folded(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * True when the selection's name reads as the passage: equal once whitespace is folded, or, for
 * a name cut with "…" (NVivo and ATLAS.ti shorten long quotations), the passage starts with it.
 */
function nameMatches(name: string, passage: string): boolean {
  const wanted = folded(name);
  if (wanted === '') return false;
  const actual = folded(passage);
  if (wanted === actual) return true;
  const cut = /^(.*\S)\s*(…|\.\.\.)$/.exec(wanted)?.[1];
  return cut !== undefined && cut.length >= 10 && actual.startsWith(cut);
}

/** ASCII without CR counts the same in every unit: one pass is then enough (and cheaper). */
function countsAlike(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit > 0x7f || unit === 0x0d) return false;
  }
  return true;
}

function placeIn(text: string, selections: readonly RefiSelection[], unit: PositionUnit) {
  const convert = toUtf16(text, unit);
  const placed: PlacedSelection[] = [];
  const unplaced: RefiSelection[] = [];
  let named = 0;
  for (const selection of selections) {
    const start = convert(selection.start);
    const end = convert(selection.end);
    if (start === null || end === null || start > end) {
      unplaced.push(selection);
      continue;
    }
    const passage = text.slice(start, end);
    if (nameMatches(selection.name, passage)) named += 1;
    placed.push({ selection, start, end, text: passage });
  }
  return { unit, placed, unplaced, named };
}

/**
 * Chooses how a tool counted positions in one source's text and places its selections.
 *
 * Each unit of POSITION_UNITS (code points as the standard says, UTF-16 units as NVivo writes,
 * UTF-8 bytes as Taguette writes, code points with CRLF as one as ATLAS.ti writes) is tried on
 * every selection; a selection fits a unit when both ends convert (inside the text, not inside
 * a character) and start ≤ end. The unit that fits most selections wins. The selection `name`
 * is NOT reliable (qc writes "line:6", others cut it or leave it out), so it only breaks ties:
 * among units that fit as many selections, the one where more names read as their passage wins.
 * Remaining ties go to the first unit, the standard's. On an ASCII text without CRLF all units
 * agree and the choice does not matter.
 *
 * `text` must be the source text exactly as the tool counted it (CRLF kept, BOM removed).
 */
export function placeSelections(text: string, selections: readonly RefiSelection[]): Placement {
  const units = countsAlike(text) ? POSITION_UNITS.slice(0, 1) : POSITION_UNITS;
  let best: ReturnType<typeof placeIn> | null = null;
  for (const unit of units) {
    const attempt = placeIn(text, selections, unit);
    if (
      best === null ||
      attempt.placed.length > best.placed.length ||
      (attempt.placed.length === best.placed.length && attempt.named > best.named)
    ) {
      best = attempt;
    }
  }
  // POSITION_UNITS is never empty: `best` is set by the first iteration.
  const { unit, placed, unplaced } = best!;
  return { unit, placed, unplaced };
}
