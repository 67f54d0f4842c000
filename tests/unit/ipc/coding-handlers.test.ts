import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectCore } from '../../helpers/core';
import { savedLayer } from '../../helpers/store';

/** A project with two DVs, two interviewees and one transcript of an interview. */
async function codingProject() {
  const ctx = await projectCore();
  const { call } = ctx;
  const dv1 = await call('questionAdd', { text: 'Efficacia degli interventi?' });
  const dv2 = await call('questionAdd', { text: 'Contributo del partenariato?' });
  const mantova = await call('participantAdd', {
    code: 'INT-03',
    organisation: 'Comune di Mantova',
  });
  const region = await call('participantAdd', {
    code: 'INT-05',
    organisation: 'Regione Lombardia',
  });
  const text = [
    'Intervistatore: Come è andata la città?',
    'INT-03: La città ha risposto bene 😀, ma i tempi erano lunghi.',
    'INT-05: Il partenariato è stato coinvolto tardi; la città ne ha sofferto.',
  ].join('\r\n');
  const upload = Buffer.from(text, 'utf8').toString('base64');
  const preview = await call('transcriptRead', { fileName: 'int.txt', data: upload });
  const summary = await call('transcriptImport', {
    title: 'Intervista',
    origin: 'txt',
    text: preview.text,
    turns: preview.turns.map((turn) => ({
      ...turn,
      participantId:
        turn.speaker === 'INT-03' ? mantova.id : turn.speaker === 'INT-05' ? region.id : null,
    })),
    sessionId: null,
  });
  const project = (await call('projectCurrent', {}))!.project;
  const codeOf = (questionId: string) =>
    project.codes.find((code) => code.questionId === questionId && code.followsQuestion)!;
  const source = await call('sourceGet', { id: summary.id });
  const span = (words: string) => {
    const start = source.text.indexOf(words);
    return { start, end: start + words.length };
  };
  return { ...ctx, dv1, dv2, mantova, region, sourceId: summary.id, codeOf, span, source };
}

