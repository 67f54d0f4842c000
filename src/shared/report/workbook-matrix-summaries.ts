/** The workbook's summaries of the rating matrices: what the screen and the report show. */
import { summariseMatrix, type RatingTally } from '../domain/matrix';
import type { Language } from '../model/project';
import type { RatingMatrix, ScaleLevel } from '../model/matrix';
import type { WorkbookCell, WorkbookSheet } from './workbook';
import { numberText, rounded, sheet, type WorkbookContext } from './workbook-cells';

/**
 * The numeric levels of every matrix by label, in value order (Nullo, Basso, Medio, Alto): one
 * count column each. Matrices share a column when their levels have the same label; "n.a." has
 * its own column (cells left out of the mean), as in summariseMatrix.
 */
function levelColumns(matrices: readonly RatingMatrix[], language: Language): string[] {
  const values = new Map<string, number>();
  for (const matrix of matrices) {
    for (const level of matrix.scale) {
      if (level.value === null) continue;
      const label = level.label[language];
      values.set(label, Math.min(values.get(label) ?? Infinity, level.value));
    }
  }
  return [...values].sort((a, b) => a[1] - b[1]).map(([label]) => label);
}

/** "Basso = 1; Medio = 2; Alto = 3; n.a. = –": how the mean was computed. */
function scaleText(scale: readonly ScaleLevel[], context: WorkbookContext): string {
  return scale
    .map((level) => {
      const value = level.value === null ? '–' : numberText(level.value, context.language);
      return `${level.label[context.language]} = ${value}`;
    })
    .join('; ');
}

/**
 * Per matrix and dimension, each row's, each column's and the whole matrix's tally
 * (summariseMatrix, METHODS §3): the mean of the level values (two decimals), cells rated,
 * n.a. and unrated, and the cells at each level. One line per tally, so a pivot table or a
 * filter picks rows, columns or the overall figure; the scale's values are on every line.
 */
export function matrixSummariesSheet(context: WorkbookContext): WorkbookSheet {
  const { t, language } = context;
  const matrices = context.project.matrices;
  const levels = levelColumns(matrices, language);
  const header = [
    t('xlsx.col.matrix'),
    t('xlsx.col.dimension'),
    t('xlsx.col.summaryOf'),
    t('xlsx.col.summaryItem'),
    t('xlsx.col.mean'),
    t('xlsx.col.rated'),
    t('xlsx.col.notApplicable'),
    t('xlsx.col.unrated'),
    ...levels.map((level) => t('xlsx.col.levelCells', { level })),
    t('xlsx.col.scale'),
  ];
  const rows: WorkbookCell[][] = [];
  for (const matrix of matrices) {
    const scale = scaleText(matrix.scale, context);
    const byLabel = new Map<string, string[]>();
    for (const level of matrix.scale) {
      if (level.value === null) continue;
      const label = level.label[language];
      byLabel.set(label, [...(byLabel.get(label) ?? []), level.id]);
    }
    const line = (dimension: string, of: string, item: string, tally: RatingTally) => {
      rows.push([
        matrix.title,
        dimension,
        of,
        item,
        rounded(tally.mean, 2),
        tally.rated,
        tally.notApplicable,
        tally.unrated,
        // A level this matrix's scale lacks is an empty cell, not a zero.
        ...levels.map((label) => {
          const ids = byLabel.get(label);
          return ids ? ids.reduce((sum, id) => sum + (tally.counts[id] ?? 0), 0) : null;
        }),
        scale,
      ]);
    };
    const summary = summariseMatrix(matrix);
    summary.dimensions.forEach((dimensionSummary, index) => {
      const dimension = matrix.dimensions[index]!.label[language];
      dimensionSummary.rows.forEach((tally, at) =>
        line(dimension, t('xlsx.summary.row'), matrix.rows[at]!.label, tally),
      );
      dimensionSummary.columns.forEach((tally, at) =>
        line(dimension, t('xlsx.summary.column'), matrix.columns[at]!.label, tally),
      );
      line(
        dimension,
        t('xlsx.summary.overall'),
        t('xlsx.summary.allCells'),
        dimensionSummary.overall,
      );
    });
  }
  return sheet(t('xlsx.sheet.matrixSummaries'), header, rows);
}
