/**
 * The indicators chapter as LibreOffice lays it out: a rate just under a threshold prints the
 * decimals that show the verdict is right, and a large amount stays on one line in its cell.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultReportSettings } from '../../../src/shared/report/model';
import { projectCore } from '../../helpers/core';
import { docxToPdf, pdfPages } from '../../helpers/office';
import { tempDir } from '../../helpers/temp-dir';

describe('indicators in the report draft', () => {
  it('print 64,98% beside a serious failure and large amounts unbroken', async () => {
    const { call, core } = await projectCore();
    const fields = { axis: 'Asse I', unit: 'N.', type: 'output' as const };
    await call('indicatorAdd', {
      ...fields,
      code: 'F01',
      name: 'Partecipanti',
      milestone: 10_000,
      achieved: 6_498,
    });
    await call('indicatorAdd', {
      ...fields,
      code: 'F02',
      name: 'Spesa certificata',
      unit: 'euro',
      milestone: 98_765_432.1,
      target: 123_456_789.25,
      achieved: 87_654_321.5,
    });
    const dir = await tempDir();
    const target = join(dir, 'Indicatori.docx');
    // Browser mode: the draft comes back as bytes the page saves where the user chooses.
    const download = await call('reportExport', {
      settings: { ...defaultReportSettings('it'), sections: ['indicators'] },
      target: null,
    });
    await writeFile(target, Buffer.from((download as { data: string }).data, 'base64'));
    await core.shutdown();

    const pages = await pdfPages(await docxToPdf(target, join(dir, 'pdf')));
    const text = pages.join('\n');
    expect(text).toContain('64,98%');
    expect(text).not.toMatch(/F01[^\n]*\b65(,0)?%/);
    expect(text).toContain('Grave carenza');
    // Each amount whole on one line of its row (a wrapped one would be split across lines).
    const row = text.split('\n').find((line) => line.includes('Spesa certificata'))!;
    // With their cents, as monitoring gives them (walk-through 8: 25.500.000,50 was 25.500.001).
    for (const amount of ['98.765.432,10', '123.456.789,25', '87.654.321,50'])
      expect(row).toMatch(new RegExp(`(^|\\s)${amount.replace(/\./g, '\\.')}(\\s|$)`));
  }, 120_000);
});
