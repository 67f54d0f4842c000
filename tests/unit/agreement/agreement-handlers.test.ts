import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONSENSUS_EVALUATOR_ID } from '../../../src/shared/domain/agreement-consensus';
import { consensusSpans } from '../../../src/shared/domain/agreement-disagreements';
import { choiceSpans, disagreementEntries } from '../../../src/shared/domain/agreement-pairs';
import { testCore } from '../../helpers/core';
import { savedLayer } from '../../helpers/store';
import { dispatch } from '../../../src/main/core/dispatch';
import { createLogger } from '../../../src/main/core/logger';
import type { HandlerArgs, HandlerName, HandlerResult } from '../../../src/shared/ipc/contract';
import { tempDir } from '../../helpers/temp-dir';
import { ANNA, BRUNO, writeTwoCoderProject } from '../../helpers/two-coders';

const logger = createLogger(null);

async function openTwoCoders() {
  const { core } = await testCore();
  const fixture = await writeTwoCoderProject(await tempDir());
  const call = async <K extends HandlerName>(name: K, args: HandlerArgs<K>) => {
    const answer = await dispatch(core.handlers, name, args, logger, { clientId: 'lead' });
    if (!answer.ok) throw new Error(`${name}: ${answer.error.code} ${answer.error.message}`);
    return answer.value as HandlerResult<K>;
  };
  await call('projectOpen', { path: fixture.dir });
  return { core, call, ...fixture };
}

