import { describe, expect, it } from 'vitest';
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
    expect(imported).toHaveLength(1);
    await call('indicatorDelete', { id: added.id });
    expect((await call('projectCurrent', {}))!.project.indicators.map((i) => i.code)).toEqual([
      'CR06',
    ]);
    await core.shutdown();
  });
});
