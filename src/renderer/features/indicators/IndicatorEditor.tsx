import { useState } from 'react';
import { otherLanguageReading, parseUserAmount } from '../../../shared/domain/amounts';
import { formatUserDate, parseReferencePeriod } from '../../../shared/domain/dates';
import { INDICATOR_TYPES } from '../../../shared/model/constants';
import type { Indicator, Language } from '../../../shared/model/project';
import { ReadingField, type Reading } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/fields';
import { useLanguage, useT } from '../../i18n/use-t';
import { formatNumber, type MessageKey } from '../../../shared/i18n';
import { useIndicatorsStore } from '../../stores/indicators-store';

type NumberField = 'baseline' | 'milestone' | 'target' | 'achieved';

const REFERENCE_PERIOD: Reading<string> = {
  parse: parseReferencePeriod,
  format: formatUserDate,
  placeholder: 'date.placeholder',
  invalid: 'indicators.dateInvalid',
  size: 11,
  inputMode: 'text',
};

/** Amounts read and written the way the screen's language writes numbers. */
function amountReading(language: Language): Reading<number> {
  return {
    parse: (typed) => parseUserAmount(typed, language),
    format: (value) => (value === null ? '' : formatNumber(value, language, 6)),
    invalid: 'amount.invalid',
    note(typed) {
      const value = parseUserAmount(typed, language);
      const other = otherLanguageReading(typed, language);
      if (typeof value !== 'number' || other === null) return null;
      return {
        key: 'amount.readAs',
        params: {
          typed: typed.trim(),
          value: formatNumber(value, language, 6),
          other: formatNumber(other, language, 6),
        },
      };
    },
    size: 12,
    inputMode: 'decimal',
  };
}

/** Every field of one indicator, each saved when it loses focus. */
export function IndicatorEditor({ indicator, onClose }: { indicator: Indicator; onClose(): void }) {
  const [confirming, setConfirming] = useState(false);
  const t = useT();
  const language = useLanguage();
  const { update, remove } = useIndicatorsStore();
  const save = (patch: Partial<Omit<Indicator, 'id'>>) => update(indicator.id, patch);
  const text = (field: 'axis' | 'code' | 'name' | 'unit' | 'source', key: MessageKey) => (
    <TextField
      label={t(key)}
      value={indicator[field]}
      required={field === 'name'}
      onCommit={(value) => save({ [field]: value })}
    />
  );
  /** A reference period ("2020-11", "nov 2020") stays as typed; a whole date is stored as ISO. */
  const referenceDate = (
    <ReadingField
      reading={REFERENCE_PERIOD}
      label={t('indicators.date')}
      value={indicator.referenceDate || null}
      onCommit={(period) => save({ referenceDate: period ?? '' })}
    />
  );
  const number = (field: NumberField, key: MessageKey) => (
    <ReadingField
      reading={amountReading(language)}
      label={t(key)}
      value={indicator[field]}
      onCommit={(value) => save({ [field]: value })}
    />
  );
  return (
    <Dialog title={indicator.code || indicator.name} onClose={onClose}>
      <div className="form">
        <div className="field-row">
          {text('axis', 'indicators.axis')}
          {text('code', 'indicators.code')}
          <SelectField
            label={t('indicators.type')}
            value={indicator.type}
            options={INDICATOR_TYPES.map((type) => ({
              value: type,
              label: t(`indicatorType.${type}`),
            }))}
            onCommit={(type) => void save({ type })}
          />
        </div>
        {text('name', 'indicators.name')}
        <div className="field-row">
          {text('unit', 'indicators.unit')}
          {number('baseline', 'indicators.baseline')}
          {number('milestone', 'indicators.milestone')}
        </div>
        <div className="field-row">
          {number('target', 'indicators.target')}
          {number('achieved', 'indicators.achieved')}
          {referenceDate}
        </div>
        {text('source', 'indicators.source')}
        {/* Asked first: a deleted indicator (its targets, values, source) has no way back. */}
        {confirming ? (
          <div
            className="dialog-actions"
            role="group"
            aria-label={t('indicators.confirmDelete', { name: indicator.name })}
          >
            <p className="grow">{t('indicators.confirmDelete', { name: indicator.name })}</p>
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => void remove(indicator).then((done) => done && onClose())}
            >
              {t('indicators.deleteForGood')}
            </button>
          </div>
        ) : (
          <div className="dialog-actions">
            <button type="button" className="primary" onClick={onClose}>
              {t('app.close')}
            </button>
            <button type="button" className="danger apart" onClick={() => setConfirming(true)}>
              {t('app.delete')}
            </button>
          </div>
        )}
      </div>
    </Dialog>
  );
}
