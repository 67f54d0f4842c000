/** The workbook's coding sheets: coded segments, codebook, codes × participants, framework. */
import { codeFrequency, frameworkMatrix, type Segment } from '../domain/coding-analysis';
import { distinctPassages } from '../domain/passages';
import { codeTreeOrder } from '../domain/codebook-tree';
import { coderDisplay } from '../domain/team';
import type { Participant } from '../model/project';
import { titleAnonymiser } from './anonymise';
import { voicesOfCodings } from '../domain/passage-voices';
import { turnLabelText } from '../domain/turn-labels';
import type { WorkbookCell, WorkbookPace, WorkbookSheet } from './workbook';
import {
  dateText,
  joined,
  numberText,
  sheet,
  textOrEmpty,
  type WorkbookContext,
} from './workbook-cells';

type Attribute = Participant['attributes'][number];

/** Coded segments turned into rows between two pauses (about 50 ms at 3,000 transcripts). */
const ROWS_PER_PAUSE = 5_000;

/** Free attribute keys of the participants, in order of first appearance. */
function attributeKeys(participants: readonly Participant[]): string[] {
  const keys = new Set<string>();
  for (const participant of participants) {
    for (const attribute of participant.attributes) keys.add(attribute.key);
  }
  return [...keys];
}

/**
 * The value of attribute `key` for the people who said a passage: typed when one of them has
 * it (a number stays a number), the distinct values joined as text when several do.
 */
function attributeCell(
  people: readonly Participant[],
  key: string,
  context: WorkbookContext,
): WorkbookCell {
  const values = people
    .map((person) => person.attributes.find((attribute) => attribute.key === key))
    .filter((attribute): attribute is Attribute => attribute !== undefined);
  const [only] = values;
  if (only === undefined) return null;
  if (values.length === 1) {
    if (only.type === 'date') return { date: only.value };
    return only.type === 'text' ? textOrEmpty(only.value) : only.value;
  }
  const { t, language } = context;
  return joined(
    values.map((attribute) => {
      switch (attribute.type) {
        case 'number':
          return numberText(attribute.value, language);
        case 'date':
          return dateText(attribute.value);
        case 'boolean':
          return attribute.value ? t('xlsx.yes') : t('xlsx.no');
        case 'text':
          return attribute.value;
      }
    }),
  );
}

/**
 * One row per coding, in source order: where it comes from, who said it (pseudonyms and their
 * profile, one column per free attribute), the code and its DV, the passage, memo, key flag,
 * offsets, the day it was coded and by whom (each coder's layer, the consensus). Speaker labels
 * are left out: transcripts often label turns with real names.
 */
export async function segmentsSheet(
  context: WorkbookContext,
  pace: WorkbookPace,
): Promise<WorkbookSheet> {
  const { t, participants } = context;
  const keys = attributeKeys(context.project.participants);
  const fixed = [
    t('xlsx.col.source'),
    t('xlsx.col.session'),
    t('xlsx.col.participants'),
    t('xlsx.col.organisation'),
    t('xlsx.col.role'),
    t('xlsx.col.territory'),
    t('xlsx.col.partnershipType'),
  ];
  // An attribute imported under a built-in column's name («Tipo di partenariato») is told apart
  // from it: two columns with one header read as one field (walk-through 9).
  const taken = new Set(fixed.map((name) => name.toLocaleLowerCase()));
  const header = [
    ...fixed,
    ...keys.map((key) =>
      taken.has(key.trim().toLocaleLowerCase()) ? t('xlsx.col.attributeNamed', { key }) : key,
    ),
    t('xlsx.col.codePath'),
    t('xlsx.col.question'),
    t('xlsx.col.text'),
    t('xlsx.col.voices'),
    t('xlsx.col.memo'),
    t('xlsx.col.key'),
    t('xlsx.col.start'),
    t('xlsx.col.end'),
    t('xlsx.col.codedOn'),
    t('xlsx.col.coder'),
  ];
  // A title made from a file's name may hold a surname in lower case («int01_ferrari»). Once
  // per source, not per row (300,000 rows at XL).
  const anonymiseTitle = titleAnonymiser(context.project.participants);
  const titles = new Map<string, string>();
  const title = (text: string) => {
    let done = titles.get(text);
    if (done === undefined) titles.set(text, (done = anonymiseTitle(text)));
    return done;
  };
  // A passage across speaker turns says whose words it holds, in order (walk-through 11: a
  // facilitator's question read as the participant's words). A short column of its own: the
  // passage's text stays the corpus's string (written voice by voice it cost 155 MB at L).
  const sources = new Map(context.corpus.map((source) => [source.id, source]));
  const voices = voicesOfCodings(new Map(context.project.participants.map((p) => [p.id, p.code])));
  const voicesOf = (segment: (typeof context.segments)[number]): string | null => {
    const source = sources.get(segment.sourceId);
    const found = source ? voices(source, segment.coding) : [];
    if (found.length < 2) return null;
    return found.map((voice) => turnLabelText(voice.label, t) ?? '?').join(' → ');
  };
  const row = (segment: (typeof context.segments)[number]): WorkbookCell[] => {
    const people = segment.participantIds
      .map((id) => participants.get(id))
      .filter((person): person is Participant => person !== undefined);
    const { coding } = segment;
    return [
      title(segment.sourceTitle),
      textOrEmpty(segment.sessionCode),
      joined(people.map((person) => person.code)),
      joined(people.map((person) => person.organisation)),
      joined(people.map((person) => person.role)),
      joined(people.map((person) => person.territory)),
      joined(
        people.map((person) =>
          person.partnershipType === null ? '' : t(`partnership.${person.partnershipType}`),
        ),
      ),
      ...keys.map((key) => attributeCell(people, key, context)),
      context.paths.get(coding.codeId) ?? null,
      context.questionCodes.get(coding.codeId) ?? null,
      coding.text,
      voicesOf(segment),
      textOrEmpty(coding.memo),
      coding.key,
      coding.start,
      coding.end,
      { date: coding.createdAt },
      // With two coders and a consensus layer the same passage is there up to three times.
      coderDisplay(context.project.evaluators, coding.coderId, context.t('agreement.consensus'))
        .name,
    ];
  };
  const { segments } = context;
  const rows: WorkbookCell[][] = [];
  for (let at = 0; at < segments.length; at += ROWS_PER_PAUSE) {
    const end = Math.min(segments.length, at + ROWS_PER_PAUSE);
    for (let index = at; index < end; index++) rows.push(row(segments[index]!));
    pace.onRows?.(end, segments.length);
    await pace.pause();
  }
  return sheet(t('xlsx.sheet.segments'), header, rows);
}

