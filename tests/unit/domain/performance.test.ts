import { describe, expect, it } from 'vitest';
import {
  achievementRate,
  assessPriority,
  axesInOrder,
} from '../../../src/shared/domain/performance';

/** Indicators with milestone 100, so the achieved values are the rates. */
const atRates = (...rates: number[]) => rates.map((achieved) => ({ milestone: 100, achieved }));

describe('achievementRate', () => {
  it('is achieved / milestone × 100', () => {
    expect(achievementRate(85, 100)).toBe(85);
    expect(achievementRate(340, 400)).toBe(85);
    expect(achievementRate(1, 3)).toBeCloseTo(33.333333333, 9);
    expect(achievementRate(0, 50)).toBe(0);
    expect(achievementRate(150, 100)).toBe(150);
    expect(achievementRate(1_200_000.5, 1_000_000)).toBe(120.00005);
  });

  it('lands exactly on thresholds despite floating-point noise', () => {
    // Naively 84.99999999999999, 64.99999999999999 and 74.99999999999999.
    expect(achievementRate(2.55, 3)).toBe(85);
    expect(achievementRate(8.45, 13)).toBe(65);
    expect(achievementRate(0.75 * 0.3, 0.3)).toBe(75);
  });

  it('is null when not computable', () => {
    expect(achievementRate(10, 0)).toBeNull();
    expect(achievementRate(0, 0)).toBeNull();
    expect(achievementRate(10, -5)).toBeNull();
    expect(achievementRate(-1, 10)).toBeNull();
    expect(achievementRate(Number.NaN, 10)).toBeNull();
    expect(achievementRate(10, Number.POSITIVE_INFINITY)).toBeNull();
    expect(achievementRate(Number.POSITIVE_INFINITY, 10)).toBeNull();
    expect(achievementRate(Number.MAX_VALUE, Number.MIN_VALUE)).toBeNull();
  });
});

