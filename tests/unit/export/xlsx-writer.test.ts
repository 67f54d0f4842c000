import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import {
  excelDateSerial,
  MAX_CELL_TEXT,
  workbookToXlsx,
} from '../../../src/main/core/export/xlsx-writer';
import {
  buildWorkbook,
  type WorkbookCell,
  type WorkbookSheet,
} from '../../../src/shared/report/workbook';
import { convertWithOffice, workbookAsCsv } from '../../helpers/office';
import { tempDir } from '../../helpers/temp-dir';
import { REAL_NAME, sampleExport, sampleProject } from './workbook-fixture';

// LibreOffice starts cold in each conversion.
const OFFICE_TIMEOUT = 60_000;

/** RFC 4180 CSV (LibreOffice's output): quoted fields, doubled quotes, newlines inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/**
 * How LibreOffice's CSV export prints a cell when it does not save contents as shown (the
 * helper's setting): raw numbers, TRUE/FALSE, dates in its default (en-US) date format.
 */
function rawCsvText(cell: WorkbookCell): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  const [year, month, day] = cell.date.slice(0, 10).split('-');
  return `${month}/${day}/${year}`;
}

const sampleSheets = () =>
  buildWorkbook({ project: sampleProject(), ...sampleExport(), language: 'it' });

async function writeSample(dir: string): Promise<{ file: string; sheets: WorkbookSheet[] }> {
  const sheets = await sampleSheets();
  const file = join(dir, 'campo.xlsx');
  await writeFile(file, await workbookToXlsx(sheets, 'it', { title: 'Valutazione POR FSE' }));
  return { file, sheets };
}

describe('workbookToXlsx read back by LibreOffice', () => {
  it(
    'keeps every sheet, header and cell: numbers as numbers, dates as dates, text literal',
    async () => {
      const dir = await tempDir();
      const { file, sheets } = await writeSample(dir);
      const csv = await workbookAsCsv(file, join(dir, 'csv'));
      expect([...csv.keys()].sort()).toEqual(sheets.map((sheet) => sheet.name).sort());

      for (const sheet of sheets) {
        const [header, ...rows] = parseCsv(csv.get(sheet.name)!);
        expect(header, sheet.name).toEqual(sheet.header);
        expect(
          rows.map((row) => row.map((text) => text)),
          sheet.name,
        ).toEqual(sheet.rows.map((row) => row.map(rawCsvText)));
      }

      // Cell by cell, the ones that can go wrong. A date prints in LibreOffice's default locale
      // (en-US here) because the helper exports raw values: proof it is a date, not the text
      // "2021-03-18"; the next test checks what the user sees.
      const [header, first, second] = parseCsv(csv.get('Segmenti codificati')!);
      const at = (row: string[] | undefined, column: string) => row?.[header!.indexOf(column)];
      expect(at(first, 'Budget (k€)')).toBe('1234.5');
      expect(at(first, 'Data intervista')).toBe('03/18/2021');
      expect(at(first, 'Codificato il')).toBe('03/18/2021');
      expect(at(first, 'Memo')).toBe('=SUM(A1)');
      expect(at(first, 'Citazione chiave')).toBe('TRUE');
      expect(at(first, 'Beneficiario')).toBe('TRUE');
      expect(at(first, 'Codice')).toBe('Criticità > Tempi');
      expect(at(second, 'Organizzazione')).toBe('Cooperativa Àncora 🌱');
      expect(at(second, 'Testo')).toBe('La rete tra enti è cresciuta 🌱 davvero');
      expect(at(second, 'Beneficiario')).toBe('FALSE');
      expect(at(second, 'Data intervista')).toBe('');
      const indicators = parseCsv(csv.get('Indicatori')!);
      expect(indicators[1]?.[9]).toBe('87.5');
      for (const text of csv.values()) expect(text).not.toContain(REAL_NAME);
    },
    OFFICE_TIMEOUT,
  );

  it(
    'shows dates as 18/03/2021',
    async () => {
      const dir = await tempDir();
      const { file } = await writeSample(dir);
      // The same export with "save cell contents as shown" on: what the user sees in a cell.
      const [segments] = await convertWithOffice(
        file,
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,1',
        join(dir, 'shown'),
      );
      const [header, first] = parseCsv(await readFile(segments!, 'utf8'));
      expect(first?.[header!.indexOf('Data intervista')]).toBe('18/03/2021');
      expect(first?.[header!.indexOf('Codificato il')]).toBe('18/03/2021');
      expect(first?.[header!.indexOf('Budget (k€)')]).toBe('1234.5');
    },
    OFFICE_TIMEOUT,
  );
});

