import { describe, expect, it } from 'vitest';
import {
  diffRegion,
  mapOffset,
  reanchorDecision,
  textEdits,
  reanchorCodings,
  reanchorTurns,
} from '../../../src/shared/domain/reanchor';
import { consensusDecisionId } from '../../../src/shared/model/constants';
import type { Coding, SpeakerTurn } from '../../../src/shared/model/source';

const OLD = 'Intervista.\r\nINT-01: La città 👩‍🔬 è cambiata. Ci fidavamo del sindaco.\r\nFine.';

/** A coding of `passage` (its `nth` occurrence) in `text`. */
function codingOf(text: string, passage: string, id = passage, nth = 0): Coding {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(passage, start + 1);
  if (start === -1) throw new Error(`"${passage}" not in text`);
  return {
    id,
    codeId: 'code',
    start,
    end: start + passage.length,
    text: passage,
    coderId: 'ev-1',
    memo: '',
    key: false,
    textChanged: false,
    createdAt: '2024-05-01T10:00:00Z',
  };
}

function readsBack(codings: readonly Coding[], text: string): void {
  for (const c of codings) if (!c.textChanged) expect(text.slice(c.start, c.end)).toBe(c.text);
}

describe('diffRegion', () => {
  it('finds the single changed region, or null for equal texts', () => {
    expect(diffRegion(OLD, OLD)).toBeNull();
    expect(diffRegion('abcdef', 'abXYef')).toEqual({ start: 2, oldEnd: 4, newEnd: 4 });
    expect(diffRegion('abc', 'abxc')).toEqual({ start: 2, oldEnd: 2, newEnd: 3 });
    expect(diffRegion('aaa', 'aa')).toEqual({ start: 2, oldEnd: 3, newEnd: 2 });
  });

  it('never splits a surrogate pair', () => {
    // 👩 and 👨 share their high surrogate: the edit must start before it.
    expect(diffRegion('a👩b', 'a👨b')).toEqual({ start: 1, oldEnd: 3, newEnd: 3 });
    // 🔬 (U+1F52C) and 💬 (U+1F4AC) share neither half but end alike in the suffix check.
    const edit = diffRegion('x👩‍🔬y', 'x👩y')!;
    expect(edit).toEqual({ start: 3, oldEnd: 6, newEnd: 3 });
  });

  it('never splits a CRLF, whichever text holds it', () => {
    expect(diffRegion('uno\r\ndue', 'uno\ndue')).toEqual({ start: 3, oldEnd: 5, newEnd: 4 });
    expect(diffRegion('a\rb', 'a\r\nb')).toEqual({ start: 1, oldEnd: 2, newEnd: 3 });
    const added = diffRegion('a\r\nb', 'a\r\n\r\nb')!;
    expect(added).toEqual({ start: 3, oldEnd: 3, newEnd: 5 });
    expect('a\r\n\r\nb'.slice(added.start, added.newEnd)).toBe('\r\n');
  });
});

describe('mapOffset', () => {
  const replace = [{ oldStart: 10, oldEnd: 14, newStart: 10, newEnd: 20 }];
  const insert = [{ oldStart: 10, oldEnd: 10, newStart: 10, newEnd: 13 }];
  // Two stretches: 4 characters become 10 at 10, then 5 are removed at 30.
  const two = [replace[0]!, { oldStart: 30, oldEnd: 35, newStart: 36, newEnd: 36 }];

  it('keeps offsets before the edit, shifts those after and clamps those inside', () => {
    expect(mapOffset(9, replace, 'start')).toBe(9);
    expect(mapOffset(10, replace, 'end')).toBe(10);
    expect(mapOffset(14, replace, 'start')).toBe(20);
    expect(mapOffset(30, replace, 'end')).toBe(36);
    expect(mapOffset(12, replace, 'start')).toBe(10);
    expect(mapOffset(12, replace, 'end')).toBe(20);
  });

  it('shifts an offset by the stretches before it only', () => {
    expect(mapOffset(20, two, 'start')).toBe(26);
    expect(mapOffset(30, two, 'end')).toBe(36);
    expect(mapOffset(32, two, 'start')).toBe(36);
    expect(mapOffset(40, two, 'end')).toBe(41);
  });

  it('takes text inserted at a boundary into the span', () => {
    expect(mapOffset(10, insert, 'start')).toBe(10);
    expect(mapOffset(10, insert, 'end')).toBe(13);
  });
});

