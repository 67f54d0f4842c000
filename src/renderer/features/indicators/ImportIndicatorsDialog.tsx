import { useMemo, useState } from 'react';
import { planIndicatorImport } from '../../../shared/domain/indicators-match';
import {
  INDICATOR_FIELDS,
  buildIndicators,
  suggestIndicatorMapping,
  type IndicatorColumnTarget,
  type IndicatorField,
  type IndicatorRowProblem,
} from '../../../shared/domain/indicators-import';
import { formatNumber, type MessageKey, type Translate } from '../../../shared/i18n';
import type { SpreadsheetPreview } from '../../../shared/ipc/types';
import { readFileForUpload } from '../../api/files';
import { ColumnMappingTable } from '../../components/ColumnMappingTable';
import { Dialog } from '../../components/Dialog';
import { useLanguage, useT } from '../../i18n/use-t';
import { baseRevOf } from '../../stores/base-revision';
import { attempt } from '../../stores/core-calls';
import { useIndicatorsStore } from '../../stores/indicators-store';
import { useProjectStore } from '../../stores/project-store';
import { rememberColumns, rememberedColumns } from './remembered-columns';

const PREVIEW_ROWS = 20;

/** The label of each importable field, as the indicator table shows it. */
export const FIELD_LABELS: Record<IndicatorField, MessageKey> = {
  axis: 'indicators.axis',
  code: 'indicators.code',
  name: 'indicators.name',
  unit: 'indicators.unit',
  type: 'indicators.type',
  baseline: 'indicators.baseline',
  milestone: 'indicators.milestone',
  target: 'indicators.target',
  achieved: 'indicators.achieved',
  referenceDate: 'indicators.date',
  source: 'indicators.source',
};

function describe(problem: IndicatorRowProblem, t: Translate): string {
  return t(`indicators.problem.${problem.kind}`, {
    row: problem.rowNumber,
    field: problem.field ? t(FIELD_LABELS[problem.field]) : '',
    value: problem.value ?? '',
    limit: problem.limit ?? 0,
  });
}

/**
 * Import of a monitoring extract (CSV or XLSX): columns matched to fields (each can be changed),
 * rows with problems listed with the reason and left out, the rest imported at once. Rows naming
 * an indicator already there (a newer extract of the same system) update it, or are left out.
 */
