import type { Language } from '../model/project';

/** BCP 47 locale of each UI language (number and date formats follow it: 1.234,5 in Italian). */
export const LOCALES: Record<Language, string> = { it: 'it-IT', en: 'en-GB' };

export type MessageParams = Record<string, string | number | boolean | null | undefined | object>;

const PLURAL = /\{(\w+), plural, ((?:=?\w+ \{[^{}]*\}\s*)+)\}/g;
const SELECT = /\{(\w+), select, ((?:[\w-]+ \{[^{}]*\}\s*)+)\}/g;
const PLACEHOLDER = /\{(\w+)\}/g;

/**
 * Formatters made once per language and options: making one costs tens of microseconds, which
 * an export of 300,000 rows would pay per cell.
 */
const formatters = new Map<string, Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>();

function held<T extends Intl.NumberFormat | Intl.PluralRules | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Number format of `language`. Grouping is forced: ICU leaves 4-digit Italian numbers ungrouped
 * ("1234"), while Italian reports write "1.234".
 */
function numberFormat(
  language: Language,
  maximumFractionDigits = 2,
  minimumFractionDigits = 0,
): Intl.NumberFormat {
  return held(`number:${language}:${maximumFractionDigits}:${minimumFractionDigits}`, () => {
    return new Intl.NumberFormat(LOCALES[language], {
      maximumFractionDigits,
      minimumFractionDigits,
      useGrouping: 'always',
    });
  });
}

function formatValue(value: unknown, language: Language): string {
  if (typeof value === 'number') return numberFormat(language).format(value);
  if (value === null || value === undefined) return '';
  return String(value);
}

/**
 * Fills a catalogue message: `{name}` placeholders and ICU-style plurals
 * `{count, plural, one {# domanda} other {# domande}}` (`#` is the formatted count; `=0 {…}` is
 * an exact match), and selects `{rule, select, cycle {…} other {…}}` (the branch named by the
 * value, else `other`).
 */
export function formatMessage(template: string, params: MessageParams, language: Language): string {
  const rules = held(`plural:${language}`, () => new Intl.PluralRules(LOCALES[language]));
  const withSelects = template.replace(SELECT, (_match, name: string, branches: string) => {
    const options = new Map<string, string>();
    for (const [, key, text] of branches.matchAll(/(\S+) \{([^{}]*)\}/g)) options.set(key!, text!);
    return options.get(String(params[name])) ?? options.get('other') ?? '';
  });
  const withPlurals = withSelects.replace(PLURAL, (_match, name: string, branches: string) => {
    const count = Number(params[name] ?? 0);
    const options = new Map<string, string>();
    for (const [, key, text] of branches.matchAll(/(\S+) \{([^{}]*)\}/g)) options.set(key!, text!);
    const chosen =
      options.get(`=${count}`) ?? options.get(rules.select(count)) ?? options.get('other') ?? '';
    return chosen.replace(/#/g, formatValue(count, language));
  });
  return withPlurals.replace(PLACEHOLDER, (match, name: string) =>
    name in params ? formatValue(params[name], language) : match,
  );
}

/** "10:42" in the user's language. */
export function formatTime(iso: string, language: Language): string {
  return held(
    `time:${language}`,
    () => new Intl.DateTimeFormat(LOCALES[language], { hour: '2-digit', minute: '2-digit' }),
  ).format(new Date(iso));
}

/** "24/11/2026, 10:42" in the user's language: the year whole, as forms and exports write it. */
export function formatDateTime(iso: string, language: Language): string {
  return held(
    `datetime:${language}`,
    () =>
      new Intl.DateTimeFormat(LOCALES[language], {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }),
  ).format(new Date(iso));
}

/**
 * A number with exactly `digits` decimals in the user's language ("84,0"): for figures printed
 * side by side, where "84" beside "81,9" reads as rounded differently.
 */
export function formatFixed(value: number, language: Language, digits: number): string {
  return held(
    `fixed:${language}:${digits}`,
    () =>
      new Intl.NumberFormat(LOCALES[language], {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
        useGrouping: 'always',
      }),
  ).format(value);
}

/** A number in the user's language ("1.234,5" in Italian). */
export function formatNumber(value: number, language: Language, maximumFractionDigits = 2): string {
  return numberFormat(language, maximumFractionDigits).format(value);
}

/**
 * An indicator's value as monitoring gives it, with the decimals it has (at most six, never
 * rounded to a whole number); an amount in euro with cents shows both digits («25.500.000,50»).
 */
export function formatIndicatorValue(value: number, language: Language, unit = ''): string {
  if (Number.isInteger(value)) return numberFormat(language, 0).format(value);
  const money = /€|\beur(o|os)?\b/i.test(unit);
  return numberFormat(language, money ? 2 : 6, money ? 2 : 0).format(value);
}