describe('reanchorCodings', () => {
  it('shifts a coding after an edit before it and leaves one before the edit alone', () => {
    const before = codingOf(OLD, 'Intervista');
    const after = codingOf(OLD, 'Ci fidavamo del sindaco.');
    const newText = OLD.replace('La città', 'La nostra città');
    const result = reanchorCodings([before, after], OLD, newText);
    expect(result.moved).toBe(1);
    expect(result.flagged).toBe(0);
    expect(result.codings[0]).toBe(before);
    expect(result.codings[1]).toMatchObject({ start: after.start + 7, textChanged: false });
    readsBack(result.codings, newText);
  });

  it('flags a coding edited inside, keeping its text and the mapped offsets', () => {
    const c = codingOf(OLD, 'Ci fidavamo del sindaco.');
    const newText = OLD.replace('fidavamo', 'fidavano');
    const result = reanchorCodings([c], OLD, newText);
    expect(result).toMatchObject({ moved: 0, flagged: 1 });
    expect(result.codings[0]).toEqual({ ...c, textChanged: true });
    // Flagged again by a further edit: moved along, not counted twice.
    const again = reanchorCodings(result.codings, newText, `Nota. ${newText}`);
    expect(again).toMatchObject({ moved: 0, flagged: 0 });
    expect(again.codings[0]).toMatchObject({ start: c.start + 6, textChanged: true });
  });

  it('unflags a coding whose text reads the same again (the edit undone)', () => {
    const c = codingOf(OLD, 'Ci fidavamo del sindaco.');
    const edited = OLD.replace('fidavamo', 'fidavano');
    const flagged = reanchorCodings([c], OLD, edited).codings;
    const undone = reanchorCodings(flagged, edited, OLD);
    expect(undone.codings[0]).toEqual(c);
    expect(undone.flagged).toBe(0);
  });

  it('flags a coding whose words were deleted, with an empty span where they were', () => {
    const c = codingOf(OLD, ' Ci fidavamo del sindaco.');
    const newText = OLD.replace(' Ci fidavamo del sindaco.', '');
    const result = reanchorCodings([c], OLD, newText);
    expect(result.flagged).toBe(1);
    expect(result.codings[0]).toMatchObject({ start: c.start, end: c.start, text: c.text });
  });

  it('re-anchors a coding whose words moved to the nearest occurrence', () => {
    const text = 'Uno. Ci fidavamo. Due. Tre. Quattro.';
    const c = codingOf(text, 'Ci fidavamo.');
    const moved = 'Uno. Due. Ci fidavamo. Tre. Quattro.';
    const result = reanchorCodings([c], text, moved);
    expect(result).toMatchObject({ moved: 1, flagged: 0 });
    expect(result.codings[0]).toMatchObject({
      start: moved.indexOf('Ci fidavamo.'),
      textChanged: false,
    });
    readsBack(result.codings, moved);

    // Two copies in the edited region: the one nearer to where the words were wins.
    const twice = 'Ci fidavamo. Uno. Due. Ci fidavamo. Tre. Quattro. Cinque. Sei.';
    const second = codingOf(twice, 'Ci fidavamo.', 'second', 1);
    const edited = 'Ci fidavamo. Uno, Due! Ci fidavamo. Tre; Quattro. Cinque. Sei.';
    const out = reanchorCodings([second], twice, edited);
    expect(out.codings[0]!.start).toBe(second.start);
  });

  it('keeps a coding on its words when text is typed right at its start or end', () => {
    const c = codingOf(OLD, 'città');
    for (const newText of [OLD.replace('città', 'bella città'), OLD.replace('città', 'città!')]) {
      const result = reanchorCodings([c], OLD, newText);
      expect(result.flagged).toBe(0);
      readsBack(result.codings, newText);
      expect(result.codings[0]!.start).toBe(newText.indexOf('città'));
    }
  });

  it('handles several separate edits at once', () => {
    const first = codingOf(OLD, 'Intervista.');
    const between = codingOf(OLD, 'La città 👩‍🔬');
    const touched = codingOf(OLD, 'è cambiata');
    const last = codingOf(OLD, 'Fine.');
    const newText = OLD.replace('INT-01', 'INT-001')
      .replace('è cambiata', 'è mutata')
      .replace('sindaco', 'la sindaca');
    const result = reanchorCodings([last, touched, between, first], OLD, newText);
    expect(result).toMatchObject({ moved: 2, flagged: 1 });
    readsBack(result.codings, newText);
    const byId = new Map(result.codings.map((c) => [c.id, c]));
    expect(byId.get('Intervista.')).toBe(first);
    // Between the first two edits: found again, shifted by the first edit only.
    expect(byId.get('La città 👩‍🔬')!.start).toBe(between.start + 1);
    expect(byId.get('Fine.')!.start).toBe(newText.indexOf('Fine.'));
    // Edited: kept with its old words, over what they became.
    const flagged = byId.get('è cambiata')!;
    expect(flagged).toMatchObject({ text: 'è cambiata', textChanged: true });
    expect(newText.slice(flagged.start, flagged.end)).toBe('è mutata');
  });

  it('keeps codings of emoji, NFD accents and CRLF exact across an edit', () => {
    const text = 'A 👩‍🔬 b\r\nla citta\u0300 vecchia';
    const codings = ['👩‍🔬', 'b\r\nla', 'citta\u0300'].map((p) => codingOf(text, p));
    const newText = `Premessa.\r\n${text.replace('vecchia', 'nuova')}`;
    const result = reanchorCodings(codings, text, newText);
    expect(result).toMatchObject({ moved: 3, flagged: 0 });
    readsBack(result.codings, newText);
    expect(result.codings.map((c) => c.start - codings.find((o) => o.id === c.id)!.start)).toEqual([
      11, 11, 11,
    ]);
  });

  it('returns the codings unchanged for an unchanged text, without mutating the input', () => {
    const input = Object.freeze([codingOf(OLD, 'città')]);
    const snapshot = structuredClone(input);
    expect(reanchorCodings(input, OLD, OLD)).toEqual({ codings: snapshot, moved: 0, flagged: 0 });
    reanchorCodings(input, OLD, OLD.replace('città', 'paese'));
    expect(input).toEqual(snapshot);
  });
});