describe('agreement over the coder layers of an open project', () => {
  it('computes character-level agreement checked by hand, per code and pooled', async () => {
    const { call, core, delays, simpler } = await openTwoCoders();
    const result = await call('agreementCompute', {});
    expect(result.coders).toEqual([ANNA.id, BRUNO.id]);
    expect(result.available.map((c) => [c.id, c.name, c.codings, c.sources])).toEqual([
      [ANNA.id, ANNA.name, 2, 1],
      [BRUNO.id, BRUNO.name, 2, 1],
    ]);
    const pair = result.study!.character.pairs[0]!;
    const byCode = new Map(pair.byCode.map((row) => [row.codeId, row]));
    expect(byCode.get(delays.id)!.percent).toBeCloseTo(60, 10);
    expect(byCode.get(delays.id)!.kappa).toBeCloseTo(0.08 / 0.48, 10);
    expect(byCode.get(simpler.id)!.percent).toBeCloseTo(90, 10);
    expect(byCode.get(simpler.id)!.kappa).toBeCloseTo(0.36 / 0.46, 10);
    expect(pair.overall.percent).toBeCloseTo(75, 10);
    expect(pair.overall.kappa).toBeCloseTo(0.22 / 0.47, 10);
    // Segments: Ritardi overlap 20/60 < 90 %; Semplificazione 30/40 = 75 % < 90 %.
    expect(result.study!.segment.pairs[0]!.overall.agreeing).toEqual([0, 0]);
    const lower = await call('agreementCompute', { threshold: 0.7 });
    expect(lower.study!.segment.pairs[0]!.overall.agreeing).toEqual([1, 1]);
    // Turns: both coders marked both turns with both codes' presence as follows.
    expect(result.study!.unit.units).toBe(2);
    await core.shutdown();
  });

  it('counts the documents a coder coded, not a layer that holds only a source memo', async () => {
    // Found by a newcomer walk-through: «13 codifiche in 3 documenti» for codings in two.
    const { call, core } = await openTwoCoders();
    await call('sourceMemoSave', {
      sourceId: 'src-int01',
      memoId: null,
      text: 'Da rileggere',
    });
    const { available } = await call('agreementCompute', {});
    const lead = available.find((coder) => coder.id !== ANNA.id && coder.id !== BRUNO.id);
    expect(lead).toMatchObject({ codings: 0, sources: 0 });
    expect(available.find((coder) => coder.id === ANNA.id)).toMatchObject({
      codings: 2,
      sources: 1,
    });
    await core.shutdown();
  });

  it('points each half of «the same passage, another code» at the other', async () => {
    // Found by a newcomer walk-through: one coder's DV1 and the other's DV2 on one passage were
    // two unrelated «coded by one side» items.
    const { call, core, sourceId, delays, simpler } = await openTwoCoders();
    expect(
      (await call('agreementDisagreements', {})).disagreements.map((d) => d.otherCodes),
    ).toEqual([[], []]);
    await call('codingApply', { sourceId, codeId: simpler.id, start: 0, end: 40 });
    const lead = (await call('sourceGet', { id: sourceId })).codings.find(
      (coding) => coding.coderId !== ANNA.id && coding.coderId !== BRUNO.id,
    )!.coderId;
    const { disagreements } = await call('agreementDisagreements', { coders: [ANNA.id, lead] });
    const at = (codeId: string) =>
      disagreements.find((d) => d.codeId === codeId && d.start === 0)!.otherCodes;
    expect(at(delays.id)).toEqual([{ coderId: lead, codeId: simpler.id }]);
    expect(at(simpler.id)).toEqual([{ coderId: ANNA.id, codeId: delays.id }]);

    // The browser lists the two as one choice between codes; keeping the lead's code decides
    // both in one step: Semplificazione as the lead coded it, Ritardi «neither».
    const entries = disagreementEntries(disagreements);
    const pair = entries.find((entry) => entry.items.length === 2)!;
    expect(entries).toHaveLength(disagreements.length - 1);
    const items = pair.items.map((i) => disagreements[i]!);
    expect(items.map((item) => item.codeId).sort()).toEqual([delays.id, simpler.id].sort());
    const spans = choiceSpans(items, { accept: lead });
    const decision = (i: number) => ({
      codeId: items[i]!.codeId,
      start: items[i]!.start,
      end: items[i]!.end,
      spans: spans[i]!,
    });
    await call('agreementResolve', { sourceId, ...decision(0), also: [decision(1)] });
    const decided = await call('agreementDisagreements', { coders: [ANNA.id, lead] });
    const now = (codeId: string) =>
      decided.disagreements.find((d) => d.codeId === codeId && d.start === 0)!;
    expect(now(simpler.id)).toMatchObject({ decided: true, consensus: [{ start: 0, end: 40 }] });
    expect(now(delays.id)).toMatchObject({ decided: true, consensus: [] });
    // One Ctrl+Z takes back both halves.
    await call('codingUndo', {});
    const undone = await call('agreementDisagreements', { coders: [ANNA.id, lead] });
    expect(
      undone.disagreements.filter((d) => d.start === 0).map((d) => [d.codeId, d.decided]),
    ).toEqual(
      expect.arrayContaining([
        [delays.id, false],
        [simpler.id, false],
      ]),
    );
    await core.shutdown();
  });

  it('lists the disagreements with their words and resolves one into the consensus layer, undoably', async () => {
    const { call, core, dir, sourceId, delays } = await openTwoCoders();
    const listed = await call('agreementDisagreements', {});
    expect(listed.total).toBe(2);
    const first = listed.disagreements[0]!;
    expect(first).toMatchObject({ codeId: delays.id, start: 0, end: 60, kind: 'extent' });
    expect(first.text).toBe('Il bando è arrivato tardi e i Comuni non avevano personale. ');
    expect(first.consensus).toEqual([]);
    // Each passage is shown with its voice, and its context keeps to that voice's turn: the
    // interviewer's words after INT-01's turn, and INT-01's before it, are not run together.
    expect(first.speaker).toEqual({ kind: 'unmatched', n: 1 });
    expect(first.after).toBe('');
    const second = listed.disagreements[1]!;
    // A role is no personal data: the interviewer shows as such, not as a numbered voice.
    expect(second.speaker).toEqual({ kind: 'label', text: 'Intervistatore' });
    expect(second.before).toBe('');
    expect(second.text).toBe('La Regione ha poi semplificato il tutto.');

    const spans = consensusSpans(first, { accept: BRUNO.id });
    await call('agreementResolve', { sourceId, codeId: delays.id, start: 0, end: 60, spans });
    const layer = (await savedLayer(dir, sourceId, CONSENSUS_EVALUATOR_ID))!;
    expect(layer.codings.map((c: { start: number; end: number }) => [c.start, c.end])).toEqual([
      [20, 60],
    ]);
    const after = await call('agreementDisagreements', {});
    expect(after.disagreements[0]!.consensus).toEqual([{ start: 20, end: 60 }]);
    // The consensus layer is never one of the compared coders by default.
    expect((await call('agreementCompute', {})).coders).toEqual([ANNA.id, BRUNO.id]);
    const project = (await call('projectCurrent', {}))!.project;
    expect(project.evaluators.map((e) => e.id)).toContain(CONSENSUS_EVALUATOR_ID);

    // Deciding again replaces the decision on that passage: "all" unites both versions.
    await call('agreementResolve', {
      sourceId,
      codeId: delays.id,
      start: 0,
      end: 60,
      spans: consensusSpans(first, 'all'),
    });
    expect((await call('agreementDisagreements', {})).disagreements[0]!.consensus).toEqual([
      { start: 0, end: 60 },
    ]);
    await call('codingUndo', {});
    expect((await call('agreementDisagreements', {})).disagreements[0]!.consensus).toEqual([
      { start: 20, end: 60 },
    ]);
    await call('codingUndo', {});
    expect((await call('agreementDisagreements', {})).disagreements[0]!.consensus).toEqual([]);
    const files = await readdir(join(dir, 'codings', sourceId));
    expect(files.sort()).toContain(`${ANNA.id}.json`);
    await core.shutdown();
  });

  it('keeps a "neither" decision on disk: still decided after reopening, undone and redone with its coding change', async () => {
    const { call, core, dir, sourceId, delays } = await openTwoCoders();
    const first = (await call('agreementDisagreements', {})).disagreements[0]!;
    expect(first.decided).toBe(false);
    // Accept Bruno first, then decide "neither": the consensus coding goes, the decision stays.
    const passage = { sourceId, codeId: delays.id, start: first.start, end: first.end };
    await call('agreementResolve', {
      ...passage,
      spans: consensusSpans(first, { accept: BRUNO.id }),
    });
    await call('agreementResolve', { ...passage, spans: consensusSpans(first, 'none') });
    const decided = (await call('agreementDisagreements', {})).disagreements[0]!;
    expect(decided).toMatchObject({ consensus: [], decided: true });
    expect((await savedLayer(dir, sourceId, CONSENSUS_EVALUATOR_ID))!.codings).toEqual([]);

    // Closed and opened again (a reload): the passage is still decided.
    await call('projectClose', {});
    await call('projectOpen', { path: dir });
    expect((await call('agreementDisagreements', {})).disagreements[0]!.decided).toBe(true);
    const project = (await call('projectCurrent', {}))!.project;
    expect(project.consensusDecisions).toMatchObject([{ ...passage, rev: 1 }]);

    // The other passage stays open.
    expect((await call('agreementDisagreements', {})).disagreements[1]!.decided).toBe(false);
    await core.shutdown();
  });

  it('keeps a "neither" decision on its passage when the text is corrected before it, still undoable', async () => {
    const { call, core, sourceId, delays } = await openTwoCoders();
    const first = (await call('agreementDisagreements', {})).disagreements[0]!;
    await call('agreementResolve', {
      sourceId,
      codeId: delays.id,
      start: first.start,
      end: first.end,
      spans: [],
    });
    const source = await call('sourceGet', { id: sourceId });
    await call('sourceTextUpdate', { sourceId, text: `Nota. ${source.text}` });
    const moved = (await call('agreementDisagreements', {})).disagreements[0]!;
    expect(moved).toMatchObject({ start: first.start + 6, end: first.end + 6, decided: true });
    expect((await call('projectCurrent', {}))!.project.consensusDecisions).toMatchObject([
      { start: first.start + 6, end: first.end + 6 },
    ]);
    // The decision, made before the correction, is undone on the corrected text.
    await call('codingUndo', {});
    expect((await call('projectCurrent', {}))!.project.consensusDecisions).toEqual([]);
    expect((await call('agreementDisagreements', {})).disagreements[0]!.decided).toBe(false);
    await core.shutdown();
  });

  it('undoes a "neither" decision with the coding it removed, and a later acceptance drops the record', async () => {
    const { call, core, sourceId, delays } = await openTwoCoders();
    const first = (await call('agreementDisagreements', {})).disagreements[0]!;
    const passage = { sourceId, codeId: delays.id, start: first.start, end: first.end };
    await call('agreementResolve', {
      ...passage,
      spans: consensusSpans(first, { accept: BRUNO.id }),
    });
    await call('agreementResolve', { ...passage, spans: [] });
    await call('codingUndo', {});
    const undone = (await call('agreementDisagreements', {})).disagreements[0]!;
    expect(undone).toMatchObject({ consensus: [{ start: 20, end: 60 }], decided: true });
    expect((await call('projectCurrent', {}))!.project.consensusDecisions).toEqual([]);
    await call('codingRedo', {});
    expect((await call('projectCurrent', {}))!.project.consensusDecisions).toHaveLength(1);
    expect((await call('agreementDisagreements', {})).disagreements[0]!.consensus).toEqual([]);

    // Deciding "all" afterwards codes the passage: the "neither" record goes (a tombstone).
    await call('agreementResolve', { ...passage, spans: consensusSpans(first, 'all') });
    const project = (await call('projectCurrent', {}))!.project;
    expect(project.consensusDecisions).toEqual([]);
    expect(project.tombstones.filter((t) => t.kind === 'consensusDecision')).toHaveLength(1);
    await call('codingUndo', {});
    expect((await call('agreementDisagreements', {})).disagreements[0]!).toMatchObject({
      consensus: [],
      decided: true,
    });
    await core.shutdown();
  });

  it('refuses consensus spans outside the passage and fewer than two coders gives no figures', async () => {
    const { core, delays, sourceId } = await openTwoCoders();
    const answer = await dispatch(
      core.handlers,
      'agreementResolve',
      { sourceId, codeId: delays.id, start: 0, end: 60, spans: [{ start: 50, end: 80 }] },
      logger,
      { clientId: 'lead' },
    );
    expect(answer.ok).toBe(false);
    const one = await dispatch(core.handlers, 'agreementCompute', { coders: [ANNA.id] }, logger, {
      clientId: 'lead',
    });
    expect(one.ok && (one.value as { study: unknown }).study).toBeNull();
    await core.shutdown();
  });
});
