import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newEvaluator } from '../../../src/shared/domain/team';
import type { Coding } from '../../../src/shared/model/source';
import { Archive } from '../../../src/main/core/exchange/qdpx-zip';
import { openProject } from '../../../src/main/core/store/project-store';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { applyMerge, previewMerge } from '../../../src/main/core/team/merge-run';
import {
  makeReturnPackage,
  makeWorkPackage,
  readPackage,
} from '../../../src/main/core/team/packages';
import { ANNA, LEAD, colleagueProject, leadProject } from '../../helpers/team';

const SAID =
  'Giovanni Ferri ha detto che il bando era troppo complesso. La signora Colombo ha seguito la rete con i servizi. Ferri chiede più risorse per la formazione.';
const NAMES = /giovanni|ferri|maria|colombo/i;

/** The lead's project: two named participants, and a transcript that names them. */
async function namedTranscript() {
  const lead = await leadProject();
  await lead.session.mutate((project) => {
    project.participants[0]!.name = 'Giovanni Ferri';
    project.participants[1]!.name = 'Maria Colombo';
  });
  const at = new Date().toISOString();
  const source = await lead.session.addSource({
    id: randomUUID(),
    title: 'Intervista a Ferri',
    kind: 'transcript',
    origin: 'typed',
    fictional: true,
    text: SAID,
    turns: [
      [0, SAID.indexOf(' La signora')],
      [SAID.indexOf('La signora'), SAID.length],
    ].map(([start, end], i) => ({
      id: `t${i}`,
      speaker: 'Giovanni Ferri',
      participantId: lead.session.project.participants[0]!.id,
      start: start!,
      end: end!,
      time: null,
      guideQuestionId: null,
      questionIds: [],
    })),
    createdAt: at,
    updatedAt: at,
    codings: [],
    memos: [],
  });
  return { lead, sourceId: source.id };
}

/** Codes the first occurrence of `words` in the source's text as it reads in `session`. */
async function codeWords(
  session: ProjectSession,
  sourceId: string,
  words: string,
  codeName: string,
  memo = '',
) {
  const text = (await session.readSource(sourceId)).text;
  const start = text.indexOf(words);
  expect(start).toBeGreaterThanOrEqual(0);
  const coding: Coding = {
    id: randomUUID(),
    codeId: session.project.codes.find((code) => code.name === codeName)!.id,
    start,
    end: start + words.length,
    text: words,
    coderId: session.evaluator.id,
    memo,
    key: false,
    textChanged: false,
    createdAt: new Date().toISOString(),
  };
  await session.mutateSource(sourceId, (draft) => {
    draft.codings.push(coding);
  });
}

/** Every file of a package as text. */
async function packageTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const archive = new Archive(bytes, 'p.campopkg', 1 << 30, 'pacchetto');
  const texts = new Map<string, string>();
  for (const name of archive.names()) {
    const entry = archive.find(name)!;
    texts.set(name, Buffer.from(await archive.read(entry, 1 << 30)).toString('utf8'));
  }
  return texts;
}

/** A colleague codes the package's text (with pseudonyms) and returns it. */
async function annaCodes(workBytes: Uint8Array, sourceId: string) {
  const anna = await colleagueProject(workBytes, ANNA);
  await anna.mutate((project) => {
    project.evaluators.push(newEvaluator(anna.evaluator, project.evaluators));
  });
  const doc = await anna.readSource(sourceId);
  const text = doc.text;
  // The turns moved with the words: each still covers its sentences.
  const turns = doc.turns.map((turn) => [turn.speaker, text.slice(turn.start, turn.end)]);
  await codeWords(anna, sourceId, 'La signora INT-02 ha seguito la rete', 'Rete');
  await codeWords(anna, sourceId, 'più risorse', 'Ostacoli');
  const back = await readPackage((await makeReturnPackage(anna)).bytes, 'r.campopkg');
  await anna.close();
  return { text, turns, back };
}