describe('workbookToXlsx read back by SheetJS', () => {
  it('writes typed cells, widths, autofilters and document properties', async () => {
    const sheets = await sampleSheets();
    const book = XLSX.read(await workbookToXlsx(sheets, 'it'), { type: 'buffer', cellNF: true });
    expect(book.SheetNames).toEqual(sheets.map((sheet) => sheet.name));
    expect(book.Props?.Title).toBe('Dati del progetto');
    expect(book.Props?.Author).toBe('Campo');

    const segments = book.Sheets['Segmenti codificati']!;
    const header = sheets[0]!.header;
    const cell = (column: string, row = 2) =>
      segments[
        XLSX.utils.encode_cell({ r: row - 1, c: header.indexOf(column) })
      ] as XLSX.CellObject;
    expect(cell('Budget (k€)')).toMatchObject({ t: 'n', v: 1234.5 });
    expect(cell('Data intervista')).toMatchObject({
      t: 'n',
      v: 44273,
      z: 'dd/mm/yyyy',
      w: '18/03/2021',
    });
    expect(cell('Beneficiario')).toMatchObject({ t: 'b', v: true });
    expect(cell('Memo')).toMatchObject({ t: 's', v: '=SUM(A1)' });
    expect(cell('Memo').f).toBeUndefined();
    expect(cell('Fonte', 1)).toMatchObject({ t: 's', v: 'Fonte' });
    expect(cell('Data intervista', 3)).toBeUndefined();
    expect(segments['!autofilter']).toEqual({ ref: `A1:T${sheets[0]!.rows.length + 1}` });
    const styled = XLSX.read(await workbookToXlsx(sheets, 'it'), {
      type: 'buffer',
      cellStyles: true,
    });
    expect(styled.Sheets['Segmenti codificati']!['!cols']?.map((column) => column.wch)).toEqual(
      sheets[0]!.widths,
    );

    // With cellDates SheetJS hands the date back as a date.
    const dated = XLSX.read(await workbookToXlsx(sheets, 'it'), {
      type: 'buffer',
      cellDates: true,
    });
    const date = dated.Sheets['Segmenti codificati']![
      XLSX.utils.encode_cell({ r: 1, c: header.indexOf('Data intervista') })
    ] as XLSX.CellObject;
    expect(date.t).toBe('d');
    expect((date.v as Date).getFullYear()).toBe(2021);
  });

  it('keeps formula-like text literal, clips overlong text and skips what is not a value', async () => {
    const long = `${'a'.repeat(MAX_CELL_TEXT - 2)}🌱🌱`;
    const sheet: WorkbookSheet = {
      name: 'Prova: [1/2]',
      header: ['Testo', 'Numero', 'Data'],
      rows: [
        ['=1+1', Number.NaN, { date: '2021-02-30' }],
        ['+39 02 1234', Infinity, { date: '1899-01-01' }],
        ['-1', -1, { date: '2021-03-18T23:59:59.000Z' }],
        ['@SUM(A1)', 0, null],
        [long, null, null],
      ],
      widths: [20, 10, 12],
    };
    const empty: WorkbookSheet = {
      name: 'Prova 1 2',
      header: ['A', 'B', 'C'],
      rows: [],
      widths: [8, 8, 8],
    };
    const book = XLSX.read(await workbookToXlsx([sheet, empty], 'en'), {
      type: 'buffer',
      cellNF: true,
    });
    expect(book.SheetNames).toEqual(['Prova 1 2', 'Prova 1 2 (2)']);
    expect(book.Props?.Title).toBe('Project data');
    const cells = book.Sheets['Prova 1 2']!;
    for (const [ref, text] of [
      ['A2', '=1+1'],
      ['A3', '+39 02 1234'],
      ['A4', '-1'],
      ['A5', '@SUM(A1)'],
    ] as const) {
      expect(cells[ref], ref).toMatchObject({ t: 's', v: text });
      expect(cells[ref]?.f, ref).toBeUndefined();
    }
    // Not a date, or before what Excel's calendar can show: kept as the text given.
    expect(cells['C2']).toMatchObject({ t: 's', v: '2021-02-30' });
    expect(cells['C3']).toMatchObject({ t: 's', v: '1899-01-01' });
    expect(cells['C4']).toMatchObject({ t: 'n', v: 44273, w: '18/03/2021' });
    expect(cells['B2']).toBeUndefined();
    expect(cells['B3']).toBeUndefined();
    expect(cells['B4']).toMatchObject({ t: 'n', v: -1 });
    expect(cells['B5']).toMatchObject({ t: 'n', v: 0 });
    const clipped = cells['A6']?.v as string;
    expect(clipped).toHaveLength(MAX_CELL_TEXT - 1);
    expect(clipped.endsWith('a…')).toBe(true);
    expect(book.Sheets['Prova 1 2 (2)']!['!autofilter']).toEqual({ ref: 'A1:C1' });
    expect(book.Sheets['Prova 1 2 (2)']!['!ref']).toBe('A1:C1');
    await expect(workbookToXlsx([], 'it')).rejects.toThrow(RangeError);
  });

  it('numbers calendar days as Excel does', () => {
    expect(excelDateSerial('1900-03-01')).toBe(61);
    expect(excelDateSerial('2021-03-18')).toBe(44273);
    expect(excelDateSerial('2024-02-29T10:00:00.000Z')).toBe(45351);
    expect(excelDateSerial('2023-02-29')).toBeNull();
    expect(excelDateSerial('18/03/2021')).toBeNull();
  });
});
