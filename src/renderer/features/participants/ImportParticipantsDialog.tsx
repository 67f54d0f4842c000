import { useMemo, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import {
  PARTICIPANT_FIELDS,
  buildParticipants,
  fieldNamedBy,
  suggestColumnMapping,
  unknownPartnerships,
  type ColumnTarget,
  type ParticipantField,
} from '../../../shared/domain/participants-import';
import type { SpreadsheetPreview } from '../../../shared/ipc/types';
import { readFileForUpload } from '../../api/files';
import { ColumnMappingTable } from '../../components/ColumnMappingTable';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useParticipantsStore } from '../../stores/participants-store';
import { useProjectStore } from '../../stores/project-store';

const encode = (target: ColumnTarget) =>
  target.kind === 'field' ? `field:${target.field}` : target.kind;
const PREVIEW_ROWS = 20;

/**
 * Import of a participant list (CSV or XLSX): the columns are matched to fields (the user can
 * change each), rows with problems are listed with the reason, the rest is imported at once.
 */
export function ImportParticipantsDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const existing = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  const { readFile, importMany } = useParticipantsStore();
  const [sheet, setSheet] = useState<(SpreadsheetPreview & { fileName: string }) | null>(null);
  const [mapping, setMapping] = useState<ColumnTarget[]>([]);
  const [busy, setBusy] = useState(false);
  const result = useMemo(
    () => (sheet ? buildParticipants(sheet.rows, mapping, existing) : null),
    [sheet, mapping, existing],
  );

  async function pick(file: File | undefined) {
    if (!file) return;
    setBusy(true);
    const read = await readFile(await readFileForUpload(file));
    setBusy(false);
    if (!read) return;
    setSheet({ ...read, fileName: file.name });
    setMapping(suggestColumnMapping(read.headers, { rows: read.rows, attributeNamed }));
  }

  /** An attribute's key apart from the field its header names («Ruolo» → «Ruolo (attributo)»). */
  function attributeNamed(header: string): string {
    return t('import.attributeNamed', { name: header });
  }

  // A partnership column kept as an attribute: its values are not Campo's types. Said once.
  const partnershipApart = sheet
    ? mapping.flatMap((target, column) => {
        const header = sheet.headers[column] ?? '';
        if (target.kind !== 'attribute' || fieldNamedBy(header) !== 'partnershipType') return [];
        const values = unknownPartnerships(sheet.rows, column);
        return values.length > 0 ? [{ header, key: target.key, values }] : [];
      })
    : [];

  const targetOptions = [
    ...PARTICIPANT_FIELDS.map((field) => ({
      value: `field:${field}`,
      label: t(`participantField.${field}` as MessageKey),
    })),
    { value: 'attribute', label: t('import.asAttribute') },
    { value: 'ignore', label: t('import.ignore') },
  ];

  return (
    <Dialog title={t('import.participantsTitle')} onClose={onClose} wide>
      {!sheet ? (
        <div className="form">
          <p>{t('import.participantsIntro')}</p>
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
            valueOf={(index) => encode(mapping[index] ?? { kind: 'ignore' })}
            options={targetOptions}
            onChange={(index, value) => {
              const header = sheet.headers[index] ?? '';
              const target: ColumnTarget = value.startsWith('field:')
                ? { kind: 'field', field: value.slice(6) as ParticipantField }
                : value === 'attribute'
                  ? {
                      kind: 'attribute',
                      key: fieldNamedBy(header)
                        ? attributeNamed(header.trim())
                        : header.trim() || `Colonna ${index + 1}`,
                    }
                  : { kind: 'ignore' };
              setMapping(mapping.map((m, i) => (i === index ? target : m)));
            }}
          />
          {partnershipApart.map((column) => (
            <p key={column.header} className="hint partnership-apart">
              {t('import.partnershipApart', {
                header: column.header,
                key: column.key,
                values: column.values.slice(0, 5).join(', '),
              })}
            </p>
          ))}
          {result && (
            <>
              <p role="status">
                {t('import.readyCount', {
                  ready: result.drafts.length,
                  problems: new Set(result.problems.map((p) => p.row)).size,
                })}
              </p>
              {result.problems.length > 0 && (
                <ul className="problems" aria-label={t('import.problemsLabel')}>
                  {result.problems.slice(0, 50).map((problem, i) => (
                    <li key={i}>{t(problem.key, { row: problem.row, ...problem.params })}</li>
                  ))}
                </ul>
              )}
              <table className="table compact">
                <caption>
                  {t('import.previewCaption', { n: Math.min(PREVIEW_ROWS, result.drafts.length) })}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('participants.code')}</th>
                    <th scope="col">{t('participants.role')}</th>
                    <th scope="col">{t('participants.organisation')}</th>
                    <th scope="col">{t('participants.territory')}</th>
                    <th scope="col">{t('participants.partnership')}</th>
                  </tr>
                </thead>
                <tbody>
                  {result.drafts.slice(0, PREVIEW_ROWS).map((draft) => (
                    <tr key={draft.row}>
                      <th scope="row">
                        {draft.code}
                        {draft.generated && (
                          <span className="muted"> {t('import.generatedCode')}</span>
                        )}
                      </th>
                      <td>{draft.role}</td>
                      <td>{draft.organisation}</td>
                      <td>{draft.territory}</td>
                      <td>
                        {draft.partnershipType
                          ? t(`partnership.${draft.partnershipType}` as MessageKey)
                          : ''}
                      </td>
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
              disabled={busy || !result || result.drafts.length === 0}
              onClick={() => {
                setBusy(true);
                void importMany(
                  result!.drafts.map(({ row: _row, generated: _generated, ...fields }) => fields),
                  [...new Set(result!.problems.map((problem) => problem.row))],
                ).then((n) => {
                  setBusy(false);
                  if (n > 0) onClose();
                });
              }}
            >
              {t('import.confirmParticipants', { n: result?.drafts.length ?? 0 })}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