describe('reanchorTurns', () => {
  const turn = (id: string, start: number, end: number): SpeakerTurn => ({
    id,
    start,
    end,
    speaker: id,
    participantId: null,
    time: null,
    guideQuestionId: null,
    questionIds: [],
  });
  const text = 'Prima battuta\nSeconda battuta';
  const turns = [turn('a', 0, 13), turn('b', 14, 29)];

  it('shifts later turns and extends a turn typed at its end', () => {
    const newText = 'Prima battuta lunga\nSeconda battuta';
    const mapped = reanchorTurns(turns, text, newText);
    expect(mapped.map((t) => newText.slice(t.start, t.end))).toEqual([
      'Prima battuta lunga',
      'Seconda battuta',
    ]);
    expect(turns[0]!.end).toBe(13);
  });

  it('gives text typed between two touching turns to the earlier one', () => {
    const touching = [turn('a', 0, 5), turn('b', 5, 9)];
    const mapped = reanchorTurns(touching, 'abcdefghi', 'abcdeXYfghi');
    expect(mapped.map((t) => [t.start, t.end])).toEqual([
      [0, 7],
      [7, 11],
    ]);
  });

  it('collapses a deleted turn to an empty span, never end < start', () => {
    const mapped = reanchorTurns(turns, text, 'Prima battuta');
    expect(mapped[1]).toMatchObject({ start: 13, end: 13 });
    expect(reanchorTurns(turns, text, text)).toEqual(turns);
  });

  // The walk-through's interview: two fixes in two turns, far apart.
  const interview = [
    'Intervistatore: Come valuta la rendicontazione?',
    'INT-02: Complessa, davvero complessa. Il portierato sociale ci chiede molto.',
    'Intervistatore: E cosa cambierebbe?',
    'INT-02: Meno moduli. Le assemblee di caseggiato funzionano.',
  ];
  const interviewText = interview.join('\n');
  const interviewTurns = interview.map((line, i) => {
    const start = interview.slice(0, i).join('\n').length + (i > 0 ? 1 : 0);
    return turn(`t${i}`, start, start + line.length);
  });

  it('keeps each turn on its own words after fixes in two turns', () => {
    const fixed = interviewText
      .replace('Come valuta la', 'Come valuta, in generale, la')
      .replace('E cosa', 'E che cosa');
    expect(textEdits(interviewText, fixed)).toHaveLength(2);
    const mapped = reanchorTurns(interviewTurns, interviewText, fixed);
    expect(mapped.map((t) => fixed.slice(t.start, t.end))).toEqual(fixed.split('\n'));
    // And the codings of the answers stay on them, none to check.
    const codings = [
      codingOf(interviewText, 'Il portierato sociale'),
      codingOf(interviewText, 'Le assemblee di caseggiato'),
    ];
    const result = reanchorCodings(codings, interviewText, fixed);
    expect(result.flagged).toBe(0);
    readsBack(result.codings, fixed);
  });

  it('never lets turns overlap, even when a fix spans the end of one and the start of the next', () => {
    const fixed = interviewText
      .replace('rendicontazione?\nINT-02: Complessa', 'rendicontazione? INT-02: Complessa')
      .replace('Meno moduli', 'Meno moduli, per favore');
    const mapped = reanchorTurns(interviewTurns, interviewText, fixed);
    for (let i = 1; i < mapped.length; i++) {
      expect(mapped[i]!.start).toBeGreaterThanOrEqual(mapped[i - 1]!.end);
    }
    expect(fixed.slice(mapped[3]!.start, mapped[3]!.end)).toBe(
      'INT-02: Meno moduli, per favore. Le assemblee di caseggiato funzionano.',
    );
  });

  it('falls back to one region for a rewrite too large to diff', () => {
    const rewritten = [...interviewText].reverse().join('');
    expect(textEdits(interviewText, rewritten).length).toBeGreaterThanOrEqual(1);
    const mapped = reanchorTurns(interviewTurns, interviewText, rewritten);
    for (const t of mapped) expect(t.end).toBeGreaterThanOrEqual(t.start);
  });
});

