import { useMemo, useState } from 'react';
import {
  INDICATOR_FIELDS,
  buildIndicators,
  suggestIndicatorMapping,
  type IndicatorColumnTarget,
  type IndicatorField,
  type IndicatorRowProblem,
} from '../../../shared/domain/indicators-import';
import type { MessageKey, Translate } from '../../../shared/i18n';
import type { SpreadsheetPreview } from '../../../shared/ipc/types';
import { readFileForUpload } from '../../api/files';
import { ColumnMappingTable } from '../../components/ColumnMappingTable';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { attempt } from '../../stores/core-calls';
import { useIndicatorsStore } from '../../stores/indicators-store';

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
 * rows with problems listed with the reason and left out, the rest imported at once.
 */
export function ImportIndicatorsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const [sheet, setSheet] = useState<(SpreadsheetPreview & { fileName: string }) | null>(null);
  const [mapping, setMapping] = useState<IndicatorColumnTarget[]>([]);
  const [busy, setBusy] = useState(false);
  const result = useMemo(
    () => (sheet ? buildIndicators(sheet.rows, mapping) : null),
    [sheet, mapping],
  );

  async function pick(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    const upload = await attempt(() => readFileForUpload(file));
    const read = upload && (await useIndicatorsStore.getState().readFile(upload));
    setBusy(false);
    if (!read) return;
    setSheet({ ...read, fileName: file.name });
    setMapping(suggestIndicatorMapping(read.headers));
  }

  async function importAll() {
    if (!result || !sheet) return;
    setBusy(true);
    const indicators = result.indicators.map((draft) => ({
      ...draft,
      source: draft.source || sheet.fileName,
    }));
    const added = await useIndicatorsStore.getState().importMany(indicators);
    setBusy(false);
    if (added > 0) onClose();
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
          {result && (
            <>
              <p role="status">
                {t('import.readyCount', {
                  ready: result.indicators.length,
                  problems: new Set(result.problems.map((p) => p.rowNumber)).size,
                })}
              </p>
              {result.problems.length > 0 && (
                <ul className="problems" aria-label={t('import.problemsLabel')}>
                  {result.problems.slice(0, 50).map((problem, i) => (
                    <li key={i}>{describe(problem, t)}</li>
                  ))}
                </ul>
              )}
              <table className="table compact">
                <caption>
                  {t('import.previewCaption', {
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
                  </tr>
                </thead>
                <tbody>
                  {result.indicators.slice(0, PREVIEW_ROWS).map((draft, i) => (
                    <tr key={i}>
                      <td>{draft.axis}</td>
                      <td>{draft.code}</td>
                      <th scope="row">{draft.name}</th>
                      <td>{draft.milestone ?? ''}</td>
                      <td>{draft.achieved ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={onClose}>
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || !result || result.indicators.length === 0}
              onClick={() => void importAll()}
            >
              {t('indicators.importConfirm', { n: result?.indicators.length ?? 0 })}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
