import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectFile } from '../../../src/shared/model/project';
import { projectCore } from '../../helpers/core';

describe('rating matrix handlers', () => {
  it('create the integration matrix, rate cells in two dimensions, attach evidence, drop a row', async () => {
    const { call, refusal, core } = await projectCore();
    let matrix = await call('ratingMatrixAdd', { template: 'integration' });
    expect(matrix.rows.map((r) => r.label.slice(0, 4))).toEqual(['OT8 ', 'OT9 ', 'OT10', 'OT11']);
    expect(matrix.columns).toHaveLength(5);
    expect(matrix.dimensions.map((d) => d.label.it)).toEqual(['Coordinamento', 'Complementarietà']);
    expect(matrix.scale.map((l) => [l.label.it, l.value])).toEqual([
      ['Basso', 1],
      ['Medio', 2],
      ['Alto', 3],
      ['n.a.', null],
    ]);
    const [coordination, complementarity] = matrix.dimensions;
    const [low, , high, na] = matrix.scale;
    const cell = {
      matrixId: matrix.id,
      rowId: matrix.rows[1]!.id,
      columnId: matrix.columns[0]!.id,
    };
    await call('ratingCellSet', { ...cell, dimensionId: coordination!.id, levelId: high!.id });
    matrix = await call('ratingCellSet', {
      ...cell,
      dimensionId: complementarity!.id,
      levelId: na!.id,
    });
    expect(matrix.cells).toEqual([
      {
        rowId: cell.rowId,
        columnId: cell.columnId,
        ratings: { [coordination!.id]: high!.id, [complementarity!.id]: na!.id },
        rationale: '',
        evidence: [],
      },
    ]);
    matrix = await call('ratingCellSet', {
      ...cell,
      dimensionId: complementarity!.id,
      levelId: null,
    });
    expect(matrix.cells[0]!.ratings).toEqual({ [coordination!.id]: high!.id });

    // Evidence must point at something that exists.
    expect(
      await refusal('ratingCellUpdate', {
        ...cell,
        patch: { evidence: [{ kind: 'source', sourceId: 'missing' }] },
      }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    matrix = await call('ratingCellUpdate', {
      ...cell,
      patch: {
        rationale:
          'Il FESR finanzia gli edifici, il FSE i laboratori sociali negli stessi quartieri.',
        evidence: [{ kind: 'document', title: 'Strategia SUS Lorenteggio', reference: 'p. 12' }],
      },
    });
    expect(matrix.cells[0]!.evidence).toHaveLength(1);
    expect(
      await refusal('ratingCellSet', { ...cell, dimensionId: coordination!.id, levelId: 'nope' }),
    ).toMatchObject({ code: 'NOT_FOUND' });

    // Removing the row removes its cells.
    matrix = await call('ratingMatrixUpdate', {
      matrixId: matrix.id,
      patch: { rows: matrix.rows.filter((row) => row.id !== cell.rowId) },
    });
    expect(matrix.cells).toEqual([]);
    await call('ratingCellSet', {
      ...cell,
      rowId: matrix.rows[0]!.id,
      dimensionId: coordination!.id,
      levelId: low!.id,
    });

    const europe = await call('ratingMatrixAdd', { template: 'europe2020' });
    expect(europe.rows[0]).toMatchObject({
      label: 'Tasso di occupazione 20-64 anni',
      note: '67-69%',
    });
    expect(europe.scale.map((l) => l.label.it)).toEqual([
      'Nullo',
      'Basso',
      'Medio',
      'Alto',
      'n.a.',
    ]);
    const again = await call('ratingMatrixAdd', { template: 'integration' });
    expect(again.title).toBe('Matrice di integrazione (2)');
    expect((await call('projectCurrent', {}))!.project.matrices).toHaveLength(3);

    // Made from the English interface, for an English report: English labels and values.
    const english = await call('ratingMatrixAdd', { template: 'europe2020', language: 'en' });
    expect(english.title).toBe('Contribution to Europe 2020');
    expect(english.rows.map((row) => [row.label, row.note]).slice(3)).toEqual([
      ['People at risk of poverty or social exclusion', '2.2 million fewer'],
      ['Research and development expenditure', '1.53% of GDP'],
    ]);
    const integration = await call('ratingMatrixAdd', { template: 'integration', language: 'en' });
    expect(integration.rows[0]!.label).toBe('TO8 – Employment');
    await core.shutdown();
  });

  it('gives a Europe 2020 matrix made before its template had n.a. an n.a. level, once', async () => {
    const { call, core, dir } = await projectCore();
    const made = await call('ratingMatrixAdd', { template: 'europe2020' });
    await call('projectClose', {});
    // As the previous release wrote it: Nullo, Basso, Medio, Alto only.
    const file = join(dir, 'project.json');
    const json = JSON.parse(await readFile(file, 'utf8')) as ProjectFile;
    json.matrices[0]!.scale = json.matrices[0]!.scale.filter((level) => level.value !== null);
    await writeFile(file, JSON.stringify(json, null, 2));
    await call('projectOpen', { path: dir });

    const fixed = await call('ratingScaleAddNa', { matrixId: made.id });
    expect(fixed.scale.map((level) => [level.label.it, level.value])).toEqual([
      ['Nullo', 0],
      ['Basso', 1],
      ['Medio', 2],
      ['Alto', 3],
      ['n.a.', null],
    ]);
    const again = await call('ratingScaleAddNa', { matrixId: made.id });
    expect(again.scale).toHaveLength(5);
    const na = again.scale.at(-1)!;
    const rated = await call('ratingCellSet', {
      matrixId: made.id,
      rowId: made.rows[4]!.id,
      columnId: made.columns[0]!.id,
      dimensionId: made.dimensions[0]!.id,
      levelId: na.id,
    });
    expect(rated.cells[0]!.ratings[made.dimensions[0]!.id]).toBe(na.id);
    await core.shutdown();
  });
});
