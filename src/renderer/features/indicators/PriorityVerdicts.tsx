import { assessPriority, axesInOrder, rateText } from '../../../shared/domain/performance';
import type { Indicator } from '../../../shared/model/project';
import { useLanguage, useT } from '../../i18n/use-t';

/**
 * The performance-framework verdict of each axis (Implementing Reg. 215/2014 art. 6): from the
 * indicators that have both a milestone and an achieved value.
 */
export function PriorityVerdicts({ indicators }: { indicators: readonly Indicator[] }) {
  const t = useT();
  const language = useLanguage();
  const usable = indicators.filter(
    (i) => i.milestone !== null && i.milestone > 0 && i.achieved !== null && i.achieved >= 0,
  );
  const axes = axesInOrder(usable);
  if (axes.length === 0) return <p className="muted">{t('indicators.noVerdicts')}</p>;
  return (
    <table className="data-table" aria-label={t('indicators.verdicts')}>
      <caption>{t('indicators.verdicts')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('indicators.axis')}</th>
          <th scope="col">{t('indicators.rates')}</th>
          <th scope="col">{t('indicators.verdict')}</th>
        </tr>
      </thead>
      <tbody>
        {axes.map((axis) => {
          const own = usable.filter((i) => i.axis === axis);
          const verdict = assessPriority(
            own.map((i) => ({ milestone: i.milestone!, achieved: i.achieved! })),
          );
          const key = verdict.seriousFailure
            ? 'indicators.seriousFailure'
            : verdict.milestonesAchieved
              ? 'indicators.achievedVerdict'
              : 'indicators.notAchieved';
          return (
            <tr
              key={axis}
              className={
                verdict.seriousFailure
                  ? 'verdict-bad'
                  : verdict.milestonesAchieved
                    ? 'verdict-good'
                    : 'verdict-mid'
              }
            >
              <th scope="row">{axis || t('app.none')}</th>
              <td>
                {own
                  .map(
                    (i, index) =>
                      `${i.code || i.name}: ${rateText(verdict.rates[index]!, language)}`,
                  )
                  .join(' · ')}
              </td>
              <td>{t(key)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
