import { useMemo, useState } from 'react';
import { formatUserDate } from '../../../shared/domain/dates';
import { achievementRate, axesInOrder, rateText } from '../../../shared/domain/performance';
import type { MessageKey } from '../../../shared/i18n';
import { formatIndicatorValue } from '../../../shared/i18n';
import { useLanguage, useT } from '../../i18n/use-t';
import { useIndicatorsStore } from '../../stores/indicators-store';
import { useProjectStore } from '../../stores/project-store';
import { ImportIndicatorsDialog } from './ImportIndicatorsDialog';
import { IndicatorEditor } from './IndicatorEditor';
import { PriorityVerdicts } from './PriorityVerdicts';

/** The programme's indicators as a report-style table: caption above, source below. */
export function IndicatorsScreen() {
  const t = useT();
  const language = useLanguage();
  const all = useProjectStore((state) => state.snapshot?.project.indicators);
  // By axis in reading order (as the report's tables), then in the order they were added.
  const indicators = useMemo(() => {
    const list = all ?? [];
    const order = axesInOrder(list);
    return [...list].sort((a, b) => order.indexOf(a.axis) - order.indexOf(b.axis));
  }, [all]);
  const value = (n: number | null, unit: string) =>
    n === null ? t('app.none') : formatIndicatorValue(n, language, unit);
  const sources = [...new Set(indicators.map((i) => i.source).filter(Boolean))];
  const addIndicator = useIndicatorsStore((state) => state.add);
  const [editing, setEditing] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [name, setName] = useState('');
  const [axis, setAxis] = useState('');
  const rate = (achieved: number | null, milestone: number | null) => {
    const r = achieved === null || milestone === null ? null : achievementRate(achieved, milestone);
    return r === null ? t('app.none') : rateText(r, language);
  };
  const add = async () => {
    const added = await addIndicator({ name: name.trim(), axis: axis.trim() });
    if (!added) return;
    setName('');
    setEditing(added.id);
  };
  const open = indicators.find((i) => i.id === editing);
  return (
    <div className="screen">
      <h1>{t('indicators.title')}</h1>
      <p className="intro">{t('indicators.intro')}</p>
      <form
        className="field-row"
        aria-label={t('indicators.new')}
        onSubmit={(event) => {
          event.preventDefault();
          if (name.trim()) void add();
        }}
      >
        <div className="field">
          <label htmlFor="new-indicator-axis">{t('indicators.axis')}</label>
          <input id="new-indicator-axis" value={axis} onChange={(e) => setAxis(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor="new-indicator-name">{t('indicators.name')}</label>
          <input id="new-indicator-name" value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <button type="submit" className="primary" disabled={!name.trim()}>
          {t('indicators.new')}
        </button>
        <button type="button" onClick={() => setImporting(true)}>
          {t('indicators.import')}
        </button>
      </form>
      {importing && <ImportIndicatorsDialog onClose={() => setImporting(false)} />}
      <PriorityVerdicts indicators={indicators} />
      {indicators.length === 0 ? (
        <p className="empty">{t('indicators.empty')}</p>
      ) : (
        <figure className="report-table indicators-figure">
          <figcaption>{t('indicators.caption')}</figcaption>
          <table className="table indicators-table">
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
                <th scope="col" className="number">
                  {t('indicators.rate')}
                </th>
                <th scope="col">{t('indicators.unit')}</th>
                <th scope="col">{t('indicators.date')}</th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((indicator) => (
                <tr key={indicator.id}>
                  <td className="indicator-axis">{indicator.axis || t('app.none')}</td>
                  <td className="nowrap">{indicator.code || t('app.none')}</td>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setEditing(indicator.id)}
                    >
                      {indicator.name}
                    </button>
                  </th>
                  <td>{t(`indicatorType.${indicator.type}` as MessageKey)}</td>
                  <td className="number">{value(indicator.milestone, indicator.unit)}</td>
                  <td className="number">{value(indicator.target, indicator.unit)}</td>
                  <td className="number">{value(indicator.achieved, indicator.unit)}</td>
                  <td className="number">{rate(indicator.achieved, indicator.milestone)}</td>
                  <td className="indicator-unit">{indicator.unit}</td>
                  <td className="nowrap">{formatUserDate(indicator.referenceDate)}</td>
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
      {open && <IndicatorEditor indicator={open} onClose={() => setEditing(null)} />}
    </div>
  );
}
