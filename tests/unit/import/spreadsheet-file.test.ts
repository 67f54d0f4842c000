import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { readSpreadsheetRows } from '../../../src/main/core/import/spreadsheet-file';
import type { CampoError } from '../../../src/shared/ipc/errors';
import { errorMessage } from '../../../src/shared/i18n';
import {
  buildParticipants,
  suggestColumnMapping,
} from '../../../src/shared/domain/participants-import';

/** Windows-1252 bytes of a Latin-1-range string (what Italian Excel writes for "CSV (separato da ;)"). */
const cp1252 = (text: string) =>
  new Uint8Array([...text].map((ch) => (ch === '€' ? 0x80 : ch.charCodeAt(0))));

describe('participant lists', () => {
  it('read an Italian Excel CSV: semicolons, Windows-1252, quoted fields, dates as text', async () => {
    const csv =
      'Pseudonimo;Nome;Ente;Comune;Partenariato;Consenso;Data consenso\r\nINT-01;"Bianchi; Anna";Comune di Città Alta;Bergamo;Istituzionale;sì;15/03/2021\r\n;;Cooperativa;Mantova;società civile;no;\r\n';
    const { headers, rows } = await readSpreadsheetRows(cp1252(csv), 'partecipanti.csv');
    expect(headers).toEqual([
      'Pseudonimo',
      'Nome',
      'Ente',
      'Comune',
      'Partenariato',
      'Consenso',
      'Data consenso',
    ]);
    expect(rows[0]).toEqual([
      'INT-01',
      'Bianchi; Anna',
      'Comune di Città Alta',
      'Bergamo',
      'Istituzionale',
      'sì',
      '15/03/2021',
    ]);
    const { drafts, problems } = buildParticipants(rows, suggestColumnMapping(headers), []);
    expect(problems).toEqual([]);
    expect(drafts.map((d) => [d.code, d.name, d.partnershipType, d.consent.date])).toEqual([
      ['INT-01', 'Bianchi; Anna', 'istituzionale', '2021-03-15'],
      ['INT-02', '', 'societa-civile', null],
    ]);
  });

  it('read the first sheet of an XLSX, with real dates and numbers', async () => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Pseudonimo', 'Ruolo', 'Data consenso', 'Anni di esperienza'],
      ['INT-07', 'Referente', new Date(Date.UTC(2021, 2, 22)), 6],
    ]);
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'Partecipanti');
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));
    const { rows } = await readSpreadsheetRows(bytes, 'elenco.xlsx');
    expect(rows).toEqual([['INT-07', 'Referente', '2021-03-22', 6]]);
  });

  it('read a cell formatted as a percentage as the number it shows (45,00 % is 45)', async () => {
    // Found by a newcomer walk-through: XLSX indicators came in 100 times too small.
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Codice', 'Target', 'Raggiunto', 'Persone', 'Nota'],
      ['CR10', 0.45, 0.125, 1234.5, 'Sconto 50%'],
    ]);
    sheet.B2!.z = '0.00%';
    sheet.C2!.z = '0%';
    sheet.D2!.z = '#,##0.0';
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(workbook, sheet, 'Indicatori');
    const bytes = new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));
    const { rows } = await readSpreadsheetRows(bytes, 'indicatori.xlsx');
    expect(rows).toEqual([['CR10', 45, 12.5, 1234.5, 'Sconto 50%']]);
  });

  it('refuse a damaged spreadsheet, a wrong format and an empty list without touching anything', async () => {
    await expect(
      readSpreadsheetRows(new TextEncoder().encode('non è un foglio'), 'finto.xlsx'),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_MISMATCH' });
    const workbook = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      workbook,
      XLSX.utils.aoa_to_sheet([['Pseudonimo'], ['INT-01']]),
      'Foglio1',
    );
    const whole = new Uint8Array(XLSX.write(workbook, { type: 'buffer', bookType: 'xlsx' }));
    await expect(
      readSpreadsheetRows(whole.subarray(0, whole.length - 300), 'rotto.xlsx'),
    ).rejects.toMatchObject({
      code: 'FILE_DAMAGED',
    });
    const headerOnly = await readSpreadsheetRows(
      new TextEncoder().encode('Pseudonimo;Nome\r\n'),
      'solo-intestazione.csv',
    ).catch((error: unknown) => error as CampoError);
    expect(headerOnly).toMatchObject({ code: 'FILE_EMPTY' });
    // Said as it is: the header is there, the rows are not (it was «è vuoto»).
    expect(errorMessage(headerOnly as CampoError, 'it')).toBe(
      'Il file solo-intestazione.csv ha solo la riga di intestazione, nessuna riga di dati.',
    );
    await expect(
      readSpreadsheetRows(new TextEncoder().encode('a'), 'elenco.ods'),
    ).rejects.toMatchObject({ code: 'FILE_TYPE_UNSUPPORTED' });
  });
});
