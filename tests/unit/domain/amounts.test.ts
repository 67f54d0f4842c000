import { describe, expect, it } from 'vitest';
import { otherLanguageReading, parseUserAmount } from '../../../src/shared/domain/amounts';
import { parseReferencePeriod } from '../../../src/shared/domain/dates';
import { formatNumber } from '../../../src/shared/i18n';

describe('amounts typed in the indicator editor', () => {
  it('read Italian forms, with a euro or percent sign, and plain ones', () => {
    expect(parseUserAmount('1.234,5', 'it')).toBe(1234.5);
    expect(parseUserAmount('50.000.000', 'it')).toBe(50_000_000);
    expect(parseUserAmount('63,1%', 'it')).toBe(63.1);
    expect(parseUserAmount('€ 1.350', 'it')).toBe(1350);
    expect(parseUserAmount('1.350 EUR', 'it')).toBe(1350);
    expect(parseUserAmount('12.5', 'it')).toBe(12.5);
    expect(parseUserAmount(' 830 ', 'it')).toBe(830);
    expect(parseUserAmount('−3,2', 'it')).toBe(-3.2);
    expect(parseUserAmount('', 'it')).toBeNull();
  });

  it('refuse what is not a number, separators in the wrong order and numbers past 15 digits', () => {
    for (const typed of ['circa 30', 'abc', '1,234.5', '1.23.4', '99999999999999999999999']) {
      expect(parseUserAmount(typed, 'it'), typed).toBe('invalid');
    }
    // English: the comma groups thousands, the point is decimal; Italian order is refused.
    expect(parseUserAmount('1,234.5', 'en')).toBe(1234.5);
    expect(parseUserAmount('1,234', 'en')).toBe(1234);
    expect(parseUserAmount('1.234,5', 'en')).toBe('invalid');
  });

  it('read back every value as the screen writes it, in both languages', () => {
    for (const value of [0, 7, 12.5, 1234.5, -500, 1_350_000.25, 64.98]) {
      for (const language of ['it', 'en'] as const) {
        expect(parseUserAmount(formatNumber(value, language, 2), language)).toBe(value);
      }
    }
  });
});

describe('reference dates and periods of an indicator', () => {
  it('keep a period as typed, store a date as ISO, and refuse a day no calendar has', () => {
    expect(parseReferencePeriod('15/06/2021')).toBe('2021-06-15');
    expect(parseReferencePeriod('nov 2020')).toBe('nov 2020');
    expect(parseReferencePeriod('2020-11')).toBe('2020-11');
    expect(parseReferencePeriod('')).toBeNull();
    expect(parseReferencePeriod('31/02/2021')).toBe('invalid');
    expect(parseReferencePeriod('2021-02-30')).toBe('invalid');
  });
});

describe('otherLanguageReading', () => {
  it('gives the thousands an amount means in the other language when it reads as three decimals', () => {
    // Pasted from an Italian source into the English interface: 12.5 here, 12,500 there.
    expect(parseUserAmount('12.500', 'en')).toBe(12.5);
    expect(otherLanguageReading('12.500', 'en')).toBe(12_500);
    expect(otherLanguageReading('1.600 €', 'en')).toBe(1_600);
    expect(otherLanguageReading('-250,000', 'it')).toBe(-250_000);
  });

  it('is null when the amount reads one way only, or as the language writes thousands', () => {
    for (const [typed, language] of [
      ['0.125', 'en'], // no thousands start with 0
      ['0.125', 'it'],
      ['12.5', 'en'],
      ['12.5000', 'en'],
      ['12,500', 'en'], // English thousands, typed the English way
      ['12.500', 'it'], // Italian thousands, typed the Italian way
      ['1.234,5', 'it'],
      ['1234.500', 'en'],
      ['', 'en'],
    ] as const) {
      expect(otherLanguageReading(typed, language), typed).toBeNull();
    }
  });
});

describe('parseUserAmount, a leading zero', () => {
  it('reads «0.125» in Italian as a decimal from a calculator, never as 125', () => {
    // Found by a newcomer walk-through: saved as 125, with no word.
    expect(parseUserAmount('0.125', 'it')).toBe(0.125);
    expect(parseUserAmount('0,125', 'en')).toBe(0.125);
    expect(parseUserAmount('1.125', 'it')).toBe(1_125);
  });
});
