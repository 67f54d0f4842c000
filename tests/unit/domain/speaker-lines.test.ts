import { describe, expect, it } from 'vitest';
import { parseSpeakerLines } from '../../../src/shared/domain/speaker-lines';

describe('parseSpeakerLines', () => {
  it('reads timestamped turns; the text holds the utterances and the offsets point at them', () => {
    const input =
      '\uFEFF[00:00:05] Intervistatrice: Com’è andata?\r\n[00:01:10] INT-02: Bene 👍, perché c’era fiducia.\r\n';
    const { text, turns } = parseSpeakerLines(input);
    expect(text).toBe('Com’è andata?\nBene 👍, perché c’era fiducia.');
    expect(turns).toEqual([
      { speaker: 'Intervistatrice', start: 0, end: 13, time: 5 },
      { speaker: 'INT-02', start: 14, end: text.length, time: 70 },
    ]);
    expect(text.slice(turns[1]!.start, turns[1]!.end)).toBe('Bene 👍, perché c’era fiducia.');
  });

  it('joins continuation lines to the turn above and keeps speakers without timestamps', () => {
    const { text, turns } = parseSpeakerLines('INT-01: Prima riga\ncontinua qui\n\nINT-03: Altro');
    expect(text).toBe('Prima riga continua qui\nAltro');
    expect(turns.map((t) => [t.speaker, t.time])).toEqual([
      ['INT-01', null],
      ['INT-03', null],
    ]);
  });

  it('keeps text before any speaker as an unattributed turn', () => {
    const { turns, text } = parseSpeakerLines('Appunti iniziali\nINT-01: sì');
    expect(turns[0]).toMatchObject({ speaker: '' });
    expect(text.slice(turns[0]!.start, turns[0]!.end)).toBe('Appunti iniziali');
  });
});
