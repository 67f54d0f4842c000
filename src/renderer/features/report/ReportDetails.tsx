import type { ReportSettings } from '../../../shared/report/model';
import { DateField } from '../../components/DateField';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';

/** Title, version, date, evaluator, language, and the explicit real-names option. */
export function ReportDetails({
  settings,
  onChange,
  onFlush,
}: {
  settings: ReportSettings;
  onChange(patch: Partial<ReportSettings>, typing?: boolean): void;
  /** Saves what was typed (called when a text field loses focus). */
  onFlush(): void;
}) {
  const t = useT();
  const meta = useProjectStore((state) => state.snapshot?.project.meta);
  return (
    <section className="panel" aria-labelledby="report-details-title">
      <h2 id="report-details-title">{t('report.composer.details')}</h2>
      <div className="field">
        <label htmlFor="report-title">{t('report.composer.title')}</label>
        <input
          id="report-title"
          value={settings.title}
          placeholder={meta?.title}
          maxLength={300}
          onChange={(event) => onChange({ title: event.target.value }, true)}
          onBlur={onFlush}
        />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor="report-version">{t('report.composer.version')}</label>
          <select
            id="report-version"
            value={settings.version}
            onChange={(event) =>
              onChange({ version: event.target.value as ReportSettings['version'] })
            }
          >
            <option value="draft">{t('report.version.draft')}</option>
            <option value="final">{t('report.version.final')}</option>
          </select>
        </div>
        <DateField
          label={t('report.composer.date')}
          value={settings.date}
          onCommit={(date) => onChange({ date })}
        />
        <div className="field">
          <label htmlFor="report-language">{t('report.composer.language')}</label>
          <select
            id="report-language"
            value={settings.language}
            onChange={(event) =>
              onChange({ language: event.target.value as ReportSettings['language'] })
            }
          >
            <option value="it">Italiano</option>
            <option value="en">English</option>
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor="report-evaluator">{t('report.composer.evaluator')}</label>
        <input
          id="report-evaluator"
          value={settings.evaluator}
          placeholder={meta?.evaluators.join(', ')}
          maxLength={300}
          onChange={(event) => onChange({ evaluator: event.target.value }, true)}
          onBlur={onFlush}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.includeNames}
          disabled={!settings.sections.includes('participants')}
          onChange={(event) => onChange({ includeNames: event.target.checked })}
        />
        {t('report.composer.includeNames')}
      </label>
      {settings.includeNames && (
        <p className="warning" role="note">
          {t('report.composer.namesWarning')}
        </p>
      )}
    </section>
  );
}
