import { describe, expect, it } from 'vitest';
import { newEvaluator } from '../../../src/shared/domain/team';
import { openProject } from '../../../src/main/core/store/project-store';
import { applyMerge, previewMerge } from '../../../src/main/core/team/merge-run';
import {
  makeReturnPackage,
  makeWorkPackage,
  readPackage,
} from '../../../src/main/core/team/packages';
import { ANNA, LEAD, code, colleagueProject, leadProject } from '../../helpers/team';

describe('a conflict decided once', () => {
  it('is proposed with the same decision when the colleague returns work again, unless she changed it', async () => {
    const lead = await leadProject();
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: true });
    const anna = await colleagueProject(work.bytes, ANNA);
    await anna.mutate((project) => {
      project.evaluators.push(newEvaluator(anna.evaluator, project.evaluators));
      project.codes.find((entry) => entry.name === 'Ostacoli')!.name = 'Ostacoli amministrativi';
    });
    await code(anna, lead.sourceId, 'troppo complesso', 'Ostacoli amministrativi');
    const first = await readPackage((await makeReturnPackage(anna)).bytes, 'r1.campopkg');

    // The lead renamed the same code: a conflict, decided for the lead's name.
    await lead.session.mutate((project) => {
      project.codes.find((entry) => entry.name === 'Ostacoli')!.name = 'Barriere';
    });
    const asked = await previewMerge(lead.session, first);
    expect(asked.conflicts).toHaveLength(1);
    expect(asked.remembered).toEqual({});
    const key = asked.conflicts[0]!.key;
    await applyMerge(lead.session, first, { decisions: { [key]: 'ours' } });

    // Anna codes one more passage and returns her work again, from the same package.
    await code(anna, lead.sourceId, 'La rete con i servizi per il lavoro', 'Rete');
    const second = await readPackage((await makeReturnPackage(anna)).bytes, 'r2.campopkg');
    let session = await openProject(lead.session.dir, { evaluator: LEAD });
    const again = await previewMerge(session, second);
    expect(again.conflicts.map((conflict) => conflict.key)).toEqual([key]);
    expect(again.remembered).toEqual({ [key]: 'ours' });
    expect((await applyMerge(session, second, { decisions: again.remembered })).written).toBe(true);
    session = await openProject(lead.session.dir, { evaluator: LEAD });
    expect(session.project.codes.map((entry) => entry.name).sort()).toEqual(['Barriere', 'Rete']);

    // She renames it once more: a new question, asked again.
    await anna.mutate((project) => {
      project.codes.find((entry) => entry.name === 'Ostacoli amministrativi')!.name = 'Vincoli';
    });
    const third = await readPackage((await makeReturnPackage(anna)).bytes, 'r3.campopkg');
    expect((await previewMerge(session, third)).remembered).toEqual({});
    await anna.close();
    await session.close();
  });

  it("a return holding only edits that conflict with the lead's can be merged, either way", async () => {
    // Found by a newcomer walk-through: «Niente di nuovo da unire» and «Unisci» never enabled.
    for (const decision of ['theirs', 'ours'] as const) {
      const lead = await leadProject();
      const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: true });
      const anna = await colleagueProject(work.bytes, ANNA);
      await anna.mutate((project) => {
        project.codes.find((entry) => entry.name === 'Ostacoli')!.name = 'Ostacoli amministrativi';
      });
      const back = await readPackage((await makeReturnPackage(anna)).bytes, 'r.campopkg');
      await anna.close();
      await lead.session.mutate((project) => {
        project.codes.find((entry) => entry.name === 'Ostacoli')!.name = 'Barriere';
      });
      const preview = await previewMerge(lead.session, back);
      expect(preview.conflicts).toHaveLength(1);
      expect(preview.empty).toBe(false);
      const key = preview.conflicts[0]!.key;
      const merged = await applyMerge(lead.session, back, { decisions: { [key]: decision } });
      expect(merged.written).toBe(true);
      const session = await openProject(lead.session.dir, { evaluator: LEAD });
      expect(session.project.codes.map((entry) => entry.name).sort()).toEqual([
        decision === 'theirs' ? 'Ostacoli amministrativi' : 'Barriere',
        'Rete',
      ]);
      // The decision is kept with the merge, to be proposed again.
      expect(session.project.merges).toHaveLength(1);
      await session.close();
    }
  });
});
