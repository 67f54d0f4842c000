import { describe, expect, it } from 'vitest';
import type { SpeakerTurn } from '../../../src/shared/model/source';
import { contextBounds, segmentContext } from '../../../src/shared/domain/segment-context';
import { parseSpeakerLines } from '../../../src/shared/domain/speaker-lines';

/** A short imported transcript: two header lines, then interviewer and participant by turns. */
const TRANSCRIPT = [
  'Intervista al referente del Comune di Varese',
  'Data: 15/06/2021, ore 9:30',
  'Intervistatore: Buongiorno, ci racconta il progetto?',
  'Mario Rossi: Il progetto ha raggiunto molti giovani NEET del territorio.',
  'Mario Rossi: Abbiamo lavorato con le scuole.',
  'Intervistatore: E le difficoltà?',
  'Mario Rossi: Soprattutto la burocrazia della rendicontazione.',
].join('\n');

function parsed(): { text: string; turns: SpeakerTurn[] } {
  const { text, turns } = parseSpeakerLines(TRANSCRIPT);
  return {
    text,
    turns: turns.map((turn, i) => ({
      ...turn,
      id: `t${i}`,
      participantId: turn.speaker === 'Mario Rossi' ? 'p1' : null,
      guideQuestionId: null,
      questionIds: [],
    })),
  };
}

function around(text: string, turns: SpeakerTurn[], passage: string, chars = 160) {
  const start = text.indexOf(passage);
  return segmentContext(text, turns, start, start + passage.length, chars);
}

describe('segmentContext', () => {
  it('keeps the context inside the coded speaker turn: no header, no interviewer question', () => {
    const { text, turns } = parsed();
    const context = around(text, turns, 'molti giovani NEET');
    expect(context.before).toBe('Il progetto ha raggiunto ');
    expect(context.after).toBe(' del territorio. Abbiamo lavorato con le scuole.');
    expect(context.clippedBefore).toBe(false);
    expect(context.clippedAfter).toBe(false);
    const shown = `${context.before} ${context.passage} ${context.after}`;
    expect(shown).not.toContain('Buongiorno');
    expect(shown).not.toContain('Varese');
    expect(shown).not.toContain('difficoltà');
  });

  it('does not pull the next interviewer question into the last words of an answer', () => {
    const { text, turns } = parsed();
    const context = around(text, turns, 'Abbiamo lavorato');
    expect(context.after).toBe(' con le scuole.');
    expect(context.before).toBe('Il progetto ha raggiunto molti giovani NEET del territorio. ');
  });

  it('still clips long turns on word boundaries, with the ellipsis flag', () => {
    const { text, turns } = parsed();
    const context = around(text, turns, 'burocrazia', 10);
    expect(context.before).toBe('la ');
    expect(context.clippedBefore).toBe(true);
    expect(context.after).toBe(' della');
    expect(context.clippedAfter).toBe(true);
  });

  it('keeps a passage in a text without turns to its own line', () => {
    const text = 'Titolo del documento\nIl dato chiave è la dispersione scolastica.\nAltra riga';
    const context = around(text, [], 'dispersione');
    expect(context.before).toBe('Il dato chiave è la ');
    expect(context.after).toBe(' scolastica.');
    expect(context.clippedBefore).toBe(false);
  });

  it('spans every turn a passage overlaps, and a caret counts the turn holding it', () => {
    const { text, turns } = parsed();
    const from = text.indexOf('ci racconta');
    const to = text.indexOf('giovani');
    const bounds = contextBounds(text, turns, from, to);
    expect(text.slice(bounds.start, bounds.end)).toBe(
      'Buongiorno, ci racconta il progetto?\nIl progetto ha raggiunto molti giovani NEET del territorio.\nAbbiamo lavorato con le scuole.',
    );
    const caret = text.indexOf('E le');
    const line = contextBounds(text, turns, caret, caret);
    expect(text.slice(line.start, line.end)).toBe('E le difficoltà?');
  });
});
