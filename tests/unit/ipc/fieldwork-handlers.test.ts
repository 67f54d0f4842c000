import { readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProject } from '../../../src/main/core/store/project-store';
import { sourceToNotes } from '../../../src/shared/domain/live-notes';
import { projectCore } from '../../helpers/core';

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('evaluation matrix handlers', () => {
  it('reorder, duplicate and renumber questions', async () => {
    const { call, core } = await projectCore();
    const a = await call('questionAdd', { text: 'Prima' });
    const b = await call('questionAdd', { text: 'Seconda' });
    await call('questionAdd', { text: 'Terza' });
    expect((await call('questionMove', { id: b.id, toIndex: 0 })).map((q) => q.text)).toEqual([
      'Seconda',
      'Prima',
      'Terza',
    ]);
    const copy = await call('questionDuplicate', { id: a.id });
    expect(copy).toMatchObject({ code: 'DV1 (copia)', text: 'Prima' });
    const renumbered = await call('questionsRenumber', {});
    expect(renumbered.map((q) => `${q.code} ${q.text}`)).toEqual([
      'DV1 Seconda',
      'DV2 Prima',
      'DV3 Prima',
      'DV4 Terza',
    ]);
    await core.shutdown();
  });

  it('show what links to a question, and remove the links with it', async () => {
    const { call, core } = await projectCore();
    const dv = await call('questionAdd', { text: 'Partenariato?' });
    const other = await call('questionAdd', { text: 'Efficacia?' });
    const interview = await call('sessionAdd', {
      kind: 'interview',
      guide: [{ id: 'g1', text: 'Ruolo dei partner?', questionIds: [dv.id, other.id] }],
    });
    await call('notesSave', {
      sessionId: interview.id,
      entries: [
        { id: 'n1', guideQuestionId: 'g1', time: 30, text: 'Rete forte', questionIds: [dv.id] },
      ],
    });
    expect(await call('questionLinks', { id: dv.id })).toEqual({
      // The question's own code, created with it.
      codes: 1,
      codings: 0,
      guideQuestions: [{ sessionCode: 'INT-01', text: 'Ruolo dei partner?' }],
      noteMarks: 1,
    });
    await call('questionDelete', { id: dv.id });
    const project = (await call('projectCurrent', {}))!.project;
    expect(project.sessions[0]!.guide[0]!.questionIds).toEqual([other.id]);
    const notes = await call('sourceGet', { id: project.sessions[0]!.notesSourceId! });
    expect(notes.turns[0]!.questionIds).toEqual([]);
    await core.shutdown();
  });
});

describe('participants handlers', () => {
  it('generate pseudonyms, per focus group too, and refuse a taken one', async () => {
    const { call, refusal, core } = await projectCore();
    expect((await call('participantAdd', { role: 'Referente' })).code).toBe('INT-01');
    const fg = await call('sessionAdd', { kind: 'focusGroup' });
    expect(fg.code).toBe('FG-01');
    const p = await call('participantAdd', { sessionId: fg.id, organisation: 'Cooperativa' });
    expect(p.code).toBe('FG-01-P1');
    const project = (await call('projectCurrent', {}))!.project;
    expect(project.sessions[0]!.participantIds).toEqual([p.id]);
    expect(await refusal('participantAdd', { code: 'int-01' })).toMatchObject({
      code: 'DUPLICATE',
    });
    expect(await refusal('participantAdd', { partnershipType: 'altro' as never })).toMatchObject({
      code: 'VALIDATION',
    });
    await core.shutdown();
  });

  it('import a CSV list after preview, all or nothing', async () => {
    const { call, refusal, core } = await projectCore();
    const preview = await call('participantsReadFile', {
      fileName: 'elenco.csv',
      data: base64(
        'Pseudonimo;Ruolo;Ente\nINT-01;Referente;Comune di Bergamo\nINT-02;Assessore;Comune di Mantova\n',
      ),
    });
    expect(preview.headers).toEqual(['Pseudonimo', 'Ruolo', 'Ente']);
    const drafts = preview.rows.map((row) => ({
      code: String(row[0]),
      role: String(row[1]),
      organisation: String(row[2]),
    }));
    const added = await call('participantsImport', { participants: drafts as never });
    expect(added.map((p) => p.code)).toEqual(['INT-01', 'INT-02']);
    expect(
      await refusal('participantsImport', {
        participants: [{ code: 'INT-03' }, { code: 'INT-02' }] as never,
      }),
    ).toMatchObject({
      code: 'DUPLICATE',
    });
    expect((await call('projectCurrent', {}))!.project.participants).toHaveLength(2);
    expect(await refusal('participantsReadFile', { fileName: 'x.csv', data: '' })).toMatchObject({
      code: 'FILE_EMPTY',
    });
    await core.shutdown();
  });
});

