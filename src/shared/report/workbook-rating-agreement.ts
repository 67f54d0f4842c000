/**
 * The workbook's rating agreement sheet (issue 19): the comparisons of evaluators' matrices kept
 * for the report (its settings' `ratingGroups`), one row per comparison × dimension × pair,
 * numbers as numbers, undefined statistics as empty cells with the reason beside them.
 */
import type { UndefinedReason } from '../domain/agreement-layers';
import { ratingMethodLine, undefinedReasonText } from '../i18n/agreement-lines';
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
  const why = (...reasons: (UndefinedReason | null)[]) => {
    const found = reasons.find((r): r is UndefinedReason => !!r);
    return found ? undefinedReasonText(found, language) : null;
  };
  for (const { matrices, report } of ratingAgreementsForReport(
    project,
    project.report?.ratingGroups ?? [],
  )) {
    const reference = matrices[0]!;
    const titles = new Map(matrices.map((matrix) => [matrix.id, matrix.title]));
    const label = (id: string) => titles.get(id) ?? id;
    const method = ratingMethodLine(report.meta, language, {
      matrixTitle: reference.title,
      scale: reference.scale,
      label,
    });
    for (const item of report.dimensions) {
      const dimension =
        reference.dimensions.find((d) => d.id === item.dimensionId)?.label[language] ??
        item.dimensionId;
      for (const pair of item.pairs) {
        rows.push([
          reference.title,
          dimension,
          label(pair.evaluators[0]),
          label(pair.evaluators[1]),
          pair.cells,
          rounded(pair.percent, 2),
          rounded(pair.kappaLinear, 4),
          rounded(pair.kappaQuadratic, 4),
          rounded(item.alphaOrdinal, 4),
          why(pair.undefinedReason, item.alphaUndefinedReason),
          method,
        ]);
      }
    }
  }
  return sheet(t('agreement.xlsx.ratingsSheet'), header, rows);
}
