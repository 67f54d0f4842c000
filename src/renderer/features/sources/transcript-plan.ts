import { nextParticipantCode } from '../../../shared/domain/pseudonyms';
import { looksLikeInterviewer, speakerKey } from '../../../shared/domain/speaker-mapping';
import {
  assembleDraft,
  type LineDecisions,
  type ParsedTurn,
} from '../../../shared/domain/transcript-draft';
import type { HandlerArgs } from '../../../shared/ipc/contract';
import type { TranscriptPreview } from '../../../shared/ipc/types';

/** What the user says a speaker label of the file is. */
export type SpeakerChoice =
  | { kind: 'unassigned' }
  | { kind: 'not-speaker' }
  | { kind: 'evaluator' }
  | { kind: 'participant'; participantId: string }
  | { kind: 'new'; code: string; role: string };

/** The interview a transcript goes into: who it is with, and a new interviewee's pseudonym. */
export interface InterviewContext {
  participantIds: readonly string[];
  newCode: string;
}

/** The evaluators' names as speaker labels are matched (see speakerKey); blanks left out. */
const evaluatorKeys = (names: readonly string[]) => new Set(names.map(speakerKey).filter(Boolean));

/** A speaker label that is itself a pseudonym as Campo writes them: INT-01, FG-02-P3. */
const PSEUDONYM_LABEL = /^(?:INT|FG)-\d{1,4}(?:-P\d{1,3})?$/i;

/**
 * The first choice of every label: doubtful ones stay text, known speakers are their
 * participant, a label that is a pseudonym no participant has yet (INT-01) a new participant
 * with that pseudonym, an interviewer or moderator (or one of `evaluatorNames`) the evaluator, and any other voice is left to
 * assign (nobody is silently made "not a participant"). In an interview, the one voice left that is not
 * the interviewer's is the interviewee: the interview's one participant not named yet, or a new
 * participant when the interview has none.
 */
export function initialChoices(
  preview: TranscriptPreview,
  interview?: InterviewContext,
  evaluatorNames: readonly string[] = [],
): Record<string, SpeakerChoice> {
  // A label with the name of an evaluator (the team, the interview's interviewer) is the
  // evaluator's side, as Teams writes display names (walk-through 8: she was left to assign).
  const evaluators = evaluatorKeys(evaluatorNames);
  const asksQuestions = (label: string) =>
    looksLikeInterviewer(label) || evaluators.has(speakerKey(label));
  const choices = Object.fromEntries(
    preview.labels.map((label): [string, SpeakerChoice] => {
      if (label.doubt) return [label.label, { kind: 'not-speaker' }];
      const id = preview.mapping[label.label];
      if (id) return [label.label, { kind: 'participant', participantId: id }];
      // A transcript written with pseudonyms names its participants: no name is guessed here.
      if (PSEUDONYM_LABEL.test(label.label.trim())) {
        return [label.label, { kind: 'new', code: label.label.trim().toUpperCase(), role: '' }];
      }
      return [
        label.label,
        asksQuestions(label.label) ? { kind: 'evaluator' } : { kind: 'unassigned' },
      ];
    }),
  );
  if (!interview) return choices;
  const open = preview.labels.filter(
    (label) => !label.doubt && !preview.mapping[label.label] && !asksQuestions(label.label),
  );
  if (open.length !== 1) return choices;
  const named = new Set(Object.values(preview.mapping));
  const free = interview.participantIds.filter((id) => !named.has(id));
  const voice = open[0]!.label;
  if (free.length === 1) choices[voice] = { kind: 'participant', participantId: free[0]! };
  else if (interview.participantIds.length === 0)
    choices[voice] = { kind: 'new', code: interview.newCode, role: '' };
  return choices;
}

