/**
 * The ratings part of the annex "Affidabilità della codifica" (issue 19): evaluators' versions of
 * one rating matrix, chosen in Codifica ▸ Accordo ▸ Valutazioni and kept in the report settings.
 * Per dimension, ordinal α over all evaluators and, per pair, percent agreement and weighted κ,
 * with the method beneath; then the cells rated differently, to discuss before the team's rating.
 */
import { matrixVersionsAgreement } from '../domain/agreement-rating-versions';
import type { RatingAgreementReport } from '../domain/agreement-ratings';
import { formatAgreement, RATING_DIFFERENCE_KEYS, ratingMethodLine } from '../i18n/agreement-lines';
import type { RatingMatrix } from '../model/matrix';
import type { Language, ProjectFile } from '../model/project';
import type { ReportCell } from './model';
import { headerRow, type Chapter, type ReportContext } from './report-context';
import { note, reasonsNote } from './sections-agreement';

/** Rows of differences printed at most; the rest are counted (Campo shows them all). */
const MAX_DIFFERENCES = 60;

/**
 * One group's matrices (the reference first), their agreement, and what the annex and the
 * workbook print about it in the report's language.
 */
export interface RatingAgreementForReport {
  matrices: RatingMatrix[];
  reference: RatingMatrix;
  report: RatingAgreementReport & { unplaced: number };
  /** An evaluator of the comparison: their matrix's title. */
  label(id: string): string;
  /** A dimension of the reference matrix, by id. */
  dimension(id: string): string;
  /** The method line written under the figures. */
  method: string;
}

/** The groups of the settings that still have two matrices or more in the project. */
export function ratingAgreementsForReport(
  project: ProjectFile,
  groups: readonly (readonly string[])[],
  language: Language,
): RatingAgreementForReport[] {
  const byId = new Map(project.matrices.map((matrix) => [matrix.id, matrix]));
  const found: RatingAgreementForReport[] = [];
  for (const group of groups) {
    const matrices = [...new Set(group)]
      .map((id) => byId.get(id))
      .filter((matrix): matrix is RatingMatrix => matrix !== undefined);
    if (matrices.length < 2) continue;
    const reference = matrices[0]!;
    const report = matrixVersionsAgreement(matrices);
    const titles = new Map(matrices.map((matrix) => [matrix.id, matrix.title]));
    const label = (id: string) => titles.get(id) ?? id;
    found.push({
      matrices,
      reference,
      report,
      label,
      dimension: (id) => reference.dimensions.find((d) => d.id === id)?.label[language] ?? id,
      method: ratingMethodLine(report.meta, language, {
        matrixTitle: reference.title,
        scale: reference.scale,
        label,
      }),
    });
  }
  return found;
}

const right = (text: string): ReportCell => ({ text, align: 'right' });

/** One group: a heading, the agreement per dimension and pair, the cells rated differently. */
export function ratingAnnex(
  context: ReportContext,
  chapter: Chapter,
  { matrices, reference, report, label, dimension, method }: RatingAgreementForReport,
): void {
  const { t, language } = context;
  const what = t('agreement.report.ratingsWhat');
  const k = (value: number | null) => right(formatAgreement(value, language, 'coefficient'));
  const list = new Intl.ListFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    type: 'conjunction',
  }).format(matrices.map((matrix) => matrix.title));

  chapter.heading(2, t('agreement.report.ratingsHeading', { matrix: reference.title }));
  chapter.paragraph(
    t('agreement.report.ratingsIntro', {
      matrices: list,
      cells: reference.rows.length * reference.columns.length,
    }),
  );
  const rows: ReportCell[][] = [];
  for (const item of report.dimensions) {
    item.pairs.forEach((pair, i) => {
      rows.push([
        i === 0 ? { text: dimension(item.dimensionId), bold: true } : { text: '' },
        { text: pair.evaluators.map(label).join(' – ') },
        right(context.number(pair.cells, 0)),
        right(formatAgreement(pair.percent, language, 'percent')),
        k(pair.kappaLinear),
        k(pair.kappaQuadratic),
        i === 0 ? { ...k(item.alphaOrdinal), bold: true } : { text: '' },
      ]);
    });
  }
  chapter.table({
    title: t('agreement.report.ratingsTitle', { matrix: reference.title }),
    source: { what },
    widths: [21, 24, 10, 10, 11, 13, 11],
    header: [
      headerRow([
        t('agreement.column.dimension'),
        t('agreement.column.evaluators'),
        t('agreement.ui.cells'),
        t('agreement.column.percent'),
        t('agreement.column.kappaLinear'),
        t('agreement.column.kappaQuadratic'),
        t('agreement.column.alphaOrdinal'),
      ]),
    ],
    rows,
    note: note(
      method,
      reasonsNote(
        report.dimensions.flatMap((d) => [
          d.alphaUndefinedReason,
          ...d.pairs.map((p) => p.undefinedReason),
        ]),
        context,
      ),
      report.unplaced > 0 ? t('agreement.ui.unplaced', { count: report.unplaced }) : '',
    ),
  });

  if (report.differences.length === 0) return;
  const axis = (id: string, items: ReadonlyArray<{ id: string; label: string }>) =>
    items.find((item) => item.id === id)?.label ?? id;
  // Every version's levels were matched onto the reference's scale (alignMatrix).
  const level = (levelId: string | null) =>
    (levelId && reference.scale.find((l) => l.id === levelId)?.label[language]) || '–';
  const shown = report.differences.slice(0, MAX_DIFFERENCES);
  const evaluators = report.meta.evaluators;
  chapter.table({
    title: t('agreement.report.ratingDifferencesTitle', { matrix: reference.title }),
    source: { what },
    widths: [18, 30, ...evaluators.map(() => 40 / evaluators.length), 12],
    header: [
      headerRow([
        t('agreement.column.dimension'),
        t('agreement.column.cell'),
        ...evaluators.map(label),
        t('agreement.ui.kind'),
      ]),
    ],
    rows: shown.map((d) => [
      { text: dimension(d.dimensionId) },
      { text: `${axis(d.rowId, reference.rows)} × ${axis(d.columnId, reference.columns)}` },
      ...d.ratings.map((r) => ({ text: level(r.levelId) })),
      { text: t(RATING_DIFFERENCE_KEYS[d.kind]) },
    ]),
    note:
      report.differences.length > shown.length
        ? t('agreement.report.moreDifferences', {
            count: report.differences.length - shown.length,
          })
        : '',
  });
}
