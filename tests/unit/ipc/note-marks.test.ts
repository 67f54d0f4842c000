import { describe, expect, it } from 'vitest';
import { pendingNoteMarks } from '../../../src/shared/domain/note-marks';
import { projectCore } from '../../helpers/core';

/** A project with two DVs and an interview whose live notes are marked with them. */
async function markedNotes() {
  const ctx = await projectCore();
  const { call } = ctx;
  const dv1 = await call('questionAdd', { text: 'Efficacia?' });
  const dv2 = await call('questionAdd', { text: 'Partenariato?' });
  const interview = await call('sessionAdd', { kind: 'interview' });
  const notes = await call('notesSave', {
    sessionId: interview.id,
    entries: [
      { id: 'n1', guideQuestionId: null, time: 10, text: 'Rete forte 👍', questionIds: [dv2.id] },
      { id: 'n2', guideQuestionId: null, time: 40, text: 'Nessun segno', questionIds: [] },
      {
        id: 'n3',
        guideQuestionId: null,
        time: 90,
        text: 'Tempi lunghi per i bandi',
        questionIds: [dv1.id, dv2.id],
      },
    ],
  });
  return { ...ctx, dv1, dv2, notesId: notes.id };
}

describe('DV marks of live notes', () => {
  it('code each marked note with its DV in one step, found by retrieval, undone with one undo', async () => {
    const { call, core, dv1, dv2, notesId } = await markedNotes();
    const before = await call('sourceGet', { id: notesId });
    const project = (await call('projectCurrent', {}))!.project;
    expect(pendingNoteMarks(before, project.codes)).toHaveLength(3);

    const done = await call('codingApplyNoteMarks', { sourceIds: [notesId] });
    expect(done.coded).toBe(3);
    expect(done.history.undo).toBe('DV dalle note (3)');
    const byDv = async (questionId: string) =>
      (await call('segmentsRetrieve', { questionId })).map((s) => s.text);
    expect(await byDv(dv1.id)).toEqual(['Tempi lunghi per i bandi']);
    expect(await byDv(dv2.id)).toEqual(['Rete forte 👍', 'Tempi lunghi per i bandi']);

    // Nothing is left to code: a second run adds nothing and records no step.
    const again = await call('codingApplyNoteMarks', { sourceIds: [notesId] });
    expect(again.coded).toBe(0);
    expect(again.history.undo).toBe('DV dalle note (3)');

    await call('codingUndo', {});
    expect((await call('sourceGet', { id: notesId })).codings).toEqual([]);
    await call('codingRedo', {});
    expect((await call('sourceGet', { id: notesId })).codings).toHaveLength(3);
    await core.shutdown();
  });

  it('leave out blanks around a note and marks of a DV whose code no longer follows it', () => {
    const codes = [
      {
        id: 'c1',
        name: 'DV1',
        description: '',
        colour: '#336699',
        parentId: null,
        questionId: 'q1',
        followsQuestion: true,
        quickKey: 1,
      },
    ];
    const turn = (id: string, start: number, end: number, questionIds: string[]) => ({
      id,
      start,
      end,
      speaker: '',
      participantId: null,
      time: null,
      guideQuestionId: null,
      questionIds,
    });
    const source = {
      text: '  Rete  \nAltro',
      turns: [turn('a', 0, 8, ['q1']), turn('b', 9, 14, ['q2'])],
      codings: [],
    };
    expect(pendingNoteMarks(source, codes)).toEqual([{ codeId: 'c1', start: 2, end: 6 }]);
  });
});