describe('transcripts and sessions', () => {
  const vtt =
    'WEBVTT\n\n1\n00:00:01.000 --> 00:00:03.000\n<v Intervistatrice>Come va?</v>\n\n2\n00:00:04.000 --> 00:00:08.000\n<v INT-01>Bene, grazie.</v>\n';

  it('preview a VTT with speakers matched to participants, import it into an interview, then delete it', async () => {
    const { call, core, dir } = await projectCore();
    const person = await call('participantAdd', {});
    const interview = await call('sessionAdd', { kind: 'interview', participantIds: [person.id] });
    const preview = await call('transcriptRead', { fileName: 'Intervista.vtt', data: base64(vtt) });
    expect(preview.labels.map((s) => s.label)).toEqual(['Intervistatrice', 'INT-01']);
    expect(preview.mapping).toEqual({ Intervistatrice: null, 'INT-01': person.id });
    const summary = await call('transcriptImport', {
      title: preview.title,
      origin: preview.format,
      text: preview.text,
      turns: preview.turns.map((t) => ({
        ...t,
        participantId: preview.mapping[t.speaker] ?? null,
      })),
      sessionId: interview.id,
    });
    expect(summary).toMatchObject({ title: 'Intervista', turns: 2, participantIds: [person.id] });
    let project = (await call('projectCurrent', {}))!.project;
    expect(project.sessions[0]).toMatchObject({ status: 'transcribed', sourceIds: [summary.id] });

    await call('sourceRename', { id: summary.id, title: 'Intervista INT-01' });
    await call('sourceDelete', { id: summary.id });
    project = (await call('projectCurrent', {}))!.project;
    expect(project.sources).toEqual([]);
    expect(project.sessions[0]!.sourceIds).toEqual([]);
    expect(await readdir(join(dir, 'sources'))).toEqual([]);
    await core.shutdown();
  });

  it('restore a source whose deletion a crash interrupted before it was saved', async () => {
    const { call, core, dir } = await projectCore();
    const preview = await call('transcriptRead', { fileName: 'a.vtt', data: base64(vtt) });
    const summary = await call('transcriptImport', {
      title: 'A',
      origin: 'vtt',
      text: preview.text,
      turns: [],
    });
    await core.shutdown();
    // As if the app died right after setting the file aside.
    await rename(
      join(dir, 'sources', `${summary.id}.json`),
      join(dir, 'sources', `${summary.id}.deleted.json`),
    );
    const reopened = await openProject(dir);
    expect((await reopened.readSource(summary.id)).title).toBe('A');
    await reopened.close();
  });

  it('create the participants a focus group import maps, with the speaker label as their name, in one save', async () => {
    const { call, refusal, core } = await projectCore();
    const group = await call('sessionAdd', { kind: 'focusGroup' });
    const groupVtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Facilitatrice>Iniziamo.</v>\n\n00:00:04.000 --> 00:00:08.000\n<v Anna Rossi>Per noi la rete c’era già.</v>\n\n00:00:09.000 --> 00:00:12.000\n<v Paolo Neri>Da noi no.</v>\n';
    const preview = await call('transcriptRead', { fileName: 'FG.vtt', data: base64(groupVtt) });
    const input = {
      title: preview.title,
      origin: preview.format,
      text: preview.text,
      turns: preview.turns.map((t) => ({ ...t, participantId: null })),
      sessionId: group.id,
    };
    // Two speakers asking for the same pseudonym: refused, nothing written.
    expect(
      await refusal('transcriptImport', {
        ...input,
        newParticipants: [
          { speaker: 'Anna Rossi', code: 'FG-01-P1', role: '' },
          { speaker: 'Paolo Neri', code: 'fg-01-p1', role: '' },
        ],
      }),
    ).toMatchObject({ code: 'DUPLICATE' });
    expect((await call('projectCurrent', {}))!.project.participants).toEqual([]);

    const summary = await call('transcriptImport', {
      ...input,
      newParticipants: [
        { speaker: 'Anna Rossi', code: 'FG-01-P1', role: 'Coordinatrice di cooperativa' },
        { speaker: 'Paolo Neri', code: 'FG-01-P2', role: '' },
      ],
    });
    const project = (await call('projectCurrent', {}))!.project;
    expect(project.participants.map((p) => [p.code, p.name, p.role])).toEqual([
      ['FG-01-P1', 'Anna Rossi', 'Coordinatrice di cooperativa'],
      ['FG-01-P2', 'Paolo Neri', ''],
    ]);
    const ids = project.participants.map((p) => p.id);
    expect(project.sessions[0]!.participantIds).toEqual(ids);
    expect(summary.participantIds).toEqual(ids);
    const source = await call('sourceGet', { id: summary.id });
    expect(source.turns.map((t) => t.participantId)).toEqual([null, ...ids]);

    // The same file again: the preview says it is there already.
    const again = await call('transcriptRead', { fileName: 'FG.vtt', data: base64(groupVtt) });
    expect(again.duplicates).toEqual([
      { id: summary.id, title: 'FG', createdAt: summary.createdAt, sameText: true },
    ]);
    const renamed = await call('transcriptRead', { fileName: 'altro.vtt', data: base64(groupVtt) });
    expect(renamed.duplicates.map((d) => d.sameText)).toEqual([true]);
    const other = await call('transcriptRead', { fileName: 'nuovo.vtt', data: base64(vtt) });
    expect(other.duplicates).toEqual([]);
    await core.shutdown();
  });

  it('refuse a session that points at what does not exist', async () => {
    const { call, refusal, core } = await projectCore();
    const interview = await call('sessionAdd', { kind: 'interview' });
    expect(
      await refusal('sessionUpdate', { id: interview.id, patch: { participantIds: ['nessuno'] } }),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal('sessionAdd', { kind: 'interview', code: 'int-01' })).toMatchObject({
      code: 'DUPLICATE',
    });
    await core.shutdown();
  });
});

