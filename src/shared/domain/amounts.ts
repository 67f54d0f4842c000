/**
 * Amounts typed by evaluators: indicator values, targets, money. Read the way the screen writes
 * them in the user's language (Italian "1.234,5", English "1,234.5"), so a value shown and
 * typed again reads the same.
 */
import type { Language } from '../model/project';

/** Digits kept exactly by a number: more would be changed without a word ("…999" → "…000"). */
const MAX_DIGITS = 15;

const SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  it: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

const escape = (char: string) => `\\${char}`;

/** The amount without spaces, units and a leading plus; a typographic minus made plain. */
const bare = (typed: string) =>
  typed
    .replace(/[\s\u00a0\u202f%€]/g, '')
    .replace(/^eur|eur$/i, '')
    .replace(/^\+/, '')
    .replace(/^[-\u2212]/, '-');

/**
 * What the user typed as a number, or null for an empty field, or 'invalid'. Spaces, a percent
 * sign and a euro sign ("€ 1.350", "63,1 %", "1.350 EUR") are allowed around it. Thousands must be
 * grouped by three with the language's separator; the other separator is the decimal one, and
 * is also taken as decimal alone when it cannot be grouping ("12.5" in Italian). Separators in
 * the other language's order ("1,234.5" in Italian) are refused, not guessed: read the Italian
 * way that would be a thousand times smaller. So are numbers of more than 15 digits.
 */
export function parseUserAmount(typed: string, language: Language): number | null | 'invalid' {
  const text = bare(typed);
  if (text === '') return null;
  const { group, decimal } = SEPARATORS[language];
  const [g, d] = [escape(group), escape(decimal)];
  // No group of thousands starts with 0: "0.125" is a decimal point from a calculator.
  const grouped = new RegExp(`^(-?)([1-9]\\d{0,2}(?:${g}\\d{3})+|\\d+)(?:${d}(\\d+))?$`).exec(text);
  // The group separator alone and not grouping by three: a decimal point from a calculator.
  const loose = grouped ? null : new RegExp(`^(-?)(\\d+)${g}(\\d+)$`).exec(text);
  const match = grouped ?? loose;
  if (!match) return 'invalid';
  const whole = match[2]!.split(group).join('');
  const fraction = match[3] ?? '';
  if (whole.replace(/^0+/, '').length + fraction.length > MAX_DIGITS) return 'invalid';
  const value = Number(`${match[1]}${whole}${fraction ? `.${fraction}` : ''}`);
  return Number.isFinite(value) ? value : 'invalid';
}

/**
 * The value an amount would have in the other language when it reads as a decimal with exactly
 * three digits after a one-to-three-digit whole ("12.500" is 12.5 in English, twelve thousand
 * five hundred in Italian): pasted from a source in the other language, it is a thousand times
 * off. Null when the amount does not read both ways. For a note, not a refusal: "1.600" may mean
 * 1.6. The other way round ("1.500" read as thousands in Italian) gets no note: it is how the
 * language writes thousands, and a note on every one would teach users to ignore notes.
 */
export function otherLanguageReading(typed: string, language: Language): number | null {
  const { decimal } = SEPARATORS[language];
  const match = new RegExp(`^(-?)([1-9]\\d{0,2})${escape(decimal)}(\\d{3})$`).exec(bare(typed));
  return match ? Number(`${match[1]}${match[2]}${match[3]}`) : null;
}
