import { describe, expect, it } from 'vitest';
import { reanchorCodings, reanchorTurns } from '../../../src/shared/domain/reanchor';
import { newEvaluator } from '../../../src/shared/domain/team';
import { openProject } from '../../../src/main/core/store/project-store';
import { applyMerge, previewMerge } from '../../../src/main/core/team/merge-run';
import {
  makeReturnPackage,
  makeWorkPackage,
  readPackage,
} from '../../../src/main/core/team/packages';
import { ANNA, LEAD, TEXT, code, colleagueProject, leadProject } from '../../helpers/team';

describe('a colleague’s work on a transcript the lead corrected meanwhile', () => {
  it('comes in on the corrected text: moved with its words, flagged where they changed', async () => {
    const lead = await leadProject();
    // The lead's own coding travels in the package too (not blind): it is no work of Anna's.
    await code(lead.session, lead.sourceId, 'i piccoli comuni', 'Ostacoli');
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: false });

    // Anna codes three passages of the transcript as it was.
    const anna = await colleagueProject(work.bytes, ANNA);
    await anna.mutate((project) => {
      project.evaluators.push(newEvaluator(anna.evaluator, project.evaluators));
    });
    await code(anna, lead.sourceId, 'troppo complesso', 'Ostacoli');
    await code(anna, lead.sourceId, 'La rete con i servizi per il lavoro', 'Rete');
    await code(anna, lead.sourceId, 'Servirebbero più risorse', 'Ostacoli');
    const back = await readPackage((await makeReturnPackage(anna)).bytes, 'r.campopkg');
    await anna.close();

    // Meanwhile the lead fixes two places: one before all her passages, one inside the last.
    const corrected = TEXT.replace('Il bando', 'Il primo bando').replace(
      'più risorse',
      'maggiori risorse',
    );
    await lead.session.mutateSource(lead.sourceId, (draft) => {
      draft.codings = reanchorCodings(draft.codings, draft.text, corrected).codings;
      draft.turns = reanchorTurns(draft.turns, draft.text, corrected);
      draft.text = corrected;
    });

    const preview = await previewMerge(lead.session, back);
    expect(preview.report.notMerged).toEqual([]);
    expect(preview.report.reanchored).toEqual([
      {
        sourceId: lead.sourceId,
        label: 'Intervista INT-01',
        coder: ANNA.name,
        codings: 3,
        flagged: 1,
      },
    ]);
    const merged = await applyMerge(lead.session, back, {});
    expect(merged.written).toBe(true);

    const session = await openProject(lead.session.dir, { evaluator: LEAD });
    const source = await session.readSource(lead.sourceId);
    expect(source.text).toBe(corrected);
    const hers = source.codings.filter((coding) => coding.coderId === ANNA.id);
    const read = (text: string) => hers.find((coding) => coding.text === text)!;
    for (const words of ['troppo complesso', 'La rete con i servizi per il lavoro']) {
      const coding = read(words);
      expect(coding.textChanged).toBe(false);
      expect(corrected.slice(coding.start, coding.end)).toBe(words);
    }
    const mine = source.codings.filter((coding) => coding.coderId === LEAD.id);
    expect(mine.map((coding) => corrected.slice(coding.start, coding.end))).toEqual([
      'i piccoli comuni',
    ]);
    // Her words changed under the last one: kept, over what they became, for her to check.
    const changed = read('Servirebbero più risorse');
    expect(changed.textChanged).toBe(true);
    expect(corrected.slice(changed.start, changed.end)).toBe('Servirebbero maggiori risorse');
    await session.close();
  });
});
