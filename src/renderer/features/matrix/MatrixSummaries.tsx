import { heatLevel, summariseMatrix, type RatingTally } from '../../../shared/domain/matrix';
import { formatNumber } from '../../../shared/i18n';
import type { RatingMatrix } from '../../../shared/model/matrix';
import { useLanguage, useT } from '../../i18n/use-t';
import { levelClass } from './MatrixGrid';

/**
 * Under the grid: per dimension, the mean and the counts of each row and column, coloured by
 * the nearest level (with its name, so it reads in greyscale), and the value mapping.
 */
export function MatrixSummaries({ matrix }: { matrix: RatingMatrix }) {
  const t = useT();
  const language = useLanguage();
  const summary = summariseMatrix(matrix);
  const mean = (tally: RatingTally) => {
    const level = heatLevel(tally.mean, matrix.scale);
    return (
      <span className={levelClass(level)}>
        {tally.mean === null ? '–' : formatNumber(tally.mean, language, 2)}
        {level && ` ${level.label[language]}`}
      </span>
    );
  };
  const counts = (tally: RatingTally) =>
    matrix.scale
      .map((level) => `${level.label[language]} ${tally.counts[level.id] ?? 0}`)
      .join(' · ');
  const mapping = matrix.scale
    .map(
      (level) =>
        `${level.label[language]} = ${level.value === null ? t('matrix.apart') : level.value}`,
    )
    .join(', ');
  return (
    <section className="matrix-summaries" aria-label={t('matrix.summaries')}>
      {summary.dimensions.map((dimension) => {
        const label = matrix.dimensions.find((d) => d.id === dimension.dimensionId)!.label[
          language
        ];
        return (
          <table key={dimension.dimensionId} className="data-table">
            <caption>{t('matrix.summaryCaption', { dimension: label })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('matrix.line')}</th>
                <th scope="col">{t('matrix.mean')}</th>
                <th scope="col">{t('matrix.counts')}</th>
              </tr>
            </thead>
            <tbody>
              {dimension.rows.map((line) => (
                <tr key={line.id}>
                  <th scope="row">{matrix.rows.find((r) => r.id === line.id)?.label}</th>
                  <td>{mean(line)}</td>
                  <td>{counts(line)}</td>
                </tr>
              ))}
              {matrix.columns.length > 1 &&
                dimension.columns.map((line) => (
                  <tr key={line.id}>
                    <th scope="row">{matrix.columns.find((c) => c.id === line.id)?.label}</th>
                    <td>{mean(line)}</td>
                    <td>{counts(line)}</td>
                  </tr>
                ))}
              <tr className="total-row">
                <th scope="row">{t('matrix.overall')}</th>
                <td>{mean(dimension.overall)}</td>
                <td>{counts(dimension.overall)}</td>
              </tr>
            </tbody>
          </table>
        );
      })}
      <p className="hint">
        {t('matrix.legend')}{' '}
        {matrix.scale.map((level) => (
          <span key={level.id} className={`${levelClass(level)} legend-item`}>
            {level.label[language]}
          </span>
        ))}
      </p>
      <p className="hint">
        {t('matrix.mapping', {
          mapping,
          na: matrix.scale.some((level) => level.value === null) ? 'yes' : 'no',
        })}
      </p>
    </section>
  );
}