describe('a transcript in a work package without names', () => {
  it('travels with pseudonyms, and the colleague’s codings come back onto the lead’s words', async () => {
    const { lead, sourceId } = await namedTranscript();
    await codeWords(lead.session, sourceId, 'Giovanni Ferri ha detto', 'Ostacoli', 'Ferri: chiave');
    await codeWords(lead.session, sourceId, 'troppo complesso', 'Ostacoli');
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: false });

    // No file of the package names a participant: texts, titles, passages, memos.
    const texts = await packageTexts(work.bytes);
    for (const [name, text] of texts) expect([name, NAMES.test(text)]).toEqual([name, false]);
    expect(work.manifest.version).toBe(2);

    const { text, turns, back } = await annaCodes(work.bytes, sourceId);
    expect(text).toBe(
      'INT-01 ha detto che il bando era troppo complesso. La signora INT-02 ha seguito la rete con i servizi. INT-01 chiede più risorse per la formazione.',
    );
    expect(turns).toEqual([
      ['INT-01', 'INT-01 ha detto che il bando era troppo complesso.'],
      [
        'INT-01',
        'La signora INT-02 ha seguito la rete con i servizi. INT-01 chiede più risorse per la formazione.',
      ],
    ]);

    const preview = await previewMerge(lead.session, back);
    expect(preview.report.conflicts).toEqual([]);
    expect(preview.report.notMerged).toEqual([]);
    expect(preview.report.reanchored ?? []).toEqual([]);
    expect(preview.report.coders.map((coder) => [coder.coderId, coder.added])).toEqual([
      [ANNA.id, 2],
    ]);
    await applyMerge(lead.session, back, {});

    const session = await openProject(lead.session.dir, { evaluator: LEAD });
    const source = await session.readSource(sourceId);
    expect(source.text).toBe(SAID);
    const read = (coderId: string) =>
      source.codings
        .filter((coding) => coding.coderId === coderId)
        .map((coding) => [SAID.slice(coding.start, coding.end), coding.text, coding.textChanged])
        .sort();
    // Hers over the lead's words, names included, intact (not flagged, not drifted).
    expect(read(ANNA.id)).toEqual([
      ['La signora Colombo ha seguito la rete', 'La signora Colombo ha seguito la rete', false],
      ['più risorse', 'più risorse', false],
    ]);
    // The lead's own, untouched by her, as they were, with the memo as the lead wrote it.
    expect(read(LEAD.id)).toEqual([
      ['Giovanni Ferri ha detto', 'Giovanni Ferri ha detto', false],
      ['troppo complesso', 'troppo complesso', false],
    ]);
    expect(source.codings.find((coding) => coding.coderId === LEAD.id && coding.memo)?.memo).toBe(
      'Ferri: chiave',
    );
    await session.close();
  });

  it('carries them by their words when a name changed at the lead’s meanwhile', async () => {
    const { lead, sourceId } = await namedTranscript();
    await codeWords(lead.session, sourceId, 'Giovanni Ferri ha detto', 'Ostacoli');
    const work = await makeWorkPackage(lead.session, { sourceIds: null, blind: false });
    const { back } = await annaCodes(work.bytes, sourceId);
    // The lead corrects the register: replaying the replacement no longer gives her text.
    await lead.session.mutate((project) => {
      project.participants[1]!.name = 'Maria Colombi';
    });

    const preview = await previewMerge(lead.session, back);
    expect(preview.report.conflicts).toEqual([]);
    expect(preview.report.reanchored).toEqual([
      expect.objectContaining({ sourceId, coder: ANNA.name, codings: 2, flagged: 1 }),
    ]);
    await applyMerge(lead.session, back, {});
    const session = await openProject(lead.session.dir, { evaluator: LEAD });
    const source = await session.readSource(sourceId);
    const hers = source.codings.filter((coding) => coding.coderId === ANNA.id);
    const at = (coding: Coding) => SAID.slice(coding.start, coding.end);
    // Never read on the wrong words: moved with its words, or kept for her to check.
    expect(hers.map((coding) => [at(coding), coding.textChanged]).sort()).toEqual([
      ['La signora Colombo ha seguito la rete', true],
      ['più risorse', false],
    ]);
    const mine = source.codings.filter((coding) => coding.coderId === LEAD.id);
    expect(mine.map((coding) => [at(coding), coding.textChanged])).toEqual([
      ['Giovanni Ferri ha detto', false],
    ]);
    await session.close();
  });
});
