import { describe, expect, it } from 'vitest';
import { openProject } from '../../../src/main/core/store/project-store';
import { applyMerge, previewMerge } from '../../../src/main/core/team/merge-run';
import {
  makeReturnPackage,
  readPackage,
  readProjectFolder,
} from '../../../src/main/core/team/packages';
import { ANNA, LEAD, code, codingsByCoder, leadProject } from '../../helpers/team';

describe('two projects started apart', () => {
  it('match codes and participants by name through the preview the lead confirms, then merge by id', async () => {
    // Two evaluators each created "their" project with the same codebook and participants.
    const lead = await leadProject('Valutazione FSE', LEAD);
    const anna = await leadProject('Valutazione FSE (Anna)', ANNA);
    await code(anna.session, anna.sourceId, 'La rete con i servizi per il lavoro', 'Rete');
    await anna.session.mutate((project) => {
      project.participants.find((entry) => entry.code === 'INT-02')!.organisation =
        'Comune di Lodi';
    });
    const { bytes } = await makeReturnPackage(anna.session);
    await anna.session.close();
    const pkg = await readPackage(bytes, 'anna.campopkg');

    const preview = await previewMerge(lead.session, pkg);
    expect(preview.hasBase).toBe(false);
    expect(preview.proposals.map((match) => `${match.kind}:${match.label}`).sort()).toEqual([
      'code:Ostacoli',
      'code:Rete',
      'participant:INT-01',
      'participant:INT-02',
    ]);
    // A participant's proposal shows what tells the two apart (role, organisation; no name).
    expect(preview.proposals.find((match) => match.label === 'INT-02')!.sides).toEqual({
      ours: 'Funzionaria',
      theirs: 'Funzionaria · Comune di Lodi',
    });
    // The lead confirms the participants and the code "Rete", and leaves "Ostacoli" apart.
    const confirmed = preview.proposals.filter((match) => match.label !== 'Ostacoli');
    const withMatches = await previewMerge(lead.session, pkg, { matches: confirmed });
    // No base: where both have a value and they differ, the lead decides (nothing silent).
    const decisions = Object.fromEntries(
      withMatches.conflicts.map((entry) => [entry.key, 'theirs' as const]),
    );
    const outcome = await applyMerge(lead.session, pkg, { matches: confirmed, decisions });
    expect(outcome.written).toBe(true);
    expect(outcome.report.matches).toHaveLength(3);

    const session = await openProject(lead.session.dir, { evaluator: LEAD });
    // Matched: one INT-02 (with Anna's organisation), one "Rete"; "Ostacoli" kept apart twice.
    expect(session.project.participants.map((entry) => entry.code).sort()).toEqual([
      'INT-01',
      'INT-02',
    ]);
    expect(
      session.project.participants.find((entry) => entry.code === 'INT-02')!.organisation,
    ).toBe('Comune di Lodi');
    expect(session.project.codes.map((entry) => entry.name).sort()).toEqual([
      'Ostacoli',
      'Ostacoli',
      'Rete',
    ]);
    // Anna's source came in with her coding, on the lead's "Rete".
    expect(session.project.sources).toHaveLength(2);
    expect(await codingsByCoder(session, anna.sourceId)).toEqual({
      [ANNA.id]: ['Rete: La rete con i servizi per il lavoro'],
    });
    // Merging the same state again (as a folder this time, same content) adds nothing twice.
    await session.close();
    const again = await openProject(lead.session.dir, { evaluator: LEAD });
    const twice = await applyMerge(again, pkg, { matches: confirmed, decisions });
    expect(twice.written).toBe(false);
    expect(twice.report.alreadyMerged).toBe(true);
    await again.close();
  });

  it('reads another Campo project folder as the colleague’s side', async () => {
    const anna = await leadProject('Progetto di Anna', ANNA);
    await anna.session.close();
    const read = await readProjectFolder(anna.session.dir);
    expect(read.base).toBeNull();
    expect(read.theirs.project.meta.title).toBe('Progetto di Anna');
    const repeat = await readProjectFolder(anna.session.dir);
    expect(repeat.manifest.packageId).toBe(read.manifest.packageId);
  });
});