export function ImportIndicatorsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguage();
  const existing = useProjectStore((state) => state.snapshot?.project.indicators);
  const [sheet, setSheet] = useState<(SpreadsheetPreview & { fileName: string }) | null>(null);
  const [mapping, setMapping] = useState<IndicatorColumnTarget[]>([]);
  const [onExisting, setOnExisting] = useState<'update' | 'skip'>('update');
  const [busy, setBusy] = useState(false);
  const result = useMemo(
    () => (sheet ? buildIndicators(sheet.rows, mapping) : null),
    [sheet, mapping],
  );
  const plan = useMemo(
    () =>
      result && sheet
        ? planIndicatorImport(result.indicators, result.filled, existing ?? [], sheet.fileName)
        : null,
    [result, sheet, existing],
  );
  const updates =
    plan && onExisting === 'update'
      ? plan.matched.filter(({ patch }) => Object.keys(patch).length > 0)
      : [];
  const amount = (n: number | null) => (n === null ? '' : formatNumber(n, language, 6));

  async function pick(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    const upload = await attempt(() => readFileForUpload(file));
    const read = upload && (await useIndicatorsStore.getState().readFile(upload));
    setBusy(false);
    if (!read) return;
    setSheet({ ...read, fileName: file.name });
    setMapping(suggestIndicatorMapping(read.headers, rememberedColumns()));
  }

  async function importAll() {
    if (!plan || !sheet) return;
    setBusy(true);
    const done = await useIndicatorsStore.getState().importMany({
      indicators: plan.fresh,
      updates: updates.map(({ indicator, patch }) => ({
        id: indicator.id,
        patch,
        baseRev: baseRevOf('indicator', indicator.id),
      })),
    });
    setBusy(false);
    if (!done) return;
    rememberColumns(sheet.headers, mapping);
    onClose();
  }

  return (
    <Dialog title={t('indicators.importTitle')} onClose={onClose} wide>
      {!sheet ? (
        <div className="form">
          <p>{t('indicators.importIntro')}</p>
          <label>
            {t('import.chooseFile')}
            <input
              type="file"
              accept=".csv,.xlsx"
              disabled={busy}
              onChange={(e) => void pick(e.target.files?.[0])}
            />
          </label>
          {busy && <p role="status">{t('import.reading')}</p>}
        </div>
      ) : (
        <div className="form">
          <p className="hint">
            {t('import.fileSummary', { file: sheet.fileName, rows: sheet.rows.length })}
          </p>
          {sheet.truncated && (
            <p className="field-error">{t('import.truncated', { max: sheet.rows.length })}</p>
          )}
          <ColumnMappingTable
            headers={sheet.headers}
            rows={sheet.rows}
            valueOf={(index) =>
              mapping[index]?.kind === 'field' ? mapping[index].field : 'ignore'
            }
            options={[
              ...INDICATOR_FIELDS.map((field) => ({ value: field, label: t(FIELD_LABELS[field]) })),
              { value: 'ignore', label: t('import.ignore') },
            ]}
            onChange={(index, value) => {
              const target: IndicatorColumnTarget =
                value === 'ignore'
                  ? { kind: 'ignore' }
                  : { kind: 'field', field: value as IndicatorField };
              setMapping(mapping.map((m, i) => (i === index ? target : m)));
            }}
          />
          {result && plan && (
            <>
              <p role="status">
                {t('import.readyCount', {
                  ready: result.indicators.length,
                  problems: new Set(result.problems.map((p) => p.rowNumber)).size,
                })}{' '}
                {t('indicators.plan', {
                  fresh: plan.fresh.length,
                  matched: plan.matched.length,
                  changed: plan.outcomes.filter((outcome) => outcome === 'update').length,
                })}
              </p>
              {plan.matched.length > 0 && (
                <fieldset className="radio-group">
                  <legend>{t('indicators.existing')}</legend>
                  {(['update', 'skip'] as const).map((choice) => (
                    <label key={choice} className="checkbox">
                      <input
                        type="radio"
                        name="on-existing"
                        checked={onExisting === choice}
                        onChange={() => setOnExisting(choice)}
                      />
                      {t(`indicators.existing.${choice}`)}
                    </label>
                  ))}
                </fieldset>
              )}
              {result.problems.length > 0 && (
                <ul className="problems" aria-label={t('import.problemsLabel')}>
                  {result.problems.slice(0, 50).map((problem, i) => (
                    <li key={i}>{describe(problem, t)}</li>
                  ))}
                </ul>
              )}
              <table className="table compact">
                <caption>
                  {t('indicators.previewCaption', {
                    n: Math.min(PREVIEW_ROWS, result.indicators.length),
                  })}
                </caption>
                <thead>
                  <tr>
                    {(['axis', 'code', 'name', 'milestone', 'achieved'] as const).map((field) => (
                      <th key={field} scope="col">
                        {t(FIELD_LABELS[field])}
                      </th>
                    ))}
                    <th scope="col">{t('indicators.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.indicators.slice(0, PREVIEW_ROWS).map((draft, i) => {
                    const outcome = plan.outcomes[i]!;
                    const shown = outcome === 'update' && onExisting === 'skip' ? 'skip' : outcome;
                    const there = plan.existing[i];
                    // What the project will hold: the file's value, the value kept, or both.
                    const value = (field: 'milestone' | 'achieved') => {
                      if (!there || !(field in there.patch)) return amount(draft[field]);
                      const before = amount(there.indicator[field]) || '—';
                      return shown === 'skip' ? before : `${before} → ${amount(draft[field])}`;
                    };
                    return (
                      <tr key={i}>
                        <td>{draft.axis}</td>
                        <td>{draft.code}</td>
                        <th scope="row">{draft.name}</th>
                        <td className="number">{value('milestone')}</td>
                        <td className="number">{value('achieved')}</td>
                        <td>{t(`indicators.outcome.${shown}`)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {plan.fresh.length + updates.length === 0 && result.indicators.length > 0 && (
                <p className="hint">
                  {t(
                    plan.outcomes.includes('update')
                      ? 'indicators.nothingChosen'
                      : 'indicators.nothingNew',
                  )}
                </p>
              )}
            </>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || !plan || plan.fresh.length + updates.length === 0}
              onClick={() => void importAll()}
            >
              {t('indicators.importConfirm', {
                added: plan?.fresh.length ?? 0,
                updated: updates.length,
              })}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