/** The preview decisions the choices and the ignored lines make. */
export function decisionsOf(
  preview: TranscriptPreview,
  choices: Record<string, SpeakerChoice>,
  ignored: ReadonlySet<number>,
): LineDecisions {
  const notSpeakers: string[] = [];
  const speakers: string[] = [];
  for (const label of preview.labels) {
    const speaks = choices[label.label]?.kind !== 'not-speaker';
    if (label.doubt && speaks) speakers.push(label.label);
    if (!label.doubt && !speaks) notSpeakers.push(label.label);
  }
  return { notSpeakers, speakers, ignored: [...ignored] };
}

/** The text and turns the user will import. */
export function assembled(
  preview: TranscriptPreview,
  choices: Record<string, SpeakerChoice>,
  ignored: ReadonlySet<number>,
): { text: string; turns: ParsedTurn[] } {
  return assembleDraft(preview.draft, decisionsOf(preview, choices, ignored));
}

/**
 * The pseudonym a label gets when the user makes it a new participant: the next free one after
 * the project's and those other labels of this file already took (FG-02-P1, FG-02-P2…).
 */
export function nextNewCode(
  participants: readonly { code: string }[],
  choices: Record<string, SpeakerChoice>,
  focusGroupCode: string | undefined,
): string {
  const pending = Object.values(choices).flatMap((choice) =>
    choice.kind === 'new' ? [{ code: choice.code }] : [],
  );
  return nextParticipantCode([...participants, ...pending], focusGroupCode);
}

/** Labels that speak in the text to import and are not assigned yet (import waits for them). */
export function unassignedVoices(
  choices: Record<string, SpeakerChoice>,
  turns: readonly ParsedTurn[],
): string[] {
  const speaking = new Set(turns.map((turn) => turn.speaker));
  return Object.entries(choices).flatMap(([label, choice]) =>
    choice.kind === 'unassigned' && speaking.has(label) ? [label] : [],
  );
}

/** How the voices of evaluators named in a file are labelled once imported (see `evaluatorVoices`). */
export interface EvaluatorVoices {
  /** The names the evaluators go by (the team, the session's interviewer). */
  names: readonly string[];
  /** The role word in the project's language: «Valutatore», "Evaluator". */
  role: string;
}

/**
 * The new label of each voice made the evaluator's side whose label is an evaluator's name
 * ("Giulia Bianchi", as Teams writes display names): the role word, numbered when the file has
 * more than one such voice. A name matched to nobody shows as «Voce n» while a role shows as it
 * is (walk-through 8), and the evaluator's name stays out of the project's turns.
 */
export function evaluatorVoices(
  choices: Record<string, SpeakerChoice>,
  voices: EvaluatorVoices,
): Map<string, string> {
  const names = evaluatorKeys(voices.names);
  const named = Object.entries(choices).flatMap(([label, choice]) =>
    choice.kind === 'evaluator' && names.has(speakerKey(label)) ? [label] : [],
  );
  return new Map(
    named.map((label, i) => [label, named.length === 1 ? voices.role : `${voices.role} ${i + 1}`]),
  );
}

/** The transcriptImport call for the choices. */
export function importInput(
  preview: TranscriptPreview,
  choices: Record<string, SpeakerChoice>,
  ignored: ReadonlySet<number>,
  title: string,
  sessionId: string | undefined,
  voices: EvaluatorVoices = { names: [], role: '' },
): HandlerArgs<'transcriptImport'> {
  const { text, turns } = assembled(preview, choices, ignored);
  const relabelled = evaluatorVoices(choices, voices);
  const newParticipants = Object.entries(choices).flatMap(([speaker, choice]) =>
    choice.kind === 'new' && turns.some((turn) => turn.speaker === speaker)
      ? [{ speaker, code: choice.code.trim(), role: choice.role.trim() }]
      : [],
  );
  return {
    title: title.trim() || preview.title,
    origin: preview.format,
    text,
    turns: turns.map((turn) => {
      const choice = choices[turn.speaker];
      return {
        ...turn,
        speaker: relabelled.get(turn.speaker) ?? turn.speaker,
        participantId: choice?.kind === 'participant' ? choice.participantId : null,
      };
    }),
    sessionId: sessionId ?? null,
    newParticipants,
  };
}
