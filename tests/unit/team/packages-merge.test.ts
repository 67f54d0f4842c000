import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { consensusDecisionId } from '../../../src/shared/model/constants';
import { newEvaluator } from '../../../src/shared/domain/team';
import { listBackups } from '../../../src/main/core/store/backups';
import { openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { applyMerge, previewMerge } from '../../../src/main/core/team/merge-run';
import {
  makeReturnPackage,
  makeWorkPackage,
  readPackage,
} from '../../../src/main/core/team/packages';
import { restoreBackup } from '../../../src/main/core/store/recovery';
import type { TeamMergeReport } from '../../../src/shared/domain/team-merge';
import { translator } from '../../../src/shared/i18n';
import { mergeReportSheets } from '../../../src/shared/report/merge-report-sheets';
import {
  ANNA,
  LEAD,
  MARCO,
  code,
  codingsByCoder,
  colleagueProject,
  leadProject,
} from '../../helpers/team';

async function join(session: ProjectSession) {
  await session.mutate((project) => {
    project.evaluators.push(newEvaluator(session.evaluator, project.evaluators));
  });
}

async function returned(session: ProjectSession) {
  const { bytes } = await makeReturnPackage(session);
  await session.close();
  return readPackage(bytes, 'ritorno.campopkg');
}

describe('work packages and the three-way merge of colleagues’ work', () => {
  it('blind packages, two coders, a rename and a participant edit: merged by id, conflicts decided, nothing lost, idempotent, undoable', async () => {
    const lead = await leadProject();
    await code(lead.session, lead.sourceId, 'Il bando era troppo complesso', 'Ostacoli');
    const leadCodings = await codingsByCoder(lead.session, lead.sourceId);
    // A consensus verdict of "neither" on a passage: the lead's, not for blind coders to see.
    await lead.session.mutate((project) => {
      project.consensusDecisions.push({
        id: consensusDecisionId(lead.sourceId, project.codes[0]!.id, 0, 10),
        sourceId: lead.sourceId,
        codeId: project.codes[0]!.id,
        start: 0,
        end: 10,
      });
    });

    // Two blind packages of the same interview: the lead's own layer is left out.
    const work = await makeWorkPackage(lead.session, { sourceIds: [lead.sourceId], blind: true });
    const read = await readPackage(work.bytes, 'p.campopkg');
    expect(read.manifest).toMatchObject({ kind: 'work', blind: true, sources: [lead.sourceId] });
    expect(read.theirs.layers.size).toBe(0);
    expect(read.theirs.project.consensusDecisions).toEqual([]);

    const anna = await colleagueProject(work.bytes, ANNA);
    await join(anna);
    expect(await codingsByCoder(anna, lead.sourceId)).toEqual({});
    await code(anna, lead.sourceId, 'La rete con i servizi per il lavoro', 'Rete');
    await code(anna, lead.sourceId, 'troppo complesso', 'Ostacoli');
    // Anna renames a code and edits a participant.
    await anna.mutate((project) => {
      project.codes.find((entry) => entry.name === 'Ostacoli')!.name = 'Ostacoli amministrativi';
      project.participants.find((entry) => entry.code === 'INT-01')!.role = 'Sindaco di Lodi';
    });
    const fromAnna = await returned(anna);

    const marco = await colleagueProject(work.bytes, MARCO);
    await join(marco);
    await code(marco, lead.sourceId, 'Servirebbero più risorse per la formazione', 'Rete');
    const fromMarco = await returned(marco);

    // Meanwhile the lead renamed the same code differently: a conflict for Anna's package.
    await lead.session.mutate((project) => {
      project.codes.find((entry) => entry.name === 'Ostacoli')!.name = 'Barriere';
    });

    const preview = await previewMerge(lead.session, fromAnna);
    expect(preview.hasBase).toBe(true);
    expect(preview.conflicts).toHaveLength(1);
    expect(preview.conflicts[0]).toMatchObject({ kind: 'code', type: 'edit', paths: ['name'] });
    expect((preview.conflicts[0]!.ours as { name: string }).name).toBe('Barriere');
    // Named as the lead knows it.
    expect(preview.conflicts[0]!.label).toBe('Barriere');
    expect((preview.conflicts[0]!.theirs as { name: string }).name).toBe('Ostacoli amministrativi');
    await expect(applyMerge(lead.session, fromAnna, {})).rejects.toMatchObject({
      code: 'MERGE_UNDECIDED',
    });

    const key = preview.conflicts[0]!.key;
    const first = await applyMerge(lead.session, fromAnna, { decisions: { [key]: 'theirs' } });
    expect(first.written).toBe(true);
    expect(lead.session.isClosed).toBe(true);
    expect((await listBackups(lead.session.dir))[0]!.kind).toBe('pre-merge');
    let session = await openProject(lead.session.dir, { evaluator: LEAD });
    expect(session.project.codes.map((entry) => entry.name).sort()).toEqual([
      'Ostacoli amministrativi',
      'Rete',
    ]);
    expect(session.project.participants.find((entry) => entry.code === 'INT-01')!.role).toBe(
      'Sindaco di Lodi',
    );
    expect(session.project.evaluators.map((entry) => entry.id)).toEqual(
      expect.arrayContaining([LEAD.id, ANNA.id]),
    );
    const report = session.project.merges[0]!.report as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(report.coders).toEqual([
      { coderId: ANNA.id, name: ANNA.name, added: 2, updated: 0, deleted: 0 },
    ]);
    // The losing value stays in the report.
    expect(report.conflicts[0]).toMatchObject({ decision: 'theirs', ours: { name: 'Barriere' } });
    // In the report's workbook the field is named as the user knows it, not by its key.
    const conflictSheet = mergeReportSheets(report as TeamMergeReport, translator('it'))[2]!;
    expect(conflictSheet.rows[0]!.slice(3, 7)).toEqual([
      'Nome',
      'la versione del collega',
      'Ostacoli amministrativi',
      'Barriere',
    ]);

    // Merging the same package again changes nothing.
    const again = await applyMerge(session, fromAnna, { decisions: { [key]: 'ours' } });
    expect(again).toMatchObject({ written: false, report: { alreadyMerged: true } });

    // Marco's package: no conflict, his layer comes in beside the others.
    const second = await applyMerge(session, fromMarco, {});
    expect(second.written).toBe(true);
    session = await openProject(lead.session.dir, { evaluator: LEAD });
    const layers = await codingsByCoder(session, lead.sourceId);
    expect(Object.keys(layers).sort()).toEqual([ANNA.id, LEAD.id, MARCO.id].sort());
    expect(layers[LEAD.id]).toEqual(
      leadCodings[LEAD.id]!.map((line) => line.replace('Ostacoli', 'Ostacoli amministrativi')),
    );
    expect(layers[ANNA.id]).toEqual([
      'Ostacoli amministrativi: troppo complesso',
      'Rete: La rete con i servizi per il lavoro',
    ]);
    expect(layers[MARCO.id]).toEqual(['Rete: Servirebbero più risorse per la formazione']);
    expect(session.project.merges).toHaveLength(2);
    expect(await readdir(session.dir)).not.toContain('merge-staging');

    // Undo of Marco's merge: the snapshot taken before it comes back.
    const backupId = session.project.merges[1]!.backupId!;
    await session.close();
    await restoreBackup(session.dir, backupId);
    session = await openProject(lead.session.dir, { evaluator: LEAD });
    expect(Object.keys(await codingsByCoder(session, lead.sourceId)).sort()).toEqual(
      [ANNA.id, LEAD.id].sort(),
    );
    expect(session.project.merges).toHaveLength(1);
    await session.close();
  });

  it('a deletion on one side and an edit on the other is a conflict; a coder’s deleted coding is deleted', async () => {
    const lead = await leadProject();
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: false });
    const anna = await colleagueProject(work.bytes, ANNA);
    const kept = await code(anna, lead.sourceId, 'La rete', 'Rete');
    const gone = await code(anna, lead.sourceId, 'bando', 'Ostacoli');
    const first = await returned(anna);
    let session = lead.session;
    await applyMerge(session, first, {});
    session = await openProject(lead.session.dir, { evaluator: LEAD });
    expect((await session.readSource(lead.sourceId)).codings.map((c) => c.id).sort()).toEqual(
      [kept, gone].sort(),
    );

    // Second round from the same base: Anna deletes a coding and the participant INT-02 she
    // was told to drop, the lead meanwhile edited INT-02.
    const anna2 = await openProject(anna.dir, { evaluator: ANNA });
    await anna2.mutateSource(lead.sourceId, (draft) => {
      draft.codings = draft.codings.filter((coding) => coding.id !== gone);
    });
    await anna2.mutate((project) => {
      project.participants = project.participants.filter((entry) => entry.code !== 'INT-02');
    });
    const second = await returned(anna2);
    await session.mutate((project) => {
      project.participants.find((entry) => entry.code === 'INT-02')!.role = 'Dirigente';
    });
    const preview = await previewMerge(session, second);
    expect(preview.conflicts.map((entry) => [entry.kind, entry.type])).toEqual([
      ['participant', 'deleted-there'],
    ]);
    await applyMerge(session, second, { decisions: { [preview.conflicts[0]!.key]: 'ours' } });
    session = await openProject(lead.session.dir, { evaluator: LEAD });
    expect(session.project.participants.find((entry) => entry.code === 'INT-02')!.role).toBe(
      'Dirigente',
    );
    expect((await session.readSource(lead.sourceId)).codings.map((c) => c.id)).toEqual([kept]);
    await session.close();
  });
});