/** The codebook in tree order, with how often each code was applied (alone and with sub-codes). */
export function codebookSheet(context: WorkbookContext): WorkbookSheet {
  const { t, project, paths } = context;
  const frequency = new Map(
    codeFrequency(context.corpus, project.codes).map((row) => [row.codeId, row]),
  );
  const header = [
    t('xlsx.col.path'),
    t('xlsx.col.name'),
    t('xlsx.col.parentPath'),
    t('xlsx.col.question'),
    t('xlsx.col.description'),
    t('xlsx.col.colour'),
    t('xlsx.col.quickKey'),
    t('xlsx.col.codings'),
    t('xlsx.col.codingsWithChildren'),
  ];
  const rows = codeTreeOrder(project.codes).map(({ code }): WorkbookCell[] => [
    paths.get(code.id) ?? code.name,
    code.name,
    code.parentId === null ? null : (paths.get(code.parentId) ?? null),
    context.questionCodes.get(code.id) ?? null,
    textOrEmpty(code.description),
    code.colour,
    code.quickKey,
    frequency.get(code.id)?.codings ?? 0,
    frequency.get(code.id)?.codingsWithChildren ?? 0,
  ]);
  return sheet(t('xlsx.sheet.codebook'), header, rows);
}

/**
 * Codes (tree order) × participants (project order): how many passages coded with the code
 * alone each participant said, a passage counted once however many coders (and the consensus)
 * coded it, as the report counts them (walk-through 9: a passage coded by two coders and the
 * consensus counted three times). A passage said by two participants counts for both, and the
 * total is the row's sum.
 */
export function codesByParticipantSheet(context: WorkbookContext): WorkbookSheet {
  const { t, project, paths } = context;
  const segmentsOf = new Map<string, Map<string, Segment[]>>();
  for (const segment of context.segments) {
    const byParticipant = segmentsOf.get(segment.coding.codeId) ?? new Map<string, Segment[]>();
    segmentsOf.set(segment.coding.codeId, byParticipant);
    for (const id of segment.participantIds) {
      // Pushed, not copied: a code can hold tens of thousands of one participant's passages.
      const held = byParticipant.get(id);
      if (held) held.push(segment);
      else byParticipant.set(id, [segment]);
    }
  }
  const counts = new Map(
    [...segmentsOf].map(([codeId, byParticipant]) => [
      codeId,
      new Map([...byParticipant].map(([id, segments]) => [id, distinctPassages(segments)])),
    ]),
  );
  const header = [
    t('xlsx.col.codePath'),
    ...project.participants.map((participant) => participant.code),
    t('xlsx.col.total'),
  ];
  const rows = codeTreeOrder(project.codes).map(({ code }): WorkbookCell[] => {
    const cells = project.participants.map(
      (participant) => counts.get(code.id)?.get(participant.id) ?? 0,
    );
    return [paths.get(code.id) ?? code.name, ...cells, cells.reduce((sum, n) => sum + n, 0)];
  });
  return sheet(t('xlsx.sheet.codesByParticipant'), header, rows);
}

/**
 * The framework matrix: one row per participant, two columns per evaluation question — how
 * many passages of theirs answer it (see frameworkMatrix) and the evaluator's summary.
 */
export function frameworkSheet(context: WorkbookContext): WorkbookSheet {
  const { t, project } = context;
  const cells = frameworkMatrix(
    context.corpus,
    project.codes,
    project.participants,
    project.questions,
  );
  const summaries = new Map(
    project.frameworkSummaries.map((summary) => [
      `${summary.participantId}|${summary.questionId}`,
      summary.text,
    ]),
  );
  const header = [
    t('xlsx.col.participant'),
    t('xlsx.col.organisation'),
    ...project.questions.flatMap((question) => [
      t('xlsx.col.passages', { code: question.code }),
      t('xlsx.col.summary', { code: question.code }),
    ]),
  ];
  const rows = project.participants.map((participant): WorkbookCell[] => [
    participant.code,
    textOrEmpty(participant.organisation),
    ...project.questions.flatMap((question) => {
      const key = `${participant.id}|${question.id}`;
      return [cells.get(key)?.length ?? 0, textOrEmpty(summaries.get(key))];
    }),
  ]);
  return sheet(t('xlsx.sheet.framework'), header, rows);
}
