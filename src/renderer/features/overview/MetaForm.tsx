import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields';
import { useDraft } from '../../components/use-draft';
import { EVALUATION_TYPES } from '../../../shared/model/constants';
import type { ProjectMeta, YearMonth } from '../../../shared/model/project';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/** A month and a year; the year is saved as it is typed, once the period is complete. */
function PeriodField(props: {
  label: string;
  value: YearMonth | null;
  onCommit(value: YearMonth | null): unknown;
}) {
  const t = useT();
  const [month, setMonth] = useState(props.value?.month ?? 0);
  const periodOf = (nextMonth: number, nextYear: string): YearMonth | null | undefined => {
    const y = Number(nextYear);
    if (nextMonth > 0 && /^\d{4}$/.test(nextYear) && y >= 1900 && y <= 2200)
      return { month: nextMonth, year: y };
    return nextMonth === 0 && nextYear === '' ? null : undefined; // undefined: incomplete
  };
  const commit = (nextMonth: number, nextYear: string) => {
    const next = periodOf(nextMonth, nextYear);
    if (next === undefined) return undefined;
    if (JSON.stringify(next) === JSON.stringify(props.value)) return undefined;
    return props.onCommit(next);
  };
  const year = useDraft({
    value: props.value?.year ? String(props.value.year) : '',
    onCommit: (typed: string) => commit(month, typed),
    accept: (typed) => periodOf(month, typed) !== undefined,
  });
  return (
    <fieldset className="period">
      <legend>{props.label}</legend>
      <select
        aria-label={t('meta.month')}
        value={month}
        onChange={(e) => {
          setMonth(Number(e.target.value));
          void commit(Number(e.target.value), year.draft);
        }}
      >
        <option value={0}>–</option>
        {Array.from({ length: 12 }, (_, i) => (
          <option key={i + 1} value={i + 1}>
            {String(i + 1).padStart(2, '0')}
          </option>
        ))}
      </select>
      <input
        aria-label={t('meta.year')}
        inputMode="numeric"
        value={year.draft}
        size={5}
        onChange={(e) => year.change(e.target.value.replace(/\D/g, '').slice(0, 4))}
        onBlur={() => {
          // An incomplete period (a month without a year) stays on screen until completed.
          if (periodOf(month, year.draft) !== undefined) year.commit();
        }}
      />
    </fieldset>
  );
}

/** The project's descriptive data; every field saves on its own. */
export function MetaForm() {
  const t = useT();
  const meta = useProjectStore((state) => state.snapshot?.project.meta);
  const updateMeta = useProjectStore((state) => state.updateMeta);
  if (!meta) return null;
  const save = (patch: Partial<ProjectMeta>) => updateMeta(patch);
  return (
    <div className="form meta-form">
      <TextField
        label={t('meta.title')}
        value={meta.title}
        required
        onCommit={(title) => save({ title })}
      />
      <TextField
        label={t('meta.programme')}
        value={meta.programme}
        onCommit={(programme) => save({ programme })}
      />
      <SelectField
        label={t('meta.evaluationType')}
        value={meta.evaluationType}
        options={EVALUATION_TYPES.map((type) => ({
          value: type,
          label: t(`meta.type.${type}` as MessageKey),
        }))}
        onCommit={(evaluationType) => save({ evaluationType })}
      />
      <TextField
        label={t('meta.thematicObjectives')}
        hint={t('meta.thematicObjectivesHint')}
        value={meta.thematicObjectives.join(', ')}
        onCommit={(text) => save({ thematicObjectives: splitList(text, /,/) })}
      />
      <div className="field-row">
        <PeriodField
          label={t('meta.periodFrom')}
          value={meta.periodFrom}
          onCommit={(periodFrom) => save({ periodFrom })}
        />
        <PeriodField
          label={t('meta.periodTo')}
          value={meta.periodTo}
          onCommit={(periodTo) => save({ periodTo })}
        />
      </div>
      <TextField
        label={t('meta.evaluators')}
        hint={t('meta.evaluatorsHint')}
        multiline
        value={meta.evaluators.join('\n')}
        onCommit={(text) => save({ evaluators: splitList(text, /\n/) })}
      />
      <TextField
        label={t('meta.description')}
        multiline
        value={meta.description}
        onCommit={(description) => save({ description })}
      />
    </div>
  );
}
