import { describe, expect, it } from 'vitest';
import { projectCore } from '../../helpers/core';

/** A project with an interview (INT-01), three participants and a transcript, seen by two windows. */
async function twoWindows() {
  const ctx = await projectCore();
  const a = ctx.as('tab-a');
  const b = ctx.as('tab-b');
  const interview = await a.call('sessionAdd', { kind: 'interview' });
  const [p1, p2, p3] = await Promise.all(
    ['P-01', 'P-02', 'P-03'].map((code) => a.call('participantAdd', { code })),
  );
  const text = 'Intervistatore: Come è andata?\nINT-01: Bene, la città ha risposto.\n';
  const source = await a.call('transcriptImport', {
    title: 'Intervista',
    origin: 'typed',
    text,
    turns: [],
    sessionId: interview.id,
  });
  const span = (words: string) => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
  });
  const seen = (await b.call('projectCurrent', {}))!.project;
  return { ...ctx, a, b, interview: seen.sessions[0]!, p1: p1!, p2: p2!, p3: p3!, source, span };
}

describe('two windows on one project (issue 15, item 6)', () => {
  it('keeps both participants two windows added to the same interview from the same view', async () => {
    const { a, b, interview, p1, p2, p3, core } = await twoWindows();
    // Both windows show the interview at the same revision, with nobody in it.
    const seen = interview.rev;
    await a.call('sessionUpdate', {
      id: interview.id,
      patch: { participantIds: [p1.id] },
      baseRev: seen,
    });
    const merged = await b.call('sessionUpdate', {
      id: interview.id,
      patch: { participantIds: [p2.id] },
      baseRev: seen,
    });
    expect(merged.participantIds).toEqual([p1.id, p2.id]);
    // Both now show [p1, p2]; A adds p3 while B removes p2: each keeps what the other did.
    await a.call('sessionUpdate', {
      id: interview.id,
      patch: { participantIds: [p1.id, p2.id, p3.id] },
      baseRev: merged.rev,
    });
    const after = await b.call('sessionUpdate', {
      id: interview.id,
      patch: { participantIds: [p1.id] },
      baseRev: merged.rev,
    });
    expect(after.participantIds).toEqual([p1.id, p3.id]);
    await core.shutdown();
  });

  it('refuses a scalar another window changed meanwhile, naming the record, and writes nothing', async () => {
    const { a, b, interview, core } = await twoWindows();
    const seen = interview.rev;
    await a.call('sessionUpdate', { id: interview.id, patch: { place: 'Milano' }, baseRev: seen });
    const refused = await b.refusal('sessionUpdate', {
      id: interview.id,
      patch: { place: 'Roma', title: 'Colloquio' },
      baseRev: seen,
    });
    expect(refused).toMatchObject({
      code: 'STALE_CHANGE',
      details: { field: 'INT-01', paths: ['place'] },
    });
    const now = (await b.call('projectCurrent', {}))!.project.sessions[0]!;
    expect(now).toMatchObject({ place: 'Milano', title: '' });
    // A different field of the same record merges.
    const merged = await b.call('sessionUpdate', {
      id: interview.id,
      patch: { title: 'Colloquio' },
      baseRev: seen,
    });
    expect(merged).toMatchObject({ place: 'Milano', title: 'Colloquio' });
    await core.shutdown();
  });

  it('does not see a conflict between one window’s own quick saves', async () => {
    const { a, interview, core } = await twoWindows();
    const seen = interview.rev;
    await a.call('sessionUpdate', { id: interview.id, patch: { place: 'Mil' }, baseRev: seen });
    // The second save left before the first one's answer came back: same base revision.
    const saved = await a.call('sessionUpdate', {
      id: interview.id,
      patch: { place: 'Milano' },
      baseRev: seen,
    });
    expect(saved.place).toBe('Milano');
    await core.shutdown();
  });

  it('merges ratings of different cells and refuses the same cell rated differently', async () => {
    const { a, b, core } = await twoWindows();
    const matrix = await a.call('ratingMatrixAdd', { template: 'integration' });
    const [row1, row2] = matrix.rows;
    const column = matrix.columns[0]!;
    const dimension = matrix.dimensions[0]!.id;
    const [low, high] = [matrix.scale[0]!.id, matrix.scale[2]!.id];
    const cell = (rowId: string, levelId: string) => ({
      matrixId: matrix.id,
      rowId,
      columnId: column.id,
      dimensionId: dimension,
      levelId,
      baseRev: matrix.rev,
    });
    await a.call('ratingCellSet', cell(row1!.id, low));
    const both = await b.call('ratingCellSet', cell(row2!.id, high));
    expect(both.cells.map((c) => [c.rowId, c.ratings[dimension]])).toEqual([
      [row1!.id, low],
      [row2!.id, high],
    ]);
    expect(await b.refusal('ratingCellSet', cell(row1!.id, high))).toMatchObject({
      code: 'STALE_CHANGE',
    });
    await core.shutdown();
  });

  it('refuses a coding memo another window changed meanwhile, and merges a key mark', async () => {
    const { a, b, source, span, core } = await twoWindows();
    const codes = (await a.call('projectCurrent', {}))!.project.codes;
    const code = await a.call('codeAdd', { name: 'Risposta', parentId: null });
    const applied = await a.call('codingApply', {
      sourceId: source.id,
      codeId: code.createdCodeId ?? codes[0]!.id,
      ...span('la città'),
    });
    const coding = applied.sources[0]!.upserted[0]!;
    await a.call('codingUpdate', {
      sourceId: source.id,
      codingId: coding.id,
      patch: { memo: 'nota di A' },
      baseRev: coding.rev,
    });
    expect(
      await b.refusal('codingUpdate', {
        sourceId: source.id,
        codingId: coding.id,
        patch: { memo: 'nota di B' },
        baseRev: coding.rev,
      }),
    ).toMatchObject({ code: 'STALE_CHANGE', details: { field: 'Risposta' } });
    const keyed = await b.call('codingUpdate', {
      sourceId: source.id,
      codingId: coding.id,
      patch: { key: true },
      baseRev: coding.rev,
    });
    expect(keyed.sources[0]!.upserted[0]).toMatchObject({ memo: 'nota di A', key: true });
    await core.shutdown();
  });

  it('gives each window its own undo: B’s Ctrl+Z never undoes A’s coding', async () => {
    const { a, b, source, span, core } = await twoWindows();
    const { createdCodeId } = await a.call('codeAdd', { name: 'Tema', parentId: null });
    const codeId = createdCodeId!;
    await a.call('codingApply', { sourceId: source.id, codeId, ...span('Come è andata') });
    await b.call('codingApply', { sourceId: source.id, codeId, ...span('la città') });
    const codings = async () =>
      (await a.call('sourceGet', { id: source.id })).codings.map((c) => c.text);
    expect(await codings()).toEqual(['Come è andata', 'la città']);
    expect(await b.call('codingHistory', {})).toMatchObject({ undo: 'Tema' });
    await b.call('codingUndo', {});
    expect(await codings()).toEqual(['Come è andata']);
    // B has nothing left to undo; A's history still holds its coding and its new code.
    expect(await b.call('codingUndo', {})).toBeNull();
    await a.call('codingUndo', {});
    expect(await codings()).toEqual([]);
    await core.shutdown();
  });

  it('tells the other windows what a save changed, naming the window that saved', async () => {
    const { a, b, interview, source, span, events, core } = await twoWindows();
    events.length = 0;
    await a.call('sessionUpdate', {
      id: interview.id,
      patch: { place: 'Lecco' },
      baseRev: interview.rev,
    });
    const { createdCodeId } = await b.call('codeAdd', { name: 'Tema', parentId: null });
    await b.call('codingApply', {
      sourceId: source.id,
      codeId: createdCodeId!,
      ...span('la città'),
    });
    const changes = events.filter((e) => e.event === 'projectChanged').map((e) => e.payload);
    expect(changes).toEqual([
      { clientId: 'tab-a', project: true, sourceIds: [] },
      { clientId: 'tab-b', project: true, sourceIds: [] },
      { clientId: 'tab-b', project: false, sourceIds: [source.id] },
    ]);
    expect((await a.call('appInfo', {})).clientId).toBe('tab-a');
    await core.shutdown();
  });
});
