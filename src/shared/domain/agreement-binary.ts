/**
 * Fleiss' κ and Krippendorff's α for present/absent judgements, accumulated unit by unit in
 * constant memory: the unit level of a whole project has units × codes items, too many to hold
 * as rows. Same formulas as `fleissKappa` and `krippendorffAlpha` (the tests check they agree).
 */
import type { UndefinedReason } from './agreement-layers';

/** Chance agreement closer to 1 than this counts as 1. */
const EPSILON = 1e-12;

/** Fleiss' κ of present/absent judgements. */
export interface UnitFleiss {
  /** Mean agreement per unit; null when nothing was marked or there are no units. */
  pBar: number | null;
  /** Chance agreement; null when nothing was marked or there are no units. */
  pe: number | null;
  kappa: number | null;
  /** Units every coder judged. */
  units: number;
  /** 'no-data', 'neither-coded' or 'no-variation' (every unit marked by all); null when defined. */
  undefinedReason: UndefinedReason | null;
}

/** Krippendorff's α (nominal) of present/absent judgements. */
export interface UnitAlpha {
  value: number | null;
  /** Units at least two coders judged (pairable). */
  units: number;
  /** 'no-data', 'neither-coded' or 'no-variation'; null when defined. */
  undefinedReason: UndefinedReason | null;
}

/** Fleiss' κ with a fixed number of raters, one unit at a time. */
export class BinaryFleiss {
  private units = 0;
  private sumAgreement = 0;
  private marked = 0;

  constructor(private readonly raters: number) {}

  /** A unit that `marked` of the raters marked (the others did not). */
  add(marked: number): void {
    const n = this.raters;
    const unmarked = n - marked;
    this.units += 1;
    this.sumAgreement += (marked * marked + unmarked * unmarked - n) / (n * (n - 1));
    this.marked += marked;
  }

  result(): UnitFleiss {
    const units = this.units;
    if (units === 0)
      return { pBar: null, pe: null, kappa: null, units, undefinedReason: 'no-data' };
    if (this.marked === 0) {
      return { pBar: null, pe: null, kappa: null, units, undefinedReason: 'neither-coded' };
    }
    const pBar = this.sumAgreement / units;
    const share = this.marked / (units * this.raters);
    const pe = share * share + (1 - share) * (1 - share);
    if (1 - pe < EPSILON) return { pBar, pe, kappa: null, units, undefinedReason: 'no-variation' };
    return { pBar, pe, kappa: (pBar - pe) / (1 - pe), units, undefinedReason: null };
  }
}

/** Krippendorff's α (nominal) over present/absent values, one unit at a time. */
export class BinaryAlpha {
  private units = 0;
  private present = 0;
  private absent = 0;
  private mixed = 0; // o_{present, absent} of the coincidence matrix

  /** A unit with `present` coders marking it and `absent` not; units with < 2 values drop. */
  add(present: number, absent: number): void {
    const m = present + absent;
    if (m < 2) return;
    this.units += 1;
    this.present += present;
    this.absent += absent;
    this.mixed += (present * absent) / (m - 1);
  }

  /** α = 1 − (n − 1) · o_01 / (n_0 · n_1). */
  result(): UnitAlpha {
    const units = this.units;
    if (units === 0) return { value: null, units, undefinedReason: 'no-data' };
    if (this.present === 0) return { value: null, units, undefinedReason: 'neither-coded' };
    if (this.absent === 0) return { value: null, units, undefinedReason: 'no-variation' };
    const n = this.present + this.absent;
    const value = 1 - ((n - 1) * this.mixed) / (this.present * this.absent);
    return { value, units, undefinedReason: null };
  }
}
