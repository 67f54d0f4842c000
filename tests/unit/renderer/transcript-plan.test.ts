import { describe, expect, it } from 'vitest';
import {
  importInput,
  assembled,
  initialChoices,
  unassignedVoices,
  nextNewCode,
  type SpeakerChoice,
} from '../../../src/renderer/features/sources/transcript-plan';
import { readDocxText } from '../../../src/shared/domain/docx-transcript';
import { draftText, summariseLabels } from '../../../src/shared/domain/transcript-draft';
import { looksLikeInterviewer } from '../../../src/shared/domain/speaker-mapping';
import { isRoleLabel } from '../../../src/shared/domain/turn-labels';
import type { TranscriptPreview } from '../../../src/shared/ipc/types';

/** A preview as transcriptRead returns it, of a Word file holding `paragraphs`. */
function previewOf(
  title: string,
  paragraphs: string[],
  mapping: Record<string, string | null> = {},
): TranscriptPreview {
  const draft = readDocxText(paragraphs.join('\n\n'));
  const labels = summariseLabels(draft);
  return {
    format: 'docx',
    title,
    draft,
    ...draftText(draft),
    labels,
    mapping: Object.fromEntries(labels.map((l) => [l.label, mapping[l.label] ?? null])),
    duplicates: [],
  };
}

/** A Word focus group with a header block. */
const preview = (mapping: Record<string, string | null> = {}) =>
  previewOf(
    'FG-02',
    [
      'Data: 12/04/2021',
      'ACTION ITEM: verbale ai Comuni',
      'Facilitatrice: Iniziamo.',
      'Anna Rossi: La rete c’era già.',
      'Paolo Neri: Da noi no.',
      'Anna Rossi: Però mancavano le ore.',
    ],
    mapping,
  );

/** An interview in which `voices` speak in turn. */
const interviewPreview = (voices: string[], mapping: Record<string, string> = {}) =>
  previewOf(
    'INT-03',
    voices.map((voice, i) => `${voice}: battuta numero ${i + 1}, con qualche parola.`),
    mapping,
  );

describe('the interviewee of an interview', () => {
  it('is the interview’s one participant not named yet, the interviewer staying the evaluator', () => {
    const read = interviewPreview(['Intervistatrice', 'Mario Rossi', 'Intervistatrice']);
    expect(initialChoices(read, { participantIds: ['p-int03'], newCode: 'INT-04' })).toEqual({
      Intervistatrice: { kind: 'evaluator' },
      'Mario Rossi': { kind: 'participant', participantId: 'p-int03' },
    });
  });

  it('leaves out a voice with an evaluator’s name, as Teams writes display names', () => {
    // Found by a newcomer walk-through: «Giulia Bianchi», the interviewer, was left to assign,
    // and the interviewee was not recognised either (two voices were open).
    const read = interviewPreview(['Giulia  Bianchi', 'Mario Rossi', 'Giulia  Bianchi']);
    expect(
      initialChoices(read, { participantIds: ['p-int03'], newCode: 'INT-04' }, [
        'giulia bianchi',
        '',
      ]),
    ).toEqual({
      'Giulia  Bianchi': { kind: 'evaluator' },
      'Mario Rossi': { kind: 'participant', participantId: 'p-int03' },
    });
  });

  it('labels an evaluator’s voice by its role once imported: no «Voce n», no name in the turns', () => {
    // Found by a newcomer walk-through: «Giulia Bianchi», made the evaluator, showed as
    // «Voce 1» while coding (a name matched to nobody), where «Intervistatrice» shows as is.
    const read = interviewPreview(['Giulia Bianchi', 'Mario Rossi', 'Giulia Bianchi']);
    const names = ['Giulia Bianchi'];
    const choices = initialChoices(read, { participantIds: ['p-1'], newCode: 'INT-04' }, names);
    const input = importInput(read, choices, new Set(), 'INT-03', 's-1', {
      names,
      role: 'Valutatore',
    });
    expect(input.turns.map((turn) => [turn.speaker, turn.participantId])).toEqual([
      ['Valutatore', null],
      ['Mario Rossi', 'p-1'],
      ['Valutatore', null],
    ]);
    expect(isRoleLabel('Valutatore')).toBe(true);
    // Two evaluators named in one focus group stay two voices; a voice made «Valutatore /
    // non partecipante» by hand that is nobody's name keeps its label (it may be anyone).
    const group = interviewPreview(['Giulia Bianchi', 'Luca Verdi', 'Anna Neri', 'Luca Verdi']);
    const picked: Record<string, SpeakerChoice> = {
      'Giulia Bianchi': { kind: 'evaluator' },
      'Luca Verdi': { kind: 'evaluator' },
      'Anna Neri': { kind: 'evaluator' },
    };
    const team = { names: ['Giulia Bianchi', 'luca verdi'], role: 'Evaluator' };
    expect(
      importInput(group, picked, new Set(), 'FG', undefined, team).turns.map(
        (turn) => turn.speaker,
      ),
    ).toEqual(['Evaluator 1', 'Evaluator 2', 'Anna Neri', 'Evaluator 2']);
  });

  it('is a new participant when the interview has none yet', () => {
    const read = interviewPreview(['D', 'Mario Rossi']);
    expect(initialChoices(read, { participantIds: [], newCode: 'INT-04' })).toEqual({
      D: { kind: 'evaluator' },
      'Mario Rossi': { kind: 'new', code: 'INT-04', role: '' },
    });
  });

  it('is left to the user when two voices could be it, or the participant is named already', () => {
    const two = interviewPreview(['Moderatore', 'Mario Rossi', 'Lucia Verdi']);
    expect(initialChoices(two, { participantIds: ['p-1'], newCode: 'INT-04' })).toEqual({
      Moderatore: { kind: 'evaluator' },
      'Mario Rossi': { kind: 'unassigned' },
      'Lucia Verdi': { kind: 'unassigned' },
    });
    const named = interviewPreview(['Intervistatore', 'INT-03', 'Ospite'], { 'INT-03': 'p-1' });
    expect(initialChoices(named, { participantIds: ['p-1'], newCode: 'INT-04' })).toMatchObject({
      'INT-03': { kind: 'participant', participantId: 'p-1' },
      Ospite: { kind: 'unassigned' },
    });
  });

  it('tells the interviewer’s labels from names and pseudonyms', () => {
    const interviewer = [
      'Intervistatrice',
      'Moderatore 2',
      'D',
      'I',
      'Ricercatrice',
      'Interviewer',
      'Facilitatore',
    ];
    const others = ['INT-01', 'Domenico', 'Ida', 'Mario Rossi', 'Moderna Srl', 'Valutazione'];
    expect(interviewer.filter(looksLikeInterviewer)).toEqual(interviewer);
    expect(others.filter(looksLikeInterviewer)).toEqual([]);
  });
});

