import type { Cell } from '../../shared/domain/participants-import';
import { useT } from '../i18n/use-t';

/**
 * The columns of an imported spreadsheet, each with an example value and a select saying where
 * it goes (a field, or nowhere). Shared by the participant and indicator imports.
 */
export function ColumnMappingTable({
  headers,
  rows,
  valueOf,
  options,
  onChange,
}: {
  headers: readonly string[];
  rows: readonly (readonly Cell[])[];
  valueOf(index: number): string;
  options: ReadonlyArray<{ value: string; label: string }>;
  onChange(index: number, value: string): void;
}) {
  const t = useT();
  return (
    <table className="table compact">
      <caption>{t('import.mappingCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('import.column')}</th>
          <th scope="col">{t('import.example')}</th>
          <th scope="col">{t('import.goesTo')}</th>
        </tr>
      </thead>
      <tbody>
        {headers.map((header, index) => (
          <tr key={index}>
            <th scope="row">{header || t('app.none')}</th>
            <td className="muted">
              {String(rows.find((row) => row[index] !== null)?.[index] ?? '')}
            </td>
            <td>
              <select
                aria-label={t('import.goesToColumn', { column: header })}
                value={valueOf(index)}
                onChange={(e) => onChange(index, e.target.value)}
              >
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
