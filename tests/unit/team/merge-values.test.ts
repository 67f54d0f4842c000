import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findResourcesDir } from '../../../src/main/core/paths';
import { writeDemoProject } from '../../../src/main/core/demo';
import { planTeamMerge } from '../../../src/shared/domain/team-merge';
import { HIDDEN_VALUE, shownField, shownRecord } from '../../../src/shared/domain/merge-values';
import { translator } from '../../../src/shared/i18n';
import type { ProjectFile } from '../../../src/shared/model/project';
import { mergeReportSheets } from '../../../src/shared/report/merge-report-sheets';
import { conflictFields } from '../../../src/renderer/features/team/conflict-values';

const NAME = 'Giovanna Esposito';
let demo: ProjectFile;
let folder = '';

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'campo-merge-values-'));
  const session = await writeDemoProject(folder, findResourcesDir(), {
    evaluator: { id: 'ev-lead', name: 'Lead' },
  });
  demo = structuredClone(session.project);
  await session.close();
  demo.participants[0]!.name = NAME;
}, 60_000);
afterAll(() => rm(folder, { recursive: true, force: true }));

function merge(ours: ProjectFile, theirs: ProjectFile, decisions = {}) {
  const side = (project: ProjectFile) => ({ project, layers: new Map() });
  return planTeamMerge({
    base: side(demo),
    ours: side(ours),
    theirs: side(theirs),
    packageId: 'pkg-1',
    baseId: 'b',
    decisions,
    now: '2026-12-06T10:00:00.000Z',
    by: 'ev-lead',
  });
}

/** Every cell of the merge report's workbook, as text. */
function workbookText(plan: ReturnType<typeof merge>): string {
  return mergeReportSheets(plan.report, translator('it'))
    .flatMap((sheet) => [sheet.header, ...sheet.rows])
    .flat()
    .map((cell) => (typeof cell === 'string' ? cell : JSON.stringify(cell)))
    .join('\n');
}

describe('a merge never shows a participant’s real name', () => {
  it('a participant deleted here and edited there: the workbook keeps the losing version, its name hidden', () => {
    const ours = structuredClone(demo);
    const theirs = structuredClone(demo);
    const participant = demo.participants[0]!;
    ours.participants = ours.participants.filter((record) => record.id !== participant.id);
    ours.tombstones.push({
      kind: 'participant',
      id: participant.id,
      rev: 5,
      deletedAt: '2026-12-05T00:00:00.000Z',
      deletedBy: 'ev-lead',
    });
    theirs.participants[0]!.role = 'Dirigente scolastica';
    const plan = merge(ours, theirs);
    const key = `participant:${participant.id}`;
    expect(plan.conflicts).toMatchObject([{ key, type: 'deleted-here' }]);
    const decided = merge(ours, theirs, { [key]: 'ours' });
    const text = workbookText(decided);
    // The colleague's version that lost is in the report, with its role but not the name.
    expect(text).toContain('Dirigente scolastica');
    expect(text).toContain('(dato personale, non esportato)');
    expect(text).not.toContain('Esposito');
    // The side-by-side view of the same conflict shows the mark.
    const fields = conflictFields(plan.conflicts[0]!);
    expect(fields.find((field) => field.field === 'name')).toEqual({
      field: 'name',
      ours: '',
      theirs: HIDDEN_VALUE,
    });
  });

  it('a name both changed: the conflict, its workbook row and the record’s changes show marks', () => {
    const ours = structuredClone(demo);
    const theirs = structuredClone(demo);
    ours.participants[0]!.name = 'Giovanna Esposito Russo';
    theirs.participants[0]!.name = 'G. Esposito';
    const plan = merge(ours, theirs, {
      [`participant:${demo.participants[0]!.id}`]: 'theirs',
    });
    expect(conflictFields(plan.conflicts[0]!)).toEqual([
      { field: 'name', ours: HIDDEN_VALUE, theirs: HIDDEN_VALUE },
    ]);
    expect(plan.report.updates).toMatchObject([
      {
        kind: 'participant',
        fields: [{ field: 'name', before: HIDDEN_VALUE, after: HIDDEN_VALUE }],
      },
    ]);
    expect(workbookText(plan)).not.toContain('Esposito');
  });

  it('other values are shown, cut at their limit', () => {
    expect(shownField('question', 'text', 'x'.repeat(12), { maxChars: 10 })).toBe(
      `${'x'.repeat(10)}…`,
    );
    expect(shownField('participant', 'role', 'Sindaco', { maxChars: 10 })).toBe('Sindaco');
    expect(shownField('participant', 'name', null, { maxChars: 10 })).toBe('');
    expect(shownRecord('participant', { code: 'INT-01', name: NAME }, { maxChars: 100 })).toBe(
      `{"code":"INT-01","name":"${HIDDEN_VALUE}"}`,
    );
    // A name left empty stays empty: nothing to hide.
    expect(shownRecord('participant', { code: 'INT-01', name: '' }, { maxChars: 100 })).toBe(
      '{"code":"INT-01","name":""}',
    );
  });
});
