import { POSITION_UNITS, toUtf16, type PositionUnit } from './positions';
import type { RefiSelection } from './qde-parse';
import { weighReadings, type Reading, type UnitEvidence } from './unit-evidence';

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
  /** How sure the choice of unit is, and why. */
  evidence: UnitEvidence;
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

/** Every selection read in one unit: UTF-16 offsets (null where it does not fit). */
function readIn(text: string, selections: readonly RefiSelection[], unit: PositionUnit): Reading {
  const convert = toUtf16(text, unit);
  const reading: Reading = { unit, starts: [], ends: [], named: [], fits: 0 };
  for (const selection of selections) {
    const start = convert(selection.start);
    const end = convert(selection.end);
    const fits = start !== null && end !== null && start <= end;
    reading.starts.push(fits ? start : null);
    reading.ends.push(fits ? end : null);
    reading.named.push(fits && nameMatches(selection.name, text.slice(start, end)));
    if (fits) reading.fits += 1;
  }
  return reading;
}

/** Options of `placeSelections`. */
export interface PlaceOptions {
  /** The unit the file's origin implies (NVivo: UTF-16), used only when the text cannot tell. */
  hint?: PositionUnit | null;
  /** Place in this unit whatever the evidence says (the user's choice). */
  unit?: PositionUnit;
}

/**
 * Chooses how a tool counted positions in one source's text and places its selections.
 *
 * Each unit of POSITION_UNITS (code points as the standard says, UTF-16 units as NVivo writes,
 * UTF-8 bytes as Taguette writes, code points with CRLF as one as ATLAS.ti writes) is tried on
 * every selection; a selection fits a unit when both ends convert (inside the text, not inside
 * a character) and start ≤ end. Units that fit fewer selections than the best are out. Among
 * the rest, `weighReadings` decides from the text (selection names that read as the passage,
 * passage ends between words), then from the origin; the evidence comes back with the placement
 * so the summary can say how sure it is. On an ASCII text without CRLF all units agree.
 *
 * `text` must be the source text exactly as the tool counted it (CRLF kept, BOM removed).
 */
export function placeSelections(
  text: string,
  selections: readonly RefiSelection[],
  options: PlaceOptions = {},
): Placement {
  const units = countsAlike(text) ? POSITION_UNITS.slice(0, 1) : POSITION_UNITS;
  const readings = units.map((unit) => readIn(text, selections, unit));
  const evidence = weighReadings(text, readings, options.hint ?? null);
  const chosen = options.unit && units.includes(options.unit) ? options.unit : evidence.unit;
  const reading = readings.find((candidate) => candidate.unit === chosen)!;
  const placed: PlacedSelection[] = [];
  const unplaced: RefiSelection[] = [];
  selections.forEach((selection, i) => {
    const start = reading.starts[i];
    const end = reading.ends[i];
    if (start === null || end === null || start === undefined || end === undefined) {
      unplaced.push(selection);
    } else {
      placed.push({ selection, start, end, text: text.slice(start, end) });
    }
  });
  return { unit: chosen, placed, unplaced, evidence };
}

/** A passage as one unit reads it, with a little context ("…" where cut), for the user to judge. */
export interface PassageSample {
  before: string;
  passage: string;
  after: string;
}

const CONTEXT = 30;
const PASSAGE = 120;

/**
 * Up to `max` passages that the `units` read differently, spread over the text, each as every
 * unit reads it: the preview a user chooses the unit from when the evidence is weak.
 */
export function unitSamples(
  text: string,
  selections: readonly RefiSelection[],
  units: readonly PositionUnit[],
  max = 3,
): Array<Partial<Record<PositionUnit, PassageSample>>> {
  const readings = units.map((unit) => readIn(text, selections, unit));
  const differing = selections.flatMap((_, i) => {
    const spans = readings.map((r) =>
      r.starts[i] === null ? null : `${r.starts[i]}-${r.ends[i]}`,
    );
    return spans.every((span) => span !== null) && new Set(spans).size > 1 ? [i] : [];
  });
  const step = Math.max(1, differing.length / max);
  const picked = [
    ...new Set(
      Array.from(
        { length: Math.min(max, differing.length) },
        (_, k) => differing[Math.floor(k * step)]!,
      ),
    ),
  ];
  return picked.map((i) =>
    Object.fromEntries(
      readings.map((reading) => {
        const start = reading.starts[i]!;
        const end = reading.ends[i]!;
        const passage = text.slice(start, end);
        return [
          reading.unit,
          {
            before:
              `${start > CONTEXT ? '…' : ''}${text.slice(Math.max(0, start - CONTEXT), start)}`.replace(
                /\s+/g,
                ' ',
              ),
            passage: (passage.length > PASSAGE ? `${passage.slice(0, PASSAGE)}…` : passage).replace(
              /\s+/g,
              ' ',
            ),
            after:
              `${text.slice(end, end + CONTEXT)}${end + CONTEXT < text.length ? '…' : ''}`.replace(
                /\s+/g,
                ' ',
              ),
          },
        ];
      }),
    ),
  );
}