describe('live notes', () => {
  it('become a notes source linked to the interview, saved again on every change, readable back', async () => {
    const { call, core } = await projectCore();
    const dv = await call('questionAdd', { text: 'Partenariato?' });
    const interview = await call('sessionAdd', {
      kind: 'interview',
      guide: [{ id: 'g1', text: 'Ruolo?', questionIds: [dv.id] }],
    });
    const started = await call('notesStart', { sessionId: interview.id });
    expect(started.notesStartedAt).not.toBeNull();
    const first = await call('notesSave', {
      sessionId: interview.id,
      entries: [
        {
          id: 'n1',
          guideQuestionId: 'g1',
          time: 12,
          text: 'La rete c’era già 👍',
          questionIds: [dv.id],
        },
      ],
    });
    expect(first).toMatchObject({ kind: 'notes', title: 'Note dal vivo – INT-01' });
    await call('notesSave', {
      sessionId: interview.id,
      entries: [
        {
          id: 'n1',
          guideQuestionId: 'g1',
          time: 12,
          text: 'La rete c’era già 👍',
          questionIds: [dv.id],
        },
        {
          id: 'n2',
          guideQuestionId: 'g1',
          time: 95,
          text: 'Servono risorse per il coordinamento',
          questionIds: [],
        },
        { id: 'n3', guideQuestionId: null, time: 120, text: '   ', questionIds: [] },
      ],
    });
    const project = (await call('projectCurrent', {}))!.project;
    expect(project.sessions[0]).toMatchObject({
      status: 'done',
      notesSourceId: first.id,
      sourceIds: [first.id],
    });
    const notes = await call('sourceGet', { id: first.id });
    expect(sourceToNotes(notes).map((n) => [n.time, n.text, n.questionIds])).toEqual([
      [12, 'La rete c’era già 👍', [dv.id]],
      [95, 'Servono risorse per il coordinamento', []],
    ]);
    await core.shutdown();
  });
});
