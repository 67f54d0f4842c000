/**
 * Dates as evaluators type and read them: day first ("15/06/2021"), in Italian and in British
 * English alike, stored as ISO dates ("2021-06-15") in the project files.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_FIRST = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/;

/** True when year, month and day name a day of the calendar (no 31 June, no 29 Feb 2021). */
function isRealDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= days;
}

const iso = (year: number, month: number, day: number) =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * True when the text is written as a date ("31/02/2024", "2024-02-31"), whether or not the
 * calendar has that day: a refusal can then say the day does not exist, not how to write it.
 */
export function isDateShaped(typed: string): boolean {
  const text = typed.trim();
  return ISO_DATE.test(text) || DAY_FIRST.test(text);
}

/**
 * What the user typed as an ISO date: "15/06/2021", "15/6/21", "15.06.2021", "15-06-2021" (day
 * first) or "2021-06-15". Null for an empty field; 'invalid' for anything else, including days
 * that do not exist. A two-digit year is taken in 1950–2049.
 */
export function parseUserDate(typed: string): string | null | 'invalid' {
  const text = typed.trim();
  if (text === '') return null;
  const isoMatch = ISO_DATE.exec(text);
  if (isoMatch) {
    const [year, month, day] = isoMatch.slice(1).map(Number) as [number, number, number];
    return isRealDay(year, month, day) ? text : 'invalid';
  }
  const match = DAY_FIRST.exec(text);
  if (!match) return 'invalid';
  const day = Number(match[1]);
  const month = Number(match[2]);
  let year = Number(match[3]);
  if (match[3]!.length === 2) year += year < 50 ? 2000 : 1900;
  if (year < 1900 || year > 2200 || !isRealDay(year, month, day)) return 'invalid';
  return iso(year, month, day);
}

/**
 * A reference date or period as typed for an indicator: a whole date as an ISO date, a period
 * ("2020-11", "nov 2020", "I sem. 2021") as typed, null for an empty field. Something written as
 * a date that no calendar has ("31/02/2021") is 'invalid': kept as a period, it would pass for one.
 */
export function parseReferencePeriod(typed: string): string | null | 'invalid' {
  const date = parseUserDate(typed);
  if (date !== 'invalid') return date;
  const text = typed.trim();
  return ISO_DATE.test(text) || DAY_FIRST.test(text) ? 'invalid' : text;
}

/**
 * An ISO date as the user reads it: "15/06/2021" (day, month, year in Italian and in British
 * English); an ISO month ("2020-11", a reference period) as "11/2020". Any other free period
 * ("I sem. 2021") is shown as typed.
 */
export function formatUserDate(value: string | null | undefined): string {
  if (!value) return '';
  const match = ISO_DATE.exec(value);
  if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(value);
  return month ? `${month[2]}/${month[1]}` : value;
}

/**
 * What the user typed as a time of day, "HH:MM" on 24 hours: "9:30", "09.30", "9" (9:00). Null
 * for an empty field; 'invalid' for anything else.
 */
export function parseUserTime(typed: string): string | null | 'invalid' {
  const text = typed.trim();
  if (text === '') return null;
  const match = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(text);
  if (!match) return 'invalid';
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (hours > 23 || minutes > 59) return 'invalid';
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}
