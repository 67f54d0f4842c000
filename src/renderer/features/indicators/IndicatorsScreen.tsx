import type { MessageKey } from '../../../shared/i18n';
import { formatNumber } from '../../../shared/i18n';
import { useLanguage, useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';

/** The programme's indicators as a report-style table: caption above, source below. */
export function IndicatorsScreen() {
  const t = useT();
  const language = useLanguage();
  const indicators = useProjectStore((state) => state.snapshot?.project.indicators ?? []);
  const value = (n: number | null) => (n === null ? t('app.none') : formatNumber(n, language, 1));
  const sources = [...new Set(indicators.map((i) => i.source).filter(Boolean))];
  return (
    <div className="screen">
      <h1>{t('indicators.title')}</h1>
      <p className="intro">{t('indicators.intro')}</p>
      {indicators.length === 0 ? (
        <p className="empty">{t('indicators.empty')}</p>
      ) : (
        <figure className="report-table">
          <figcaption>{t('indicators.caption')}</figcaption>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('indicators.axis')}</th>
                <th scope="col">{t('indicators.code')}</th>
                <th scope="col">{t('indicators.name')}</th>
                <th scope="col">{t('indicators.type')}</th>
                <th scope="col" className="number">
                  {t('indicators.milestone')}
                </th>
                <th scope="col" className="number">
                  {t('indicators.target')}
                </th>
                <th scope="col" className="number">
                  {t('indicators.achieved')}
                </th>
                <th scope="col">{t('indicators.unit')}</th>
                <th scope="col">{t('indicators.date')}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <td className="nowrap">{indicator.axis || t('app.none')}</td>
                  <td className="nowrap">{indicator.code || t('app.none')}</td>
                  <th scope="row">{indicator.name}</th>
                  <td>{t(`indicatorType.${indicator.type}` as MessageKey)}</td>
                  <td className="number">{value(indicator.milestone)}</td>
                  <td className="number">{value(indicator.target)}</td>
                  <td className="number">{value(indicator.achieved)}</td>
                  <td>{indicator.unit}</td>
                  <td className="nowrap">{indicator.referenceDate}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {sources.length > 0 && (
            <p className="table-source">
              {t('indicators.sourceLine', { sources: sources.join('; ') })}
            </p>
          )}
        </figure>
      )}
    </div>
  );
}