describe('the transcript import plan', () => {
  it('starts doubtful labels as text, known speakers as their participant, moderators as the evaluator, other voices to assign', () => {
    expect(initialChoices(preview({ 'Anna Rossi': 'p-anna' }))).toEqual({
      Data: { kind: 'not-speaker' },
      'ACTION ITEM': { kind: 'not-speaker' },
      Facilitatrice: { kind: 'evaluator' },
      'Anna Rossi': { kind: 'participant', participantId: 'p-anna' },
      'Paolo Neri': { kind: 'unassigned' },
    });
  });

  it('waits for the voices left to assign that speak in what is imported', () => {
    const read = preview({ 'Anna Rossi': 'p-anna' });
    const choices = initialChoices(read);
    const { turns } = assembled(read, choices, new Set());
    expect(unassignedVoices(choices, turns)).toEqual(['Paolo Neri']);
    const decided = { ...choices, 'Paolo Neri': { kind: 'evaluator' } as const };
    expect(unassignedVoices(decided, assembled(read, decided, new Set()).turns)).toEqual([]);
  });

  it('takes a voice labelled with a pseudonym no participant has for a new participant with it', () => {
    const read = previewOf('intervista-01', [
      'Intervistatore: Com’è nato il progetto?',
      'INT-01: Nel 2019, con il bando.',
      'fg-02-p3: Anche da noi.',
      'Paolo Neri: Da noi no.',
    ]);
    expect(initialChoices(read)).toEqual({
      Intervistatore: { kind: 'evaluator' },
      'INT-01': { kind: 'new', code: 'INT-01', role: '' },
      'fg-02-p3': { kind: 'new', code: 'FG-02-P3', role: '' },
      'Paolo Neri': { kind: 'unassigned' },
    });
    // A pseudonym a participant already has is that participant.
    const known = previewOf('intervista-01', ['INT-01: Nel 2019.'], { 'INT-01': 'p-int01' });
    expect(initialChoices(known)).toEqual({
      'INT-01': { kind: 'participant', participantId: 'p-int01' },
    });
  });

  it('gives each new participant the next free pseudonym, never the same one twice', () => {
    const existing = [{ code: 'FG-02-P1' }];
    const choices: Record<string, SpeakerChoice> = {};
    choices['Anna Rossi'] = {
      kind: 'new',
      code: nextNewCode(existing, choices, 'FG-02'),
      role: '',
    };
    choices['Paolo Neri'] = {
      kind: 'new',
      code: nextNewCode(existing, choices, 'FG-02'),
      role: '',
    };
    expect([choices['Anna Rossi'].code, choices['Paolo Neri'].code]).toEqual([
      'FG-02-P2',
      'FG-02-P3',
    ]);
  });

  it('builds the import: decisions applied, new participants with their label and role, turns mapped', () => {
    const read = preview();
    const choices: Record<string, SpeakerChoice> = {
      ...initialChoices(read),
      Data: { kind: 'evaluator' },
      'Anna Rossi': { kind: 'new', code: 'FG-02-P1', role: 'Cooperativa' },
      'Paolo Neri': { kind: 'not-speaker' },
    };
    const input = importInput(read, choices, new Set([1]), '  ', 'session-1');
    expect(input.title).toBe('FG-02');
    expect(input.sessionId).toBe('session-1');
    expect(input.newParticipants).toEqual([
      { speaker: 'Anna Rossi', code: 'FG-02-P1', role: 'Cooperativa' },
    ]);
    const turns = input.turns.map((turn) => [
      turn.speaker,
      input.text.slice(turn.start, turn.end),
      turn.participantId,
    ]);
    expect(turns).toEqual([
      ['Data', '12/04/2021', null],
      ['Facilitatrice', 'Iniziamo.', null],
      ['Anna Rossi', 'La rete c’era già.', null],
      ['', 'Paolo Neri: Da noi no.', null],
      ['Anna Rossi', 'Però mancavano le ore.', null],
    ]);
    expect(input.text).not.toContain('ACTION ITEM');
  });
});
