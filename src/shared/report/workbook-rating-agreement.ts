/**
 * The workbook's rating agreement sheet (issue 19): the comparisons of evaluators' matrices kept
 * for the report (its settings' `ratingGroups`), one row per comparison × dimension × pair,
 * numbers as numbers, undefined statistics as empty cells with the reason beside them.
 */
import { firstReasonText } from '../i18n/agreement-lines';
import { ratingAgreementsForReport } from './sections-rating-agreement';
import type { WorkbookCell, WorkbookSheet } from './workbook';
import { rounded, sheet, type WorkbookContext } from './workbook-cells';

/** The sheet; without a comparison kept for the report it has its header row only. */
export function ratingAgreementSheet(context: WorkbookContext): WorkbookSheet {
  const { t, language, project } = context;
  const header = [
    t('agreement.xlsx.matrix'),
    t('agreement.column.dimension'),
    t('agreement.xlsx.evaluatorA'),
    t('agreement.xlsx.evaluatorB'),
    t('agreement.ui.cells'),
    t('agreement.column.percent'),
    t('agreement.column.kappaLinear'),
    t('agreement.column.kappaQuadratic'),
    t('agreement.column.alphaOrdinal'),
    t('agreement.xlsx.undefined'),
    t('agreement.xlsx.method'),
  ];
  const rows: WorkbookCell[][] = [];
  const comparisons = ratingAgreementsForReport(
    project,
    project.report?.ratingGroups ?? [],
    language,
  );
  for (const { reference, report, label, dimension, method } of comparisons) {
    for (const item of report.dimensions) {
      for (const pair of item.pairs) {
        rows.push([
          reference.title,
          dimension(item.dimensionId),
          label(pair.evaluators[0]),
          label(pair.evaluators[1]),
          pair.cells,
          rounded(pair.percent, 2),
          rounded(pair.kappaLinear, 4),
          rounded(pair.kappaQuadratic, 4),
          rounded(item.alphaOrdinal, 4),
          firstReasonText(language, pair.undefinedReason, item.alphaUndefinedReason),
          method,
        ]);
      }
    }
  }
  return sheet(t('agreement.xlsx.ratingsSheet'), header, rows);
}