describe('coding handlers', () => {
  it('give every DV a code that follows its renames and deletion', async () => {
    const { call, core, dv1, dv2, codeOf } = await codingProject();
    expect(codeOf(dv1.id).name).toBe('DV1 – Efficacia degli interventi?');
    await call('questionUpdate', { id: dv1.id, patch: { code: 'DV9' } });
    let codes = (await call('projectCurrent', {}))!.project.codes;
    expect(codes.find((c) => c.questionId === dv1.id)!.name).toBe(
      'DV9 – Efficacia degli interventi?',
    );
    await call('questionDelete', { id: dv2.id, codings: 'keep' });
    codes = (await call('projectCurrent', {}))!.project.codes;
    const kept = codes.find((c) => c.name.startsWith('DV2'))!;
    expect(kept).toMatchObject({ followsQuestion: false, questionId: null });
    await core.shutdown();
  });

  it("code, memo, undo and redo, saved in the coder's layer only", async () => {
    const { call, core, dir, dv1, codeOf, span, sourceId } = await codingProject();
    const passage = span('La città ha risposto bene 😀');
    const applied = await call('codingApply', { sourceId, codeId: codeOf(dv1.id).id, ...passage });
    // The reply names what changed, not the whole list.
    expect(applied.sources).toEqual([{ id: sourceId, removed: [], upserted: [expect.anything()] }]);
    const coding = applied.sources[0]!.upserted[0]!;
    expect(coding.text).toBe('La città ha risposto bene 😀');
    await call('codingUpdate', {
      sourceId,
      codingId: coding.id,
      patch: { memo: 'Esito positivo' },
    });
    // Saved in the coding journal (one line appended per save, see layer-journal.ts); the
    // coder's layer, read with it, holds the coding (the passage as a fingerprint, not a second
    // copy); the source document, with the text, was not rewritten.
    const journal = (await readFile(join(dir, 'codings.journal'), 'utf8')).trim().split('\n');
    expect(journal.filter((line) => line !== '')).toHaveLength(2);
    const layerPath = join(dir, 'codings', sourceId, `${coding.coderId}.json`);
    const saved = (await savedLayer(dir, sourceId, coding.coderId))!;
    expect(saved.codings).toHaveLength(1);
    expect(saved.codings[0]).toMatchObject({ memo: 'Esito positivo', rev: 2, fp: /^[0-9a-f]{8}$/ });
    expect(saved.codings[0]!.text).toBeUndefined();
    const doc = JSON.parse(await readFile(join(dir, 'sources', `${sourceId}.json`), 'utf8'));
    expect(doc.codings).toBeUndefined();
    expect(doc.rev).toBe(1);

    const codings = async () => (await call('sourceGet', { id: sourceId })).codings;
    const undone = (await call('codingUndo', {}))!;
    expect(undone.sources[0]!.upserted[0]!.memo).toBe('');
    expect((await codings())[0]!.memo).toBe('');
    expect((await call('codingUndo', {}))!.sources[0]!.removed).toEqual([coding.id]);
    expect(await codings()).toEqual([]);
    expect(await call('codingHistory', {})).toMatchObject({ undo: null });
    await call('codingRedo', {});
    const redone = (await call('codingRedo', {}))!;
    expect(redone.sources[0]!.upserted[0]).toMatchObject({ memo: 'Esito positivo', id: coding.id });
    expect(await codings()).toEqual(redone.sources[0]!.upserted);
    // Closing writes the journal into the layer file, which then reads alone.
    await core.shutdown();
    const layer = JSON.parse(await readFile(layerPath, 'utf8'));
    expect(layer.codings).toHaveLength(1);
    expect(layer.codings[0]).toMatchObject({ id: coding.id, memo: 'Esito positivo' });
    expect(layer.codings[0].text).toBeUndefined();
    expect(await readFile(join(dir, 'codings.journal'), 'utf8').catch(() => '')).toBe('');
  });

  it('keep two codings made at once as two steps, each undone alone', async () => {
    const { call, core, dv1, dv2, codeOf, span, sourceId } = await codingProject();
    await Promise.all([
      call('codingApply', { sourceId, codeId: codeOf(dv1.id).id, ...span('tempi erano lunghi') }),
      call('codingApply', { sourceId, codeId: codeOf(dv2.id).id, ...span('coinvolto tardi') }),
    ]);
    expect((await call('sourceGet', { id: sourceId })).codings).toHaveLength(2);
    await call('codingUndo', {});
    expect((await call('sourceGet', { id: sourceId })).codings).toHaveLength(1);
    await call('codingUndo', {});
    expect((await call('sourceGet', { id: sourceId })).codings).toHaveLength(0);
    await core.shutdown();
  });

  it('refuse to undo over a later change instead of overwriting it', async () => {
    const { call, refusal, core, dv1, codeOf, span, sourceId } = await codingProject();
    await call('codingApply', {
      sourceId,
      codeId: codeOf(dv1.id).id,
      ...span('tempi erano lunghi'),
    });
    const added = await call('codeAdd', { name: 'Criticità', parentId: null });
    await call('codeUpdate', { id: added.createdCodeId!, patch: { colour: '#aa0000' } });
    // A DV rename changes the codebook behind the history's back.
    await call('questionUpdate', { id: dv1.id, patch: { code: 'DV7' } });
    const error = await refusal('codingUndo', {});
    expect(error.code).toBe('UNDO_CONFLICT');
    await core.shutdown();
  });

  it('keep every step undoable after a text correction, each coding where its words went', async () => {
    const { call, core, dv1, dv2, codeOf, span, sourceId, source } = await codingProject();
    const dv1Code = codeOf(dv1.id).id;
    const dv2Code = codeOf(dv2.id).id;
    const first = await call('codingApply', {
      sourceId,
      codeId: dv1Code,
      ...span('tempi erano lunghi'),
    });
    const removed = first.sources[0]!.upserted[0]!;
    await call('codingApply', { sourceId, codeId: dv2Code, ...span('coinvolto tardi') });
    await call('codingRemove', { sourceId, codingId: removed.id });
    // Two fixes, one before both passages and one between them.
    const corrected = source.text
      .replace('Come è andata', 'Com’è andata, secondo lei,')
      .replace('risposto bene', 'risposto molto bene');
    await call('sourceTextUpdate', { sourceId, text: corrected });
    expect((await call('codingHistory', {})).undo).toMatch(/^− /);
    const reads = async () => {
      const now = await call('sourceGet', { id: sourceId });
      return now.codings.map((c) => [now.text.slice(c.start, c.end), c.textChanged]);
    };
    // The removal undone: the coding comes back on its words in the corrected text.
    await call('codingUndo', {});
    expect(await reads()).toEqual([
      ['tempi erano lunghi', false],
      ['coinvolto tardi', false],
    ]);
    // The coding made before the correction undone, then redone, on the corrected text.
    await call('codingUndo', {});
    expect(await reads()).toEqual([['tempi erano lunghi', false]]);
    await call('codingRedo', {});
    expect(await reads()).toEqual([
      ['tempi erano lunghi', false],
      ['coinvolto tardi', false],
    ]);
    await call('codingUndo', {});
    await call('codingUndo', {});
    expect(await reads()).toEqual([]);
    expect((await call('sourceGet', { id: sourceId })).text).toBe(corrected);
    await core.shutdown();
  });

  it('move codings with a text edit and flag those whose words changed', async () => {
    const { call, core, dv1, dv2, codeOf, span, sourceId, source } = await codingProject();
    await call('codingApply', {
      sourceId,
      codeId: codeOf(dv1.id).id,
      ...span('tempi erano lunghi'),
    });
    await call('codingApply', { sourceId, codeId: codeOf(dv2.id).id, ...span('coinvolto tardi') });
    const edited = source.text
      .replace('Come è andata', 'Com’è andata, secondo lei,')
      .replace('coinvolto tardi', 'coinvolto presto');
    expect(await call('sourceTextUpdate', { sourceId, text: edited })).toEqual({
      moved: 1,
      flagged: 1,
    });
    const after = await call('sourceGet', { id: sourceId });
    const moved = after.codings.find((c) => !c.textChanged);
    const flagged = after.codings.find((c) => c.textChanged);
    expect(after.text.slice(moved!.start, moved!.end)).toBe('tempi erano lunghi');
    expect(flagged).toMatchObject({ text: 'coinvolto tardi' });
    // Flagged where the words were, not stretched over the whole edited stretch.
    expect(after.text.slice(flagged!.start, flagged!.end)).toContain('involto prest');
    for (const turn of after.turns)
      expect(after.text.slice(turn.start, turn.end)).not.toMatch(/^\s/);
    // Two fixes in two turns: every turn between them still holds its own words, and only them.
    expect(after.turns.map((turn) => after.text.slice(turn.start, turn.end))).toEqual(
      source.turns.map((turn) =>
        source.text
          .slice(turn.start, turn.end)
          .replace('Come è andata', 'Com’è andata, secondo lei,')
          .replace('coinvolto tardi', 'coinvolto presto'),
      ),
    );
    await core.shutdown();
  });

  it('merge codes joining overlapping passages, and delete with counts first', async () => {
    const { call, refusal, core, span, sourceId } = await codingProject();
    const a = (await call('codeAdd', { name: 'Ritardi', parentId: null })).createdCodeId!;
    const b = (await call('codeAdd', { name: 'Tempi', parentId: null })).createdCodeId!;
    const child = (await call('codeAdd', { name: 'Burocrazia', parentId: b })).createdCodeId!;
    const tempi = span('i tempi erano lunghi');
    await call('codingApply', { sourceId, codeId: a, start: tempi.start, end: tempi.start + 8 });
    await call('codingApply', { sourceId, codeId: b, start: tempi.start + 4, end: tempi.end });
    await call('codingApply', { sourceId, codeId: child, ...span('coinvolto tardi') });
    expect(await call('codeLinks', { id: b })).toEqual({ codings: 2, sources: 1, subcodes: 1 });
    expect(await refusal('codeMove', { id: b, parentId: child, beforeId: null })).toMatchObject({
      code: 'CODEBOOK_RULE',
      details: { rule: 'cycle' },
    });

    const merged = await call('codeMerge', { fromId: a, intoId: b });
    const codings = async () => (await call('sourceGet', { id: sourceId })).codings;
    const ofB = (await codings()).filter((c) => c.codeId === b);
    expect(ofB.map((c) => c.text)).toEqual(['i tempi erano lunghi']);
    expect(merged.sources[0]!.removed).toHaveLength(1);
    expect(merged.codes!.some((c) => c.id === a)).toBe(false);

    const deleted = await call('codeDelete', { id: b });
    expect(await codings()).toEqual([]);
    expect(deleted.sources[0]!.removed).toHaveLength(2);
    expect(deleted.codes!.some((c) => c.id === child)).toBe(false);
    const undone = (await call('codingUndo', {}))!;
    expect(undone.sources[0]!.upserted).toHaveLength(2);
    expect(await codings()).toHaveLength(2);
    expect(undone.codes!.map((c) => c.name)).toContain('Burocrazia');
    await core.shutdown();
  });

  it('retrieve by DV, participant and attribute, with pseudonyms and context', async () => {
    const { call, core, dv1, mantova, codeOf, span, sourceId } = await codingProject();
    const criticita = (await call('codeAdd', { name: 'Criticità', parentId: codeOf(dv1.id).id }))
      .createdCodeId!;
    await call('codingApply', { sourceId, codeId: criticita, ...span('i tempi erano lunghi') });
    await call('codingApply', { sourceId, codeId: criticita, ...span('la città ne ha sofferto') });
    const byQuestion = await call('segmentsRetrieve', { questionId: dv1.id });
    expect(byQuestion.map((s) => s.pseudonyms)).toEqual([['INT-03'], ['INT-05']]);
    const municipalities = await call('segmentsRetrieve', {
      codeIds: [criticita],
      attribute: { key: 'organisation', value: 'comune' },
    });
    expect(municipalities).toHaveLength(1);
    expect(municipalities[0]).toMatchObject({ text: 'i tempi erano lunghi', speaker: 'INT-03' });
    expect(municipalities[0]!.before).toContain('risposto bene 😀, ma');
    // The context stays in INT-03's turn: the interviewer's question and INT-05's answer are
    // other speakers' words and must not read as INT-03's.
    expect(municipalities[0]!.before).toBe('La città ha risposto bene 😀, ma ');
    expect(municipalities[0]!.after).toBe('.');
    const byParticipant = await call('segmentsRetrieve', { participantIds: [mantova.id] });
    expect(byParticipant.map((s) => s.text)).toEqual(['i tempi erano lunghi']);
    await core.shutdown();
  });

  it('search without accents, code all hits by turn, and fill the framework matrix', async () => {
    const { call, core, dv2, region, mantova, codeOf, sourceId } = await codingProject();
    const found = await call('textSearch', { query: 'CITTA', wholeWord: true });
    expect(found.hits.map((hit) => hit.match)).toEqual(['città', 'città', 'città']);
    // A phrase typed in quotes, as in NVivo or a web search, is the phrase.
    for (const quoted of ['"la città"', '“la città”', '«la città»']) {
      expect((await call('textSearch', { query: quoted, wholeWord: true })).hits).toHaveLength(
        (await call('textSearch', { query: 'la città', wholeWord: true })).hits.length,
      );
    }
    expect((await call('textSearch', { query: 'la città', wholeWord: true })).hits.length).toBe(3);
    // Who said it: the pseudonym, and apart the file's label (shown only when names are revealed).
    expect(found.hits.map((hit) => [hit.speaker, hit.speakerLabel])).toEqual([
      ['', 'Intervistatore'],
      ['INT-03', 'INT-03'],
      ['INT-05', 'INT-05'],
    ]);
    const code = codeOf(dv2.id).id;
    const hits = found.hits
      .slice(1)
      .map(({ sourceId: id, start, end }) => ({ sourceId: id, start, end }));
    await call('searchCodeAll', { codeId: code, scope: 'turn', hits });
    const coded = await call('sourceGet', { id: sourceId });
    expect(coded.codings.map((c) => c.text.slice(0, 12))).toEqual(['La città ha ', 'Il partenari']);
    await call('frameworkSummarySave', {
      participantId: region.id,
      questionId: dv2.id,
      text: 'Coinvolgimento tardivo del partenariato.',
    });
    const cells = await call('frameworkMatrix', {});
    const cell = (p: string) => cells.find((c) => c.participantId === p && c.questionId === dv2.id);
    expect(cell(mantova.id)!.segments).toHaveLength(1);
    expect(cell(region.id)).toMatchObject({ summary: 'Coinvolgimento tardivo del partenariato.' });
    // One Ctrl+Z undoes the whole "code all".
    await call('codingUndo', {});
    expect((await call('sourceGet', { id: sourceId })).codings).toEqual([]);
    await core.shutdown();
  });

  it('make an in-vivo code from the selected words, memo the source, and find key quotations', async () => {
    const { call, refusal, core, span, sourceId } = await codingProject();
    const words = span('tempi erano lunghi');
    const inVivo = await call('codingInVivo', { sourceId, parentId: null, ...words });
    const code = inVivo.codes!.find((c) => c.id === inVivo.createdCodeId)!;
    expect(code.name).toBe('tempi erano lunghi');
    const coding = inVivo.sources[0]!.upserted[0]!;
    expect(coding.codeId).toBe(code.id);
    // One undo removes both the coding and the code it created.
    await call('codingUndo', {});
    expect((await call('projectCurrent', {}))!.project.codes.some((c) => c.id === code.id)).toBe(
      false,
    );
    expect((await call('sourceGet', { id: sourceId })).codings).toEqual([]);
    await call('codingRedo', {});

    await call('codingUpdate', { sourceId, codingId: coding.id, patch: { key: true } });
    expect((await call('segmentsRetrieve', { keyOnly: true })).map((s) => s.text)).toEqual([
      'tempi erano lunghi',
    ]);
    expect(
      await refusal('codingApply', { sourceId, codeId: code.id, start: 3, end: 3 }),
    ).toMatchObject({ code: 'EMPTY_PASSAGE' });

    const memos = await call('sourceMemoSave', {
      sourceId,
      memoId: null,
      text: 'Intervista breve',
    });
    expect(memos.map((m) => m.text)).toEqual(['Intervista breve']);
    await call('sourceMemoSave', {
      sourceId,
      memoId: memos[0]!.id,
      text: 'Intervista breve, 20 min',
    });
    expect((await call('sourceGet', { id: sourceId })).memos[0]!.text).toBe(
      'Intervista breve, 20 min',
    );
    // An emptied memo goes away.
    expect(await call('sourceMemoSave', { sourceId, memoId: memos[0]!.id, text: ' ' })).toEqual([]);
    // A memo typed in a new field is saved under the id the field chose, so each save while the
    // user types updates that one memo instead of adding another.
    await call('sourceMemoSave', { sourceId, memoId: 'memo-new', text: 'Prima' });
    const typed = await call('sourceMemoSave', {
      sourceId,
      memoId: 'memo-new',
      text: 'Prima parte',
    });
    expect(typed.map((m) => [m.id, m.text])).toEqual([['memo-new', 'Prima parte']]);
    await core.shutdown();
  });

  it('make a new code with a typed name from the selection, in one undoable step', async () => {
    const { call, refusal, core, span, sourceId } = await codingProject();
    const words = span('tempi erano lunghi');
    const made = await call('codingInVivo', {
      sourceId,
      parentId: null,
      name: '  Ritardi   nei pagamenti ',
      ...words,
    });
    const code = made.codes!.find((c) => c.id === made.createdCodeId)!;
    expect(code.name).toBe('Ritardi nei pagamenti');
    expect(made.sources[0]!.upserted[0]).toMatchObject({
      codeId: code.id,
      text: 'tempi erano lunghi',
    });
    expect(
      await refusal('codingInVivo', { sourceId, parentId: null, name: '   ', ...words }),
    ).toMatchObject({ code: 'VALIDATION' });
    await call('codingUndo', {});
    expect((await call('projectCurrent', {}))!.project.codes.some((c) => c.id === code.id)).toBe(
      false,
    );
    expect((await call('sourceGet', { id: sourceId })).codings).toEqual([]);
    await core.shutdown();
  });

  it('export a codebook as CSV and import it into another project', async () => {
    const first = await codingProject();
    const parent = (await first.call('codeAdd', { name: 'Esiti; "positivi"', parentId: null }))
      .createdCodeId!;
    await first.call('codeAdd', { name: 'Occupazione', parentId: parent, description: 'Lavoro' });
    const { csv } = await first.call('codebookExport', {});
    await first.core.shutdown();
    const second = await projectCore();
    const imported = await second.call('codebookImport', { csv });
    expect(imported.added).toBeGreaterThanOrEqual(2);
    const codes = imported.codes!;
    const child = codes.find((c) => c.name === 'Occupazione')!;
    expect(codes.find((c) => c.id === child.parentId)!.name).toBe('Esiti; "positivi"');
    expect(child.description).toBe('Lavoro');
    await second.core.shutdown();
  });
});
