/**
 * The words printed with agreement tables (report section, workbook sheet, agreement view): the
 * method line built from a result's meta, what "undefined" means, and the numbers as a report
 * writes them (0,40; 63,1%; n.d.).
 */
import type { AgreementMeta, UndefinedReason } from '../domain/agreement-layers';
import type { RatingAgreementReport } from '../domain/agreement-ratings';
import type { ScaleLevel } from '../model/matrix';
import type { Language } from '../model/project';
import { LOCALES, translator, type MessageKey } from './index';

/** How to name coders or evaluators in print (initials, pseudonyms); default the id itself. */
export type PersonLabel = (id: string) => string;

/** The message naming each kind of rating difference (a cell rated differently). */
export const RATING_DIFFERENCE_KEYS = {
  level: 'agreement.difference.level',
  'not-applicable': 'agreement.difference.notApplicable',
  unrated: 'agreement.difference.unrated',
} as const satisfies Record<RatingAgreementReport['differences'][number]['kind'], MessageKey>;

/** "anna, bruno e carla" / "anna, bruno and carla". */
function list(ids: readonly string[], language: Language, label: PersonLabel): string {
  return new Intl.ListFormat(LOCALES[language], { type: 'conjunction' }).format(ids.map(label));
}

/**
 * The method line of a text agreement table, in `language`: method, unit, threshold and coders,
 * as `meta` states them. `categories` (k of κn) is needed for the segment level and
 * `minDifference` for the disagreement list; they are printed as 0 and 1 when missing.
 */
export function agreementMethodLine(
  meta: AgreementMeta,
  language: Language,
  options: { label?: PersonLabel; categories?: number; minDifference?: number } = {},
): string {
  const t = translator(language);
  const coders = list(meta.coders, language, options.label ?? ((id) => id));
  switch (meta.method) {
    case 'character':
      return t('agreement.method.character', { coders });
    case 'segment':
      return t('agreement.method.segment', {
        coders,
        threshold: (meta.threshold ?? 0) * 100,
        categories: options.categories ?? 0,
      });
    case 'unit':
      return t('agreement.method.unit', {
        coders,
        unit: t(meta.unit === 'sentence' ? 'agreement.unit.sentence' : 'agreement.unit.turn'),
        minOverlap: meta.minOverlap ?? 1,
      });
    case 'disagreement':
      return t('agreement.method.disagreements', {
        coders,
        minDifference: options.minDifference ?? 1,
      });
  }
}

/**
 * The method line of a rating agreement table, with the scale's value mapping ("Basso = 1,
 * Medio = 2, Alto = 3") when `scale` is given, else the values alone.
 */
export function ratingMethodLine(
  meta: RatingAgreementReport['meta'],
  language: Language,
  options: { matrixTitle: string; scale?: readonly ScaleLevel[]; label?: PersonLabel },
): string {
  const values = options.scale
    ? options.scale
        .filter((level) => level.value !== null)
        .sort((a, b) => a.value! - b.value!)
        .map((level) => `${level.label[language]} = ${formatNumber(level.value!, language, 0, 2)}`)
        .join(', ')
    : meta.values.map((value) => formatNumber(value, language, 0, 2)).join(', ');
  return translator(language)('agreement.method.ratings', {
    matrix: options.matrixTitle,
    values,
    evaluators: list(meta.evaluators, language, options.label ?? ((id) => id)),
  });
}

const REASON_KEYS: Record<UndefinedReason, MessageKey> = {
  'neither-coded': 'agreement.reason.neitherCoded',
  'no-variation': 'agreement.reason.noVariation',
  'no-data': 'agreement.reason.noData',
  'single-category': 'agreement.reason.singleCategory',
};

/** Why a statistic is undefined, on its own ("none of the coders used the code."). */
export function reasonText(reason: UndefinedReason, language: Language): string {
  return translator(language)(REASON_KEYS[reason]);
}

/** Why a statistic is undefined, as a sentence for a tooltip ("Undefined: none of …"). */
export function undefinedReasonText(reason: UndefinedReason, language: Language): string {
  return translator(language)('agreement.undefinedBecause', {
    reason: reasonText(reason, language),
  });
}

/**
 * The first of `reasons` given, for a workbook cell under «Non definito perché» (the reason
 * alone, with a capital); else null.
 */
export function firstReasonText(
  language: Language,
  ...reasons: ReadonlyArray<UndefinedReason | null | undefined>
): string | null {
  const found = reasons.find((reason): reason is UndefinedReason => !!reason);
  if (!found) return null;
  const text = reasonText(found, language);
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

function formatNumber(value: number, language: Language, min: number, max: number): string {
  return new Intl.NumberFormat(LOCALES[language], {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    useGrouping: 'always',
  }).format(value);
}

/**
 * A statistic as a table prints it: a coefficient with two decimals ("0,40", "−0,12"), a
 * percentage with one ("63,1%"); null as "n.d." ("undef."), never as 1 or 100%.
 */
export function formatAgreement(
  value: number | null,
  language: Language,
  kind: 'coefficient' | 'percent',
): string {
  if (value === null || !Number.isFinite(value)) {
    return translator(language)('agreement.undefinedShort');
  }
  if (kind === 'percent') return `${formatNumber(value, language, 1, 1)}%`;
  return formatNumber(value, language, 2, 2).replace(/^-/, '−');
}
