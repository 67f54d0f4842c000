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

describe('a transcript the colleague corrected while the lead did not', () => {
  it('comes in with her correction: every layer moved onto it, hers intact, nothing reported as left out', async () => {
    const lead = await leadProject();
    await code(lead.session, lead.sourceId, 'i piccoli comuni', 'Ostacoli');
    await code(lead.session, lead.sourceId, 'Servirebbero più risorse', 'Ostacoli');
    const work = await makeWorkPackage(lead.session, {
      sourceIds: null,
      blind: false,
      withNames: true,
    });

    // Anna fixes a typo-like wording before the lead's passages and codes on the fixed text.
    const anna = await colleagueProject(work.bytes, ANNA);
    await anna.mutate((project) => {
      project.evaluators.push(newEvaluator(anna.evaluator, project.evaluators));
    });
    const corrected = TEXT.replace('Il bando', 'Il primo bando').replace(
      'più risorse',
      'maggiori risorse',
    );
    await anna.mutateSource(lead.sourceId, (draft) => {
      draft.codings = reanchorCodings(draft.codings, draft.text, corrected).codings;
      draft.turns = reanchorTurns(draft.turns, draft.text, corrected);
      draft.text = corrected;
    });
    await code(anna, lead.sourceId, 'Il primo bando', 'Rete', corrected);
    await code(anna, lead.sourceId, 'La rete con i servizi per il lavoro', 'Rete', corrected);
    const back = await readPackage((await makeReturnPackage(anna)).bytes, 'r.campopkg');
    await anna.close();

    const preview = await previewMerge(lead.session, back);
    expect(preview.report.notMerged).toEqual([]);
    expect(preview.conflicts).toEqual([]);
    // Of the lead's two codings, the one whose words she changed is flagged for review.
    expect(preview.report.textsTaken).toEqual([
      { sourceId: lead.sourceId, label: 'Intervista INT-01', codings: 2, flagged: 1 },
    ]);
    expect((await applyMerge(lead.session, back, {})).written).toBe(true);

    const session = await openProject(lead.session.dir, { evaluator: LEAD });
    const source = await session.readSource(lead.sourceId);
    expect(source.text).toBe(corrected);
    const hers = source.codings.filter((coding) => coding.coderId === ANNA.id);
    expect(hers.map((coding) => corrected.slice(coding.start, coding.end)).sort()).toEqual([
      'Il primo bando',
      'La rete con i servizi per il lavoro',
    ]);
    expect(hers.every((coding) => !coding.textChanged)).toBe(true);
    const mine = source.codings.filter((coding) => coding.coderId === LEAD.id);
    const moved = mine.find((coding) => coding.text === 'i piccoli comuni')!;
    expect(corrected.slice(moved.start, moved.end)).toBe('i piccoli comuni');
    expect(moved.textChanged).toBe(false);
    const flagged = mine.find((coding) => coding.textChanged)!;
    expect(corrected.slice(flagged.start, flagged.end)).toBe('Servirebbero maggiori risorse');
    await session.close();
  });

  it('is reported and left out when the lead corrected it too', async () => {
    const lead = await leadProject();
    const work = await makeWorkPackage(lead.session, {
      sourceIds: null,
      blind: false,
      withNames: true,
    });
    const anna = await colleagueProject(work.bytes, ANNA);
    const theirs = TEXT.replace('Il bando', 'Il primo bando');
    await anna.mutateSource(lead.sourceId, (draft) => {
      draft.turns = reanchorTurns(draft.turns, draft.text, theirs);
      draft.text = theirs;
    });
    const back = await readPackage((await makeReturnPackage(anna)).bytes, 'r.campopkg');
    await anna.close();
    const ours = TEXT.replace('più risorse', 'maggiori risorse');
    await lead.session.mutateSource(lead.sourceId, (draft) => {
      draft.turns = reanchorTurns(draft.turns, draft.text, ours);
      draft.text = ours;
    });
    const preview = await previewMerge(lead.session, back);
    expect(preview.report.textsTaken).toBeUndefined();
    expect(preview.report.notMerged.map((item) => item.kind)).toEqual(['source-text']);
    await lead.session.close();
  });

  it("sent without names, comes back with the lead's names: her edit made again on the lead's words", async () => {
    const lead = await leadProject();
    const named = `${TEXT} Ne parla Giulia Colombo, funzionaria.`;
    await lead.session.mutate((project) => {
      project.participants[1]!.name = 'Giulia Colombo';
    });
    await lead.session.mutateSource(lead.sourceId, (draft) => {
      draft.text = named;
    });
    await code(lead.session, lead.sourceId, 'i piccoli comuni', 'Ostacoli');
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: false });

    const anna = await colleagueProject(work.bytes, ANNA);
    await anna.mutate((project) => {
      project.evaluators.push(newEvaluator(anna.evaluator, project.evaluators));
    });
    const sent = (await anna.readDoc(lead.sourceId)).text;
    expect(sent).toBe(`${TEXT} Ne parla INT-02, funzionaria.`);
    const hers = sent.replace('Il bando', 'Il primo bando');
    await anna.mutateSource(lead.sourceId, (draft) => {
      draft.codings = reanchorCodings(draft.codings, draft.text, hers).codings;
      draft.text = hers;
    });
    await code(anna, lead.sourceId, 'Il primo bando', 'Rete', hers);
    await code(anna, lead.sourceId, 'Ne parla INT-02', 'Rete', hers);
    const back = await readPackage((await makeReturnPackage(anna)).bytes, 'r.campopkg');
    await anna.close();

    const preview = await previewMerge(lead.session, back);
    expect(preview.report.notMerged).toEqual([]);
    expect(preview.report.textsTaken).toEqual([
      { sourceId: lead.sourceId, label: 'Intervista INT-01', codings: 1, flagged: 0 },
    ]);
    expect((await applyMerge(lead.session, back, {})).written).toBe(true);

    const session = await openProject(lead.session.dir, { evaluator: LEAD });
    const source = await session.readSource(lead.sourceId);
    const expected = named.replace('Il bando', 'Il primo bando');
    expect(source.text).toBe(expected);
    expect(source.text).not.toContain('INT-02');
    const passages = (coderId: string) =>
      source.codings
        .filter((coding) => coding.coderId === coderId)
        .map((coding) => [expected.slice(coding.start, coding.end), coding.textChanged])
        .sort();
    expect(passages(ANNA.id)).toEqual([
      ['Il primo bando', false],
      ['Ne parla Giulia Colombo', false],
    ]);
    expect(passages(LEAD.id)).toEqual([['i piccoli comuni', false]]);
    await session.close();
  });

  it("sent without names, an edit over a name is not made on the lead's text, but reported", async () => {
    const lead = await leadProject();
    await lead.session.mutate((project) => {
      project.participants[1]!.name = 'Giulia Colombo';
    });
    await lead.session.mutateSource(lead.sourceId, (draft) => {
      draft.text = `${TEXT} Ne parla Giulia Colombo, funzionaria.`;
    });
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: false });
    const anna = await colleagueProject(work.bytes, ANNA);
    const sent = (await anna.readDoc(lead.sourceId)).text;
    await anna.mutateSource(lead.sourceId, (draft) => {
      // The pseudonym itself rewritten: what name stands there now cannot be told.
      draft.text = sent.replace('Ne parla INT-02,', 'Ne parla la dirigente,');
    });
    const back = await readPackage((await makeReturnPackage(anna)).bytes, 'r.campopkg');
    await anna.close();
    const preview = await previewMerge(lead.session, back);
    expect(preview.report.textsTaken).toBeUndefined();
    expect(preview.report.notMerged.map((item) => item.kind)).toEqual(['source-text']);
    await lead.session.close();
  });
});
