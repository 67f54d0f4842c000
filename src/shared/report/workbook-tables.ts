/** The workbook's rating matrices and indicators sheets. */
import { levelOf } from '../domain/matrix';
import { achievementRate } from '../domain/performance';
import type { MatrixCell } from '../model/matrix';
import type { WorkbookCell, WorkbookSheet } from './workbook';
import { numberOrEmpty, rounded, sheet, textOrEmpty, type WorkbookContext } from './workbook-cells';

/**
 * Every rating matrix in long form, ready for a pivot table: one row per row × column ×
 * dimension in matrix order, unrated ones included (level and value empty). "n.a." shows its
 * level with an empty value. Rationale and evidence count are the cell's, on each dimension; the
 * row's note (a Europe 2020 target's value for Italy) is on each of the row's lines.
 */
export function matricesSheet(context: WorkbookContext): WorkbookSheet {
  const { t, language } = context;
  const header = [
    t('xlsx.col.matrix'),
    t('xlsx.col.row'),
    t('xlsx.col.rowNote'),
    t('xlsx.col.column'),
    t('xlsx.col.dimension'),
    t('xlsx.col.level'),
    t('xlsx.col.value'),
    t('xlsx.col.rationale'),
    t('xlsx.col.evidence'),
  ];
  const rows: WorkbookCell[][] = [];
  for (const matrix of context.project.matrices) {
    // The first cell of a row and column counts, as in summariseMatrix.
    const cells = new Map<string, MatrixCell>();
    for (const cell of matrix.cells) {
      const key = `${cell.rowId}|${cell.columnId}`;
      if (!cells.has(key)) cells.set(key, cell);
    }
    for (const row of matrix.rows) {
      for (const column of matrix.columns) {
        const cell = cells.get(`${row.id}|${column.id}`);
        for (const dimension of matrix.dimensions) {
          const level = cell === undefined ? null : levelOf(matrix, cell, dimension.id);
          rows.push([
            matrix.title,
            row.label,
            textOrEmpty(row.note),
            column.label,
            dimension.label[language],
            level === null ? null : level.label[language],
            level === null ? null : level.value,
            textOrEmpty(cell?.rationale),
            cell?.evidence.length ?? 0,
          ]);
        }
      }
    }
  }
  return sheet(t('xlsx.sheet.matrices'), header, rows);
}

/**
 * The programme's indicators with their values and the achievement rate (% of the milestone,
 * achievementRate, one decimal). A reference date that is a whole date is a date cell, so Excel
 * sorts and filters it; a period ("2020-11", "I sem. 2021") stays text, as stored.
 */
export function indicatorsSheet(context: WorkbookContext): WorkbookSheet {
  const { t } = context;
  const header = [
    t('xlsx.col.axis'),
    t('xlsx.col.code'),
    t('xlsx.col.indicator'),
    t('xlsx.col.unit'),
    t('xlsx.col.type'),
    t('xlsx.col.baseline'),
    t('xlsx.col.milestone'),
    t('xlsx.col.target'),
    t('xlsx.col.achieved'),
    t('xlsx.col.rate'),
    t('xlsx.col.referenceDate'),
    t('xlsx.col.dataSource'),
  ];
  const rows = context.project.indicators.map((indicator): WorkbookCell[] => {
    const { achieved, milestone } = indicator;
    const rate =
      achieved === null || milestone === null ? null : achievementRate(achieved, milestone);
    return [
      textOrEmpty(indicator.axis),
      textOrEmpty(indicator.code),
      indicator.name,
      textOrEmpty(indicator.unit),
      t(`indicatorType.${indicator.type}`),
      numberOrEmpty(indicator.baseline),
      numberOrEmpty(milestone),
      numberOrEmpty(indicator.target),
      numberOrEmpty(achieved),
      rounded(rate, 1),
      /^\d{4}-\d{2}-\d{2}$/.test(indicator.referenceDate)
        ? { date: indicator.referenceDate }
        : textOrEmpty(indicator.referenceDate),
      textOrEmpty(indicator.source),
    ];
  });
  return sheet(t('xlsx.sheet.indicators'), header, rows);
}
