import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../../src/renderer/features/indicators/IndicatorEditor';

describe('amounts typed in the indicator editor', () => {
  it('read Italian and plain forms, and refuse what is not a number', () => {
    expect(parseAmount('1.234,5')).toBe(1234.5);
    expect(parseAmount('50.000.000')).toBe(50_000_000);
    expect(parseAmount('63,1%')).toBe(63.1);
    expect(parseAmount('12.5')).toBe(12.5);
    expect(parseAmount(' 830 ')).toBe(830);
    expect(parseAmount('')).toBeNull();
    expect(parseAmount('circa 30')).toBeUndefined();
  });
});
