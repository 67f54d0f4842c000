import { describe, expect, it } from 'vitest';
import { achievementRate, rateForDisplay } from '../../../src/shared/domain/performance';
import { formatNumber } from '../../../src/shared/i18n';

const shown = (rate: number) => {
  const { value, decimals } = rateForDisplay(rate);
  return `${formatNumber(value, 'it', decimals)}%`;
};

describe('rates printed beside a verdict', () => {
  it('keep one decimal away from the thresholds', () => {
    expect(shown(63.14)).toBe('63,1%');
    expect(shown(100)).toBe('100%');
    expect(shown(85)).toBe('85%');
  });

  it('show enough decimals near 65, 75 and 85 % to stay on their side', () => {
    // F01: 6.498 of a milestone of 10.000 is 64,98 %, a serious failure.
    expect(shown(achievementRate(6498, 10_000)!)).toBe('64,98%');
    expect(shown(84.96)).toBe('84,96%');
    expect(shown(74.9996)).toBe('74,9996%');
    expect(shown(64.99999)).toBe('64,9999%');
    expect(shown(65.04)).toBe('65%');
  });
});
