import { heatLevel, levelOf, summariseMatrix } from '../domain/matrix';
import type { RatingMatrix, ScaleLevel } from '../model/matrix';
import type { ReportCell } from './model';
import { headerRow, type Chapter, type ReportContext } from './report-context';
import { europe2020Matrices, integrationMatrices } from './empty-sections';

/** Light fills from low (red) to high (green): readable in print, repeated by the cell's text. */
const FILLS = ['#F4CCCC', '#FCE5CD', '#FFF2CC', '#D9EAD3', '#B6D7A8'];

/** The fill of a level: its position among the scale's numeric levels, low to high. */
export function levelFill(
  scale: readonly ScaleLevel[],
  level: ScaleLevel | null,
): string | undefined {
  if (!level || level.value === null) return undefined;
  const values = [...new Set(scale.flatMap((l) => (l.value === null ? [] : [l.value])))].sort(
    (a, b) => a - b,
  );
  if (values.length < 2) return FILLS[FILLS.length - 1];
  const position = values.indexOf(level.value) / (values.length - 1);
  return FILLS[Math.round(position * (FILLS.length - 1))];
}

/** One matrix: a coloured table per dimension, the means per row, and the rationales. */
function matrixTables(context: ReportContext, chapter: Chapter, matrix: RatingMatrix): void {
  const { t, language } = context;
  const europe = matrix.template === 'europe2020';
  const cellOf = (rowId: string, columnId: string) =>
    matrix.cells.find((cell) => cell.rowId === rowId && cell.columnId === columnId);
  const what = t('report.sourceWhat.matrix');
  const levelsText = matrix.scale.map((level) => level.label[language]).join(', ');
  const numeric = matrix.scale.filter((level) => level.value !== null);
  const scaleText = numeric
    .map((level) => `${level.label[language]} = ${context.number(level.value!, 1)}`)
    .join(', ');

  for (const dimension of matrix.dimensions) {
    const rows = matrix.rows.map((row): ReportCell[] => {
      const first: ReportCell[] = [{ text: row.label, bold: true }];
      if (europe) first.push({ text: row.note });
      return [
        ...first,
        ...matrix.columns.map((column): ReportCell => {
          const cell = cellOf(row.id, column.id);
          const level = cell ? levelOf(matrix, cell, dimension.id) : null;
          const fill = levelFill(matrix.scale, level);
          return {
            text: level ? level.label[language] : '',
            align: 'center',
            ...(fill ? { fill } : {}),
          };
        }),
      ];
    });
    const lead = europe ? [30, 20] : [28];
    const rest = 100 - lead.reduce((a, b) => a + b, 0);
    chapter.table({
      title:
        matrix.dimensions.length === 1
          ? matrix.title
          : t('report.matrix.tableTitle', {
              matrix: matrix.title,
              dimension: dimension.label[language].toLocaleLowerCase(language),
            }),
      source: { what },
      widths: [...lead, ...matrix.columns.map(() => rest / Math.max(1, matrix.columns.length))],
      header: [
        headerRow([
          '',
          ...(europe ? [t('report.europe2020.colNational')] : []),
          ...matrix.columns.map((column) => column.label),
        ]),
      ],
      rows,
      note: t('report.matrix.legend', { levels: levelsText, scale: scaleText }),
    });
  }

  // Means per row only for a matrix with several columns: with one, they repeat the cells.
  if (matrix.columns.length > 1) {
    const summary = summariseMatrix(matrix);
    const meanCell = (mean: number | null): ReportCell => {
      const fill = levelFill(matrix.scale, heatLevel(mean, matrix.scale));
      return {
        text: mean === null ? '–' : context.number(mean, 1),
        align: 'center',
        ...(fill ? { fill } : {}),
      };
    };
    const cellCount = matrix.columns.length;
    chapter.table({
      title: t('report.matrix.summaryTitle', { matrix: matrix.title }),
      source: { what },
      widths: [40, ...matrix.dimensions.map(() => 45 / matrix.dimensions.length), 15],
      header: [
        headerRow([
          '',
          ...matrix.dimensions.map((d) =>
            t('report.matrix.colMean', { dimension: d.label[language] }),
          ),
          t('report.matrix.colRated'),
        ]),
      ],
      rows: [
        ...matrix.rows.map((row, index): ReportCell[] => [
          { text: row.label, bold: true },
          ...summary.dimensions.map((d) => meanCell(d.rows[index]!.mean)),
          {
            text: `${context.number(summary.dimensions[0]!.rows[index]!.rated, 0)}/${cellCount}`,
            align: 'center',
          },
        ]),
        [
          { text: t('report.matrix.overall'), bold: true },
          ...summary.dimensions.map((d) => ({ ...meanCell(d.overall.mean), bold: true })),
          {
            text: `${context.number(summary.dimensions[0]!.overall.rated, 0)}/${cellCount * matrix.rows.length}`,
            align: 'center',
            bold: true,
          },
        ],
      ],
    });
  }

  const rationales = matrix.cells.filter((cell) => cell.rationale.trim());
  if (rationales.length === 0) return;
  chapter.heading(3, `${t('report.matrix.rationales')} – ${matrix.title}`);
  const label = (items: RatingMatrix['rows'], id: string) =>
    items.find((item) => item.id === id)?.label ?? '';
  chapter.blocks.push({
    kind: 'bullets',
    items: rationales.map((cell) => {
      const levels = matrix.dimensions
        .map((d) => {
          const level = levelOf(matrix, cell, d.id);
          // "Complementarietà: alto", not "Complementarietà alto": the level's label is
          // masculine (livello), and a dimension may be feminine.
          return level
            ? `${d.label[language]}: ${level.label[language].toLocaleLowerCase(language)}`
            : '';
        })
        .filter(Boolean)
        .join('; ');
      return [
        {
          text: `${label(matrix.rows, cell.rowId)} × ${label(matrix.columns, cell.columnId)}${levels ? ` (${levels})` : ''}: `,
          bold: true,
        },
        { text: context.anonymise(cell.rationale.trim()) },
      ];
    }),
  });
}

/** The integration chapter: the integration matrices and any custom ones. */
export function integrationChapter(context: ReportContext, chapter: Chapter): void {
  const matrices = integrationMatrices(context.project);
  if (matrices.length === 0) {
    chapter.paragraph(context.t('report.integration.none'));
    return;
  }
  chapter.paragraph(context.t('report.integration.intro'));
  for (const matrix of matrices) matrixTables(context, chapter, matrix);
}

/** The contribution to the Europe 2020 headline targets. */
export function europe2020Chapter(context: ReportContext, chapter: Chapter): void {
  const matrices = europe2020Matrices(context.project);
  if (matrices.length === 0) {
    chapter.paragraph(context.t('report.europe2020.none'));
    return;
  }
  chapter.paragraph(context.t('report.europe2020.intro'));
  for (const matrix of matrices) matrixTables(context, chapter, matrix);
}
