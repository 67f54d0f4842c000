/**
 * Performance framework of a priority (Reg. (EU) 1303/2013 Annex II; Implementing Reg. (EU)
 * 215/2014 art. 6; METHODS §3).
 */
import { formatFixed } from '../i18n/format';
import type { Language } from '../model/project';

/** One indicator of a priority's performance framework: its milestone and the value achieved. */
export interface PerformanceIndicator {
  milestone: number;
  achieved: number;
}

/** What {@link assessPriority} concludes about a priority. */
export interface PriorityAssessment {
  /** Achievement rate (%) of each indicator, in input order. */
  rates: number[];
  /**
   * Every indicator at ≥ 85 %; with three or more indicators, all but one at ≥ 85 % and that
   * one at ≥ 75 %.
   */
  milestonesAchieved: boolean;
  /**
   * At least two indicators below 65 %; with two indicators or fewer, any one below 65 %.
   */
  seriousFailure: boolean;
}

/** Rates are rounded to this many decimal places, which removes floating-point noise. */
const RATE_DECIMALS = 1e9;

/** Rate (%) every indicator must reach for the milestones to be achieved. */
export const MILESTONE_THRESHOLD = 85;
/** Lowest rate (%) of the one indicator tolerated below 85 % with three or more indicators. */
export const TOLERATED_THRESHOLD = 75;
/** Rates (%) below this are a serious failure. */
export const SERIOUS_FAILURE_THRESHOLD = 65;

/**
 * Achievement rate in percent: achieved / milestone × 100 (Implementing Reg. 215/2014 art. 6).
 * Rounded to 9 decimal places so that values exactly at a threshold land on it (2.55 of 3 is
 * 85, not 84.99999999999999). Values above the milestone give rates above 100.
 *
 * Null when the rate is not computable: a milestone of 0 or below, a negative achieved value,
 * or a value that is not a finite number.
 */
export function achievementRate(achieved: number, milestone: number): number | null {
  if (!Number.isFinite(achieved) || !Number.isFinite(milestone)) return null;
  if (milestone <= 0 || achieved < 0) return null;
  const rate = (achieved * 100) / milestone;
  if (!Number.isFinite(rate)) return null;
  return Math.round(rate * RATE_DECIMALS) / RATE_DECIMALS;
}

/**
 * Assesses a priority's performance framework (Implementing Reg. 215/2014 art. 6, METHODS §3).
 *
 * - Milestones achieved: every indicator reaches ≥ 85 % of its milestone; with three or more
 *   indicators, one may instead reach between 75 % (included) and 85 %.
 * - Serious failure: at least two indicators below 65 %; with two indicators or fewer, any one
 *   below 65 %.
 *
 * An empty list achieves nothing and fails nothing (both false). An indicator whose rate is not
 * computable (see {@link achievementRate}: milestone ≤ 0, negative or non-finite values) makes
 * the whole assessment meaningless, since dropping it would change the number of indicators the
 * rule depends on: a RangeError naming its position is thrown. The input is not modified.
 */
export function assessPriority(indicators: readonly PerformanceIndicator[]): PriorityAssessment {
  const rates = indicators.map(({ achieved, milestone }, index) => {
    const rate = achievementRate(achieved, milestone);
    if (rate === null) {
      throw new RangeError(
        `Indicator ${index + 1}: achievement rate not computable ` +
          `(achieved ${achieved}, milestone ${milestone})`,
      );
    }
    return rate;
  });
  if (rates.length === 0) return { rates, milestonesAchieved: false, seriousFailure: false };

  const short = rates.filter((rate) => rate < MILESTONE_THRESHOLD);
  const milestonesAchieved =
    short.length === 0 ||
    (rates.length >= 3 && short.length === 1 && (short[0] ?? 0) >= TOLERATED_THRESHOLD);

  const failing = rates.filter((rate) => rate < SERIOUS_FAILURE_THRESHOLD).length;
  const seriousFailure = rates.length <= 2 ? failing >= 1 : failing >= 2;

  return { rates, milestonesAchieved, seriousFailure };
}

/** The rates (%) whose side a verdict depends on. */
const RATE_THRESHOLDS = [SERIOUS_FAILURE_THRESHOLD, TOLERATED_THRESHOLD, MILESTONE_THRESHOLD];

/**
 * A rate as it is printed beside its verdict: with one decimal, or as many more (up to four) as
 * it takes for the printed figure to stay on the same side of 65, 75 and 85 % as the rate
 * itself — 64,98 % is a serious failure and must not read "65,0 %". A rate closer still is cut
 * (not rounded) at four decimals, towards its own side.
 */
export function rateForDisplay(rate: number): { value: number; decimals: number } {
  const sameSide = (shown: number) => RATE_THRESHOLDS.every((t) => shown < t === rate < t);
  for (let decimals = 1; decimals <= 4; decimals++) {
    const factor = 10 ** decimals;
    const value = Math.round(rate * factor) / factor;
    if (sameSide(value)) return { value, decimals };
  }
  const factor = 10 ** 4;
  return { value: Math.floor(rate * factor) / factor, decimals: 4 };
}

/**
 * A rate as the screens and the report print it beside its verdict: rateForDisplay's figure with
 * its decimals, trailing zeros kept ("84,0%" beside "81,9%", "64,98%").
 */
export function rateText(rate: number, language: Language): string {
  const { value, decimals } = rateForDisplay(rate);
  return `${formatFixed(value, language, decimals)}%`;
}

/**
 * The axes (priorities) of `indicators` in reading order: «Priorità 2» before «Priorità 10»,
 * whatever the order they were added in; indicators without an axis come last.
 */
export function axesInOrder(indicators: ReadonlyArray<{ axis: string }>): string[] {
  const axes = [...new Set(indicators.map((indicator) => indicator.axis))];
  const collator = new Intl.Collator('it', { numeric: true, sensitivity: 'base' });
  return axes.sort((a, b) => (a === '' ? 1 : b === '' ? -1 : collator.compare(a, b)));
}