describe('assessPriority', () => {
  it('returns the rates in input order', () => {
    const result = assessPriority([
      { milestone: 200, achieved: 180 },
      { milestone: 40, achieved: 50 },
      { milestone: 1_000, achieved: 700 },
    ]);
    expect(result.rates).toEqual([90, 125, 70]);
  });

  it('achieves the milestones when every indicator reaches 85 %', () => {
    expect(assessPriority(atRates(85, 92, 110))).toEqual({
      rates: [85, 92, 110],
      milestonesAchieved: true,
      seriousFailure: false,
    });
    expect(assessPriority(atRates(86))).toEqual({
      rates: [86],
      milestonesAchieved: true,
      seriousFailure: false,
    });
    expect(assessPriority(atRates(100, 85)).milestonesAchieved).toBe(true);
  });

  it('tolerates one of three or more indicators between 75 % and 85 %', () => {
    expect(assessPriority(atRates(90, 80, 95))).toEqual({
      rates: [90, 80, 95],
      milestonesAchieved: true,
      seriousFailure: false,
    });
    expect(assessPriority(atRates(90, 88, 100, 76)).milestonesAchieved).toBe(true);
  });

  it('does not achieve them when the one indicator of three is below 75 %', () => {
    expect(assessPriority(atRates(90, 74, 95))).toEqual({
      rates: [90, 74, 95],
      milestonesAchieved: false,
      seriousFailure: false,
    });
  });

  it('does not achieve them when two of three are between 75 % and 85 %', () => {
    expect(assessPriority(atRates(80, 84, 95))).toEqual({
      rates: [80, 84, 95],
      milestonesAchieved: false,
      seriousFailure: false,
    });
  });

  it('does not tolerate an indicator below 85 % with two indicators', () => {
    expect(assessPriority(atRates(100, 80))).toEqual({
      rates: [100, 80],
      milestonesAchieved: false,
      seriousFailure: false,
    });
    expect(assessPriority(atRates(84.9)).milestonesAchieved).toBe(false);
  });

  it('is a serious failure when two of four indicators are below 65 %', () => {
    expect(assessPriority(atRates(90, 60, 100, 30))).toEqual({
      rates: [90, 60, 100, 30],
      milestonesAchieved: false,
      seriousFailure: true,
    });
  });

  it('is a serious failure when one of two indicators is below 65 %', () => {
    expect(assessPriority(atRates(120, 64))).toEqual({
      rates: [120, 64],
      milestonesAchieved: false,
      seriousFailure: true,
    });
    expect(assessPriority(atRates(10)).seriousFailure).toBe(true);
  });

  it('is not a serious failure when only one of three indicators is below 65 %', () => {
    expect(assessPriority(atRates(90, 50, 95))).toEqual({
      rates: [90, 50, 95],
      milestonesAchieved: false,
      seriousFailure: false,
    });
  });

  it('treats 85 % as reached and anything below as short', () => {
    expect(assessPriority(atRates(85, 85)).milestonesAchieved).toBe(true);
    expect(assessPriority(atRates(85, 84.99)).milestonesAchieved).toBe(false);
    // Floating-point inputs exactly at 85 % (2.55 / 3) count as reached.
    expect(
      assessPriority([
        { milestone: 3, achieved: 2.55 },
        { milestone: 6, achieved: 5.1 },
      ]),
    ).toEqual({ rates: [85, 85], milestonesAchieved: true, seriousFailure: false });
  });

  it('tolerates exactly 75 % but not just below it', () => {
    expect(assessPriority(atRates(75, 85, 85)).milestonesAchieved).toBe(true);
    expect(assessPriority(atRates(74.99, 85, 85)).milestonesAchieved).toBe(false);
  });

  it('treats 65 % as no serious failure and anything below as one', () => {
    expect(assessPriority(atRates(65, 65)).seriousFailure).toBe(false);
    expect(assessPriority(atRates(65, 64.99)).seriousFailure).toBe(true);
    expect(assessPriority(atRates(65, 65, 64.99, 90)).seriousFailure).toBe(false);
    expect(assessPriority(atRates(64.99, 65, 64.99, 90)).seriousFailure).toBe(true);
    expect(
      assessPriority([
        { milestone: 13, achieved: 8.45 },
        { milestone: 100, achieved: 100 },
      ]),
    ).toEqual({ rates: [65, 100], milestonesAchieved: false, seriousFailure: false });
  });

  it('can be both short of the milestones and not a serious failure, or a serious failure', () => {
    expect(assessPriority(atRates(70, 70, 70))).toEqual({
      rates: [70, 70, 70],
      milestonesAchieved: false,
      seriousFailure: false,
    });
    expect(assessPriority(atRates(60, 60, 60))).toEqual({
      rates: [60, 60, 60],
      milestonesAchieved: false,
      seriousFailure: true,
    });
  });

  it('neither achieves nor fails with no indicators', () => {
    expect(assessPriority([])).toEqual({
      rates: [],
      milestonesAchieved: false,
      seriousFailure: false,
    });
  });

  it('throws a RangeError naming an indicator whose rate is not computable', () => {
    expect(() => assessPriority([...atRates(90), { milestone: 0, achieved: 5 }])).toThrow(
      RangeError,
    );
    expect(() => assessPriority([...atRates(90), { milestone: 0, achieved: 5 }])).toThrow(
      /Indicator 2/,
    );
    expect(() => assessPriority([{ milestone: -10, achieved: 5 }])).toThrow(RangeError);
    expect(() => assessPriority([{ milestone: 10, achieved: -5 }])).toThrow(RangeError);
    expect(() => assessPriority([{ milestone: 10, achieved: Number.NaN }])).toThrow(RangeError);
  });

  it('does not modify its input', () => {
    const indicators = Object.freeze(
      [
        { milestone: 100, achieved: 90 },
        { milestone: 50, achieved: 20 },
      ].map((indicator) => Object.freeze(indicator)),
    );
    const copy = structuredClone(indicators);
    assessPriority(indicators);
    expect(indicators).toEqual(copy);
  });
});

describe('axes in reading order', () => {
  it('puts «Priorità 2» before «Priorità 10» and the unnamed axis last, whatever the order added', () => {
    const axes = ['Priorità 3', '', 'Priorità 10', 'Priorità 1', 'Priorità 3', 'Asse 2'].map(
      (axis) => ({ axis }),
    );
    expect(axesInOrder(axes)).toEqual(['Asse 2', 'Priorità 1', 'Priorità 3', 'Priorità 10', '']);
  });
});