describe('reanchorDecision', () => {
  const text = 'Il tavolo comune ha funzionato bene.';
  const at = (words: string) => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
  });
  const decision = (words: string) => {
    const { start, end } = at(words);
    return {
      id: consensusDecisionId('s1', 'c1', start, end),
      sourceId: 's1',
      codeId: 'c1',
      start,
      end,
    };
  };

  it('moves a decided passage with the text, its id naming the new passage', () => {
    const corrected = `Secondo lei, ${text}`;
    const moved = reanchorDecision(
      decision('funzionato bene'),
      text,
      corrected,
      textEdits(text, corrected),
    )!;
    expect(corrected.slice(moved.start, moved.end)).toBe('funzionato bene');
    expect(moved.id).toBe(consensusDecisionId('s1', 'c1', moved.start, moved.end));
    // Text typed right before the passage is not taken into it.
    const first = reanchorDecision(
      decision('Il tavolo'),
      text,
      corrected,
      textEdits(text, corrected),
    )!;
    expect(corrected.slice(first.start, first.end)).toBe('Il tavolo');
    // Unmoved: the same record, id and stamps kept.
    const before = decision('Il tavolo');
    expect(reanchorDecision(before, text, `${text} Sì.`, textEdits(text, `${text} Sì.`))).toBe(
      before,
    );
  });

  it('drops a decision whose whole passage the correction removed', () => {
    const corrected = text.replace('tavolo comune ', '');
    expect(
      reanchorDecision(decision('tavolo comune'), text, corrected, textEdits(text, corrected)),
    ).toBeNull();
  });
});
