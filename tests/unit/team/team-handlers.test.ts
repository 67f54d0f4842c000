import { describe, expect, it } from 'vitest';
import { projectCore } from '../../helpers/core';
import { ANNA, TEXT, code, colleagueProject } from '../../helpers/team';
import { makeReturnPackage } from '../../../src/main/core/team/packages';
import XLSX from 'xlsx';

describe('team handlers', () => {
  it('identity, a package, a merge previewed then applied, its report as XLSX, and undo while nothing followed', async () => {
    const { call, refusal } = await projectCore();
    const settings = await call('identitySet', { name: 'Laura Neri', initials: '' });
    expect(settings).toMatchObject({
      identityConfirmed: true,
      evaluator: { name: 'Laura Neri', initials: 'LN' },
    });
    let project = (await call('projectCurrent', {}))!.project;
    const me = project.evaluators.find((member) => member.id === settings.evaluator.id)!;
    expect(me).toMatchObject({ name: 'Laura Neri', initials: 'LN', role: 'lead' });
    const team = await call('teamMemberUpdate', {
      id: me.id,
      patch: { colour: '#123456' },
      baseRev: me.rev,
    });
    expect(team.find((member) => member.id === me.id)!.colour).toBe('#123456');

    await call('codeAdd', { name: 'Rete', parentId: null });
    const source = await call('transcriptImport', {
      title: 'Intervista',
      origin: 'typed',
      text: TEXT,
      turns: [],
    });
    const made = await call('teamPackageMake', {
      sourceIds: null,
      blind: true,
      forEvaluatorId: null,
      target: null,
    });
    expect(made.fileName).toMatch(/\.campopkg$/);
    // Picked by mistake, the package the lead sent merges nothing, and says so.
    const own = await call('teamMergePreview', {
      fileName: made.fileName,
      data: made.data!,
      matches: [],
    });
    expect(own).toMatchObject({ ownWork: true, empty: true });

    const anna = await colleagueProject(Buffer.from(made.data!, 'base64'), ANNA);
    await code(anna, source.id, 'La rete', 'Rete');
    const back = (await makeReturnPackage(anna)).bytes;
    await anna.close();

    const preview = await call('teamMergePreview', {
      fileName: 'ritorno.campopkg',
      data: back.toString('base64'),
      matches: [],
    });
    expect(preview).toMatchObject({ hasBase: true, conflicts: [], empty: false });
    expect(preview.report.coders).toMatchObject([{ coderId: ANNA.id, added: 1 }]);
    const merged = await call('teamMergeApply', {
      token: preview.token,
      matches: [],
      decisions: {},
    });
    expect(merged.mergeId).not.toBeNull();
    const view = await call('sourceGet', { id: source.id });
    expect(view.codings.map((coding) => coding.coderId)).toEqual([ANNA.id]);

    // Coder filters: retrieval and co-occurrence over one coder's layer.
    expect(await call('segmentsRetrieve', { coderIds: [ANNA.id] })).toHaveLength(1);
    expect(await call('segmentsRetrieve', { coderIds: [me.id] })).toHaveLength(0);
    expect(await call('segmentsRetrieve', {})).toHaveLength(1);
    const codeId = (await call('projectCurrent', {}))!.project.codes.find(
      (c) => c.name === 'Rete',
    )!.id;
    const annaOnly = await call('matrixCooccurrence', { codeIds: [codeId], coderIds: [ANNA.id] });
    const leadOnly = await call('matrixCooccurrence', { codeIds: [codeId], coderIds: [me.id] });
    expect([annaOnly.counts[0]![0], leadOnly.counts[0]![0]]).toEqual([1, 0]);
    const frequency = async (coderIds?: string[]) =>
      (await call('codeCounts', coderIds ? { coderIds } : {})).find((row) => row.codeId === codeId)
        ?.codings ?? 0;
    expect([await frequency(), await frequency([ANNA.id]), await frequency([me.id])]).toEqual([
      1, 1, 0,
    ]);

    const xlsx = await call('teamMergeReportExport', { mergeId: merged.mergeId!, target: null });
    const book = XLSX.read(Buffer.from(xlsx.data!, 'base64'), { type: 'buffer' });
    const coders = XLSX.utils.sheet_to_json<string[]>(book.Sheets['Codificatori']!, { header: 1 });
    expect(coders[1]).toEqual([ANNA.id, 1, 0, 0]);
    expect(book.SheetNames).toEqual([
      'Riepilogo',
      'Codificatori',
      'Conflitti',
      'Modifiche',
      'Codifiche sostituite',
      'Non applicato',
      'Testi corretti dal collega',
      'Abbinamenti',
    ]);

    const undone = await call('teamMergeUndo', { mergeId: merged.mergeId! });
    expect(undone.project.merges).toEqual([]);
    expect((await call('sourceGet', { id: source.id })).codings).toEqual([]);
    const error = await refusal('teamMergeUndo', { mergeId: merged.mergeId! });
    expect(error.code).toBe('NOT_FOUND');
    project = undone.project;
    expect(project.evaluators.some((member) => member.id === ANNA.id)).toBe(false);
  });

  it('refuses to undo a merge once anything followed it, in this session or an earlier one', async () => {
    // Found by a newcomer walk-through: after a merge, consensus decisions, a coding and a DV
    // answer, «Annulla l'unione» restored the backup and all of that work was gone.
    const mergedProject = async () => {
      const lead = await projectCore();
      await lead.call('identitySet', { name: 'Laura Neri', initials: '' });
      await lead.call('codeAdd', { name: 'Rete', parentId: null });
      const source = await lead.call('transcriptImport', {
        title: 'Intervista',
        origin: 'typed',
        text: TEXT,
        turns: [],
      });
      const made = await lead.call('teamPackageMake', {
        sourceIds: null,
        blind: true,
        forEvaluatorId: null,
        target: null,
      });
      const anna = await colleagueProject(Buffer.from(made.data!, 'base64'), ANNA);
      await code(anna, source.id, 'La rete', 'Rete');
      const back = (await makeReturnPackage(anna)).bytes;
      await anna.close();
      const preview = await lead.call('teamMergePreview', {
        fileName: 'ritorno.campopkg',
        data: back.toString('base64'),
        matches: [],
      });
      const merged = await lead.call('teamMergeApply', {
        token: preview.token,
        matches: [],
        decisions: {},
      });
      return { ...lead, source, mergeId: merged.mergeId! };
    };

    // A coding saved after the merge.
    const coded = await mergedProject();
    const codeId = (await coded.call('projectCurrent', {}))!.project.codes[0]!.id;
    const start = TEXT.indexOf('rete');
    expect(await coded.call('teamMergeUndoable', {})).toBe(coded.mergeId);
    await coded.call('codingApply', { sourceId: coded.source.id, codeId, start, end: start + 4 });
    expect((await coded.refusal('teamMergeUndo', { mergeId: coded.mergeId })).code).toBe(
      'MERGE_UNDO_REFUSED',
    );
    expect((await coded.call('sourceGet', { id: coded.source.id })).codings).toHaveLength(2);
    expect(await coded.call('teamMergeUndoable', {})).toBeNull();

    // An answer typed, then the project closed and opened again: a new session has saved
    // nothing, but the project changed after the merge all the same.
    const answered = await mergedProject();
    const question = await answered.call('questionAdd', {
      text: 'Il partenariato ha contribuito?',
    });
    await answered.call('projectClose', {});
    await answered.call('projectOpen', { path: answered.dir });
    expect((await answered.refusal('teamMergeUndo', { mergeId: answered.mergeId })).code).toBe(
      'MERGE_UNDO_REFUSED',
    );
    expect(await answered.call('teamMergeUndoable', {})).toBeNull();
    const after = (await answered.call('projectCurrent', {}))!.project;
    expect(after.questions.map((q) => q.id)).toEqual([question.id]);
  });

  it('offers the return to the lead only in a project opened from a work package', async () => {
    const lead = await projectCore();
    await lead.call('identitySet', { name: 'Laura Neri', initials: '' });
    expect(await lead.call('teamOrigin', {})).toBeNull();
    expect((await lead.refusal('teamReturnMake', { target: null })).code).toBe('NOT_RECEIVED');
    const made = await lead.call('teamPackageMake', {
      sourceIds: null,
      blind: false,
      forEvaluatorId: null,
      target: null,
    });

    const colleague = await projectCore();
    await colleague.call('identitySet', { name: 'Anna Bianchi', initials: '' });
    await colleague.call('teamPackageOpen', {
      fileName: made.fileName,
      data: made.data!,
      parentDir: null,
    });
    const origin = await colleague.call('teamOrigin', {});
    expect(origin).toMatchObject({ from: 'Laura Neri' });
    expect(Number.isNaN(Date.parse(origin!.at))).toBe(false);
    const back = await colleague.call('teamReturnMake', { target: null });
    expect(back.fileName).toMatch(/Anna Bianchi\.campopkg$/);
    await lead.core.shutdown();
    await colleague.core.shutdown();
  });
});
