import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { IndicatorSchema, type Indicator } from '../../../src/shared/model/project';
import { projectCore } from '../../helpers/core';

describe('indicator handlers', () => {
  it('add, edit and delete indicators; read a monitoring extract and import its rows at once', async () => {
    const { call, refusal, core } = await projectCore();
    const added = await call('indicatorAdd', { name: 'Disoccupati partecipanti', axis: 'Asse I' });
    expect(added).toMatchObject({ type: 'output', milestone: null, achieved: null });
    const edited = await call('indicatorUpdate', {
      id: added.id,
      patch: { code: 'CO01', milestone: 1_000, achieved: 1_200 },
    });
    expect(edited).toMatchObject({ code: 'CO01', milestone: 1_000, achieved: 1_200 });
    expect(
      await refusal('indicatorUpdate', { id: added.id, patch: { type: 'other' as never } }),
    ).toMatchObject({ code: 'VALIDATION' });

    const csv =
      'Asse;Codice;Indicatore;Target intermedio;Valore realizzato\r\nAsse II;CR06;Persone svantaggiate;800;480\r\n';
    const sheet = await call('indicatorsReadFile', {
      fileName: 'estrazione.csv',
      data: Buffer.from(csv, 'utf8').toString('base64'),
    });
    expect(sheet.headers).toEqual([
      'Asse',
      'Codice',
      'Indicatore',
      'Target intermedio',
      'Valore realizzato',
    ]);
    expect(sheet.rows).toHaveLength(1);
    const imported = await call('indicatorsImport', {
      indicators: [
        {
          axis: 'Asse II',
          code: 'CR06',
          name: 'Persone svantaggiate',
          unit: '',
          type: 'result',
          baseline: null,
          milestone: 800,
          target: null,
          achieved: 480,
          referenceDate: '',
          source: 'estrazione.csv',
        },
      ],
    });
    expect(imported.added).toHaveLength(1);
    expect(imported.updated).toEqual([]);
    await call('indicatorDelete', { id: added.id });
    expect((await call('projectCurrent', {}))!.project.indicators.map((i) => i.code)).toEqual([
      'CR06',
    ]);
    await core.shutdown();
  });

  it('an import updates indicators already there and adds new ones; its undo puts them back, on disk too', async () => {
    const { call, refusal, core, dir } = await projectCore();
    const co01 = await call('indicatorAdd', { name: 'Disoccupati', code: 'CO01', achieved: 700 });
    const imported = await call('indicatorsImport', {
      indicators: [draft({ code: 'CO09', name: 'Inattivi', achieved: 20 })],
      updates: [
        { id: co01.id, patch: { achieved: 950, source: 'dicembre.csv' }, baseRev: co01.rev },
      ],
    });
    expect(imported.updated).toEqual([
      expect.objectContaining({ id: co01.id, achieved: 950, source: 'dicembre.csv' }),
    ]);
    expect(imported.added.map((i) => i.code)).toEqual(['CO09']);

    const undone = await call('indicatorsImportUndo', { importId: imported.importId });
    expect(undone.map((i) => [i.code, i.achieved, i.source])).toEqual([['CO01', 700, '']]);
    // Once only.
    expect(await refusal('indicatorsImportUndo', { importId: imported.importId })).toMatchObject({
      code: 'IMPORT_UNDO_GONE',
    });
    await call('projectClose', {});
    const reopened = await call('projectOpen', { path: dir });
    expect(reopened.project.indicators.map((i) => [i.code, i.achieved])).toEqual([['CO01', 700]]);
    await core.shutdown();
  });

  it('an import is not undone over a change made after it, and says which indicator changed', async () => {
    const { call, refusal, core } = await projectCore();
    const co01 = await call('indicatorAdd', { name: 'Disoccupati', code: 'CO01', achieved: 700 });
    const imported = await call('indicatorsImport', {
      indicators: [],
      updates: [{ id: co01.id, patch: { achieved: 950 }, baseRev: co01.rev }],
    });
    await call('indicatorUpdate', { id: co01.id, patch: { target: 2_000 } });
    expect(await refusal('indicatorsImportUndo', { importId: imported.importId })).toMatchObject({
      code: 'IMPORT_UNDO_REFUSED',
      details: { names: 'CO01', count: 1 },
    });
    const now = (await call('projectCurrent', {}))!.project.indicators;
    expect(now.map((i) => [i.achieved, i.target])).toEqual([[950, 2_000]]);

    // An indicator the import added, deleted since, is named by its code.
    const next = await call('indicatorsImport', {
      indicators: [draft({ code: 'CO09', name: 'Inattivi' })],
      updates: [],
    });
    await call('indicatorDelete', { id: next.added[0]!.id });
    expect(await refusal('indicatorsImportUndo', { importId: next.importId })).toMatchObject({
      code: 'IMPORT_UNDO_REFUSED',
      details: { names: 'CO09', count: 1 },
    });
    await core.shutdown();
  });

  it('an empty import is refused', async () => {
    const { refusal, core } = await projectCore();
    expect(await refusal('indicatorsImport', { indicators: [], updates: [] })).toMatchObject({
      code: 'VALIDATION',
    });
    await core.shutdown();
  });

  it('refuses a Word file renamed .xlsx in the user’s words, not the library’s', async () => {
    // Found by a newcomer walk-through: «(errore di lettura: Could not find workbook)».
    const { refusal } = await projectCore();
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', '<w:document/>');
    const data = (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64');
    const refused = await refusal('indicatorsReadFile', { fileName: 'valori.xlsx', data });
    expect(refused).toMatchObject({
      code: 'FILE_DAMAGED',
      details: { reasonKey: 'refusal.notSpreadsheet' },
    });
    expect(JSON.stringify(refused)).not.toMatch(/errore di lettura/);
  });
});

/** An indicator as an import adds it: the schema's defaults, then `fields`. */
function draft(fields: Partial<Indicator> & { name: string }) {
  const { id: _id, ...rest } = IndicatorSchema.parse({ id: 'draft', ...fields });
  return rest;
}
