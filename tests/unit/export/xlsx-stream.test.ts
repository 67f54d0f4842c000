import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import XLSX from 'xlsx';
import { escapeXml } from '../../../src/main/core/export/xlsx-parts';
import { workbookToXlsx } from '../../../src/main/core/export/xlsx-writer';
import type { WorkbookSheet } from '../../../src/shared/report/workbook';
import { tempDir } from '../../helpers/temp-dir';

const run = promisify(execFile);

/** Every XML part of an XLSX file, by name. */
async function parts(bytes: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
  const texts = new Map<string, string>();
  for (const name of Object.keys(zip.files)) texts.set(name, await zip.file(name)!.async('string'));
  return texts;
}

describe('the streamed XLSX writer', () => {
  it('writes texts no XML can hold so that they read back as written', async () => {
    const texts = [
      'riga\u0001con un carattere di controllo\u001f',
      'già _x0041_ scritto come Excel scrive i caratteri',
      '  spazi ai bordi e\na capo  ',
      'righe di Windows\r\nche restano tali\r\n',
      '<tag> & "virgolette" \'apici\'',
      'mezza emoji \ud83c fine',
    ];
    const sheet: WorkbookSheet = {
      name: 'Testi',
      header: ['Testo'],
      rows: texts.map((text) => [text]),
      widths: [40],
    };
    const bytes = await workbookToXlsx([sheet], 'it');
    // A carriage return written as Excel writes it: a literal one, XML parsers (Excel's,
    // LibreOffice's) turn into a line feed.
    expect((await parts(bytes)).get('xl/sharedStrings.xml')).toContain(
      'righe di Windows_x000D_\nche restano tali_x000D_\n',
    );
    const book = XLSX.read(bytes, { type: 'buffer' });
    const cells = book.Sheets['Testi']!;
    expect(cells['A2']?.v).toBe(texts[0]);
    expect(cells['A3']?.v).toBe(texts[1]);
    expect(cells['A4']?.v).toBe(texts[2]);
    expect(cells['A5']?.v).toBe(texts[3]);
    expect(cells['A6']?.v).toBe(texts[4]);
    // Half a surrogate pair cannot be encoded: it becomes the replacement character.
    expect(cells['A7']?.v).toBe('mezza emoji \ufffd fine');
    expect(escapeXml('a_x00e9_b')).toBe('a_x005F_x00e9_b');
  });

  it('streams a sheet of 60,000 rows into well-formed parts, with shared strings', async () => {
    const rows = Array.from({ length: 60_000 }, (_, n) => [
      `INT-${String(n % 40).padStart(2, '0')}`,
      n,
      `Passaggio ${n}: la rete tra enti è cresciuta 🌱 ${'davvero '.repeat(n % 7)}`,
      { date: '2021-03-18' },
      n % 2 === 0,
    ]);
    const sheet: WorkbookSheet = {
      name: 'Segmenti',
      header: ['Partecipante', 'N', 'Testo', 'Data', 'Chiave'],
      rows,
      widths: [12, 8, 60, 12, 8],
    };
    const fractions: number[] = [];
    const bytes = await workbookToXlsx([sheet], 'it', {
      title: 'Prova',
      onProgress: (fraction) => fractions.push(fraction),
    });
    // A progress bar that moves while the rows are written, never back, and ends full.
    expect(fractions.length).toBeGreaterThan(20);
    expect(fractions.every((fraction, n) => n === 0 || fraction >= fractions[n - 1]!)).toBe(true);
    expect(fractions.filter((fraction) => fraction > 0.2 && fraction < 0.8).length).toBeGreaterThan(
      10,
    );
    expect(fractions.at(-1)).toBe(1);
    const xml = await parts(bytes);
    expect([...xml.keys()].slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    const dir = await tempDir();
    for (const [name, text] of xml) {
      const file = join(dir, name.replace(/[/[\]]/g, '_'));
      await writeFile(file, text);
      // xmllint exits non-zero on XML that is not well-formed.
      await run('xmllint', ['--noout', '--huge', file]);
    }
    const sst = xml.get('xl/sharedStrings.xml')!;
    // 40 participant codes, 60,000 passages, 5 header texts: each written once.
    expect(sst).toContain('count="120005" uniqueCount="60045"');
    const sheetXml = xml.get('xl/worksheets/sheet1.xml')!;
    expect(sheetXml).toContain('<dimension ref="A1:E60001"/>');
    expect(sheetXml).toContain('state="frozen"');
    expect(sheetXml).toContain('<autoFilter ref="A1:E60001"/>');
    expect(xml.get('xl/workbook.xml')).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">\'Segmenti\'!$A$1:$E$60001</definedName>',
    );

    const book = XLSX.read(bytes, { type: 'buffer', cellDates: true });
    const read = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Segmenti']!, { header: 1 });
    expect(read).toHaveLength(60_001);
    expect(read[1]).toEqual(['INT-00', 0, rows[0]![2], expect.any(Date), true]);
    expect(read[60_000]).toEqual(['INT-39', 59_999, rows[59_999]![2], expect.any(Date), false]);
  }, 60_000);
});
