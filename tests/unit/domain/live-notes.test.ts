import { describe, expect, it } from 'vitest';
import {
  noteKeys,
  notesToSource,
  reopenedNotes,
  sourceToNotes,
  type NoteEntry,
} from '../../../src/shared/domain/live-notes';

const note = (id: string, text: string, questionIds: string[] = []): NoteEntry => ({
  id,
  guideQuestionId: null,
  time: null,
  text,
  questionIds,
});

const first = note('a', 'Il bando è arrivato tardi');
const second = note('b', 'Le imprese non conoscevano la misura');

describe('reopenedNotes: the notes a window shows when it opens what it could not save', () => {
  it('shows the project’s notes when the window holds nothing, or the same notes', () => {
    expect(reopenedNotes([first], null)).toBeNull();
    const held = { entries: [first], drafts: {}, base: noteKeys([first]) };
    expect(reopenedNotes([first], held)).toBeNull();
    // Read back from the project, the same words are the same notes (trailing blanks aside).
    const readBack = sourceToNotes({ ...notesToSource([first]) });
    expect(
      reopenedNotes(readBack, { entries: [note('x', `${first.text}  `)], drafts: {} }),
    ).toBeNull();
  });

  it('keeps a deletion made while Campo was down, when the project has not changed since', () => {
    const held = { entries: [first], drafts: {}, base: noteKeys([first, second]) };
    expect(reopenedNotes([first, second], held)).toEqual({ entries: [first], drafts: {} });
  });

  it('keeps an edit and a DV mark made while Campo was down', () => {
    const edited = { ...second, text: 'Le imprese non conoscevano la misura né il bando' };
    const marked = { ...first, questionIds: ['dv-1'] };
    const held = { entries: [marked, edited], drafts: {}, base: noteKeys([first, second]) };
    expect(reopenedNotes([first, second], held)?.entries).toEqual([marked, edited]);
  });

  it('brings back a note being typed, as a note being typed', () => {
    const typing = { id: 'd', text: 'Da verificare con l’AdG', time: 12, questionIds: [] };
    const held = { entries: [first], drafts: { free: typing }, base: noteKeys([first]) };
    expect(reopenedNotes([first], held)).toEqual({ entries: [first], drafts: { free: typing } });
  });

  it('adds the window’s notes to the project’s when the project changed meanwhile: nothing is lost', () => {
    const elsewhere = note('c', 'Nota presa da un’altra finestra');
    const mine = note('m', 'Scritta mentre Campo era fermo');
    // The window deleted `second` and added `mine`; another window added `elsewhere`.
    const held = { entries: [first, mine], drafts: {}, base: noteKeys([first, second]) };
    expect(reopenedNotes([first, second, elsewhere], held)).toEqual({
      entries: [first, second, elsewhere, mine],
      drafts: {},
    });
    // Only a deletion, with the project changed meanwhile: the project's notes stay as they are.
    const deleted = { entries: [first], drafts: {}, base: noteKeys([first, second]) };
    expect(reopenedNotes([first, second, elsewhere], deleted)).toBeNull();
  });

  it('treats what an older version kept (no base) as changed meanwhile', () => {
    const mine = note('m', 'Scritta mentre Campo era fermo');
    expect(reopenedNotes([first, second], { entries: [first, mine], drafts: {} })).toEqual({
      entries: [first, second, mine],
      drafts: {},
    });
    expect(reopenedNotes([first, second], { entries: [first], drafts: {} })).toBeNull();
  });
});
