import { INDICATOR_TYPES } from '../../../shared/model/constants';
import type { Indicator } from '../../../shared/model/project';
import { Dialog } from '../../components/Dialog';
import { SelectField, TextField } from '../../components/fields';
import { useLanguage, useT } from '../../i18n/use-t';
import { formatNumber, type MessageKey } from '../../../shared/i18n';
import { api } from '../../api/client';
import { attempt, deleteThenRefresh, refreshProject } from '../../stores/core-calls';
import { baseRevOf } from '../../stores/base-revision';

/** "1.234,5" or "1234.5" as a number; '' as null; anything else as undefined (refused). */
export function parseAmount(text: string): number | null | undefined {
  const trimmed = text.trim().replace(/\s|%/g, '');
  if (trimmed === '') return null;
  // Italian: dots group thousands, the comma is decimal. A lone dot with 1–2 decimals is English.
  const normalised = /,/.test(trimmed)
    ? trimmed.replace(/\./g, '').replace(',', '.')
    : /^\d{1,3}(\.\d{3})+$/.test(trimmed)
      ? trimmed.replace(/\./g, '')
      : trimmed;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : undefined;
}

type NumberField = 'baseline' | 'milestone' | 'target' | 'achieved';

/** Every field of one indicator, each saved when it loses focus. */
export function IndicatorEditor({ indicator, onClose }: { indicator: Indicator; onClose(): void }) {
  const t = useT();
  const language = useLanguage();
  const save = async (patch: Partial<Omit<Indicator, 'id'>>) => {
    const baseRev = baseRevOf('indicator', indicator.id);
    if (await attempt(() => api().indicatorUpdate({ id: indicator.id, patch, baseRev })))
      await refreshProject();
  };
  const text = (
    field: 'axis' | 'code' | 'name' | 'unit' | 'referenceDate' | 'source',
    key: MessageKey,
  ) => (
    <TextField
      label={t(key)}
      value={indicator[field]}
      required={field === 'name'}
      onCommit={(value) => void save({ [field]: value })}
    />
  );
  const number = (field: NumberField, key: MessageKey) => (
    <TextField
      label={t(key)}
      value={indicator[field] === null ? '' : formatNumber(indicator[field], language, 2)}
      onCommit={(value) => {
        const parsed = parseAmount(value);
        if (parsed !== undefined) void save({ [field]: parsed });
      }}
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
          {text('referenceDate', 'indicators.date')}
        </div>
        {text('source', 'indicators.source')}
        <div className="dialog-actions">
          <button
            type="button"
            className="danger"
            onClick={() =>
              void deleteThenRefresh(() => api().indicatorDelete({ id: indicator.id }), {
                key: 'indicators.deleted',
                params: { name: indicator.name },
              }).then((done) => done && onClose())
            }
          >
            {t('app.delete')}
          </button>
          <button type="button" className="primary" onClick={onClose}>
            {t('app.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
