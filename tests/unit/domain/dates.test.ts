import { describe, expect, it } from 'vitest';
import {
  formatUserDate,
  isDateShaped,
  parseUserDate,
  parseUserTime,
} from '../../../src/shared/domain/dates';

describe('dates as evaluators type them', () => {
  it('read day first, with slashes, dots or dashes, and ISO dates', () => {
    expect(parseUserDate('15/06/2021')).toBe('2021-06-15');
    expect(parseUserDate(' 5/6/21 ')).toBe('2021-06-05');
    expect(parseUserDate('15.06.2021')).toBe('2021-06-15');
    expect(parseUserDate('15-06-1999')).toBe('1999-06-15');
    expect(parseUserDate('31/12/65')).toBe('1965-12-31');
    expect(parseUserDate('2021-06-15')).toBe('2021-06-15');
    expect(parseUserDate('')).toBeNull();
  });

  it('refuse days that do not exist and what is not a date', () => {
    for (const wrong of [
      '31/06/2021',
      '29/02/2021',
      '06/15/2021',
      '2021-02-30',
      '15 giugno',
      '1/1',
    ])
      expect(parseUserDate(wrong), wrong).toBe('invalid');
    expect(parseUserDate('29/02/2024')).toBe('2024-02-29');
  });

  it('show ISO dates day first, and leave other text as it is', () => {
    expect(formatUserDate('2021-06-15')).toBe('15/06/2021');
    // A reference month reads as the dates around it; another free period stays as typed.
    expect(formatUserDate('2020-11')).toBe('11/2020');
    expect(formatUserDate('I sem. 2021')).toBe('I sem. 2021');
    expect(formatUserDate('2020-13')).toBe('2020-13');
    expect(formatUserDate(null)).toBe('');
  });

  it('read times on 24 hours', () => {
    expect(parseUserTime('9:30')).toBe('09:30');
    expect(parseUserTime('14.05')).toBe('14:05');
    expect(parseUserTime('9')).toBe('09:00');
    expect(parseUserTime('')).toBeNull();
    for (const wrong of ['24:00', '9:60', '9 e mezza', '2 PM'])
      expect(parseUserTime(wrong), wrong).toBe('invalid');
  });

  it('tell a date written right for a day that does not exist from what is no date at all', () => {
    for (const typed of ['31/02/2024', '31.06.2021', '2024-02-31', ' 1/13/21 ']) {
      expect(parseUserDate(typed)).toBe('invalid');
      expect(isDateShaped(typed)).toBe(true);
    }
    for (const typed of ['giugno', '15 giugno 2021', '2021', ''])
      expect(isDateShaped(typed)).toBe(false);
  });
});
