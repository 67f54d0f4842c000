import { useState } from 'react';
import { SelectField, TextField } from '../../components/fields';
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

function PeriodField(props: {
  label: string;
  value: YearMonth | null;
  onCommit(value: YearMonth | null): void;
}) {
  const t = useT();
  const [month, setMonth] = useState(props.value?.month ?? 0);
  const [year, setYear] = useState(props.value?.year ? String(props.value.year) : '');
  const commit = (nextMonth = month, nextYear = year) => {
    const y = Number(nextYear);
    const next = nextMonth > 0 && y >= 1900 && y <= 2200 ? { month: nextMonth, year: y } : null;
    if (next === null && (nextMonth > 0 || nextYear !== '')) return; // incomplete: wait
    if (JSON.stringify(next) !== JSON.stringify(props.value)) props.onCommit(next);
  };
  return (
    <fieldset className="period">
      <legend>{props.label}</legend>
      <select
        aria-label={t('meta.month')}
        value={month}
        onChange={(e) => {
          setMonth(Number(e.target.value));
          commit(Number(e.target.value), year);
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
        value={year}
        size={5}
        onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
        onBlur={() => commit()}
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
  const save = (patch: Partial<ProjectMeta>) => void updateMeta(patch);
  return (
    <div className="form meta-form">
      <TextField
        label={t('meta.title')}
        value={meta.title}
        onCommit={(title) => title.trim() && save({ title })}
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
