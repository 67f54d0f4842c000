/**
 * Builds the benchmark projects through the real handlers, so the files on disk are exactly
 * what a user's import and coding produce (nothing is written around the core).
 */
import type { SourceFile } from '../../src/shared/model/source';
import type { Call } from './bench-core';
import { participants, type PlannedCoding } from './synthetic';

const QUESTIONS = [
  'Efficacia degli interventi sulla città?',
  'Contributo del partenariato perché funzionasse?',
  'Coerenza con la strategia regionale?',
  'Efficienza nell’uso delle risorse?',
  'Sostenibilità dei risultati dopo il progetto?',
  'Inclusione dei gruppi più fragili?',
  'Innovazione delle pratiche di governance?',
  'Qualità del monitoraggio e della valutazione?',
];

// Thematic codes with their sub-codes; two more sub-codes go under DV1 and DV2 each.
const THEMES: Record<string, string[]> = {
  Criticità: ['Ritardi burocratici', 'Scarsità di personale'],
  'Punti di forza': ['Reti già esistenti', 'Leadership locale'],
  Governance: ['Tavoli di coordinamento', 'Ruolo della Regione'],
  Risorse: ['Cofinanziamento', 'Competenze tecniche'],
  Comunicazione: ['Canali digitali 😀', 'Passaparola'],
  Esiti: ['Esiti attesi', 'Esiti inattesi'],
};
const UNDER_DV = [
  ['Nuovi servizi', 'Nuovi target'],
  ['Partner attivi', 'Partner passivi'],
];

/** The codebook the cases code with. */
export interface Codebook {
  questionIds: string[];
  /** The codes of the evaluation questions (quick keys 1–8), in question order. */
  dvCodeIds: string[];
  /** Every code (DV codes, themes, sub-codes): 30 in all. */
  codeIds: string[];
}

/** Eight evaluation questions (each gets its DV code) and a two-level thematic codebook. */
export async function buildCodebook(call: Call): Promise<Codebook> {
  const questionIds: string[] = [];
  for (const text of QUESTIONS) questionIds.push((await call('questionAdd', { text })).id);
  const project = (await call('projectCurrent', {}))!.project;
  const dvCodeIds = questionIds.map(
    (id) => project.codes.find((code) => code.questionId === id && code.followsQuestion)!.id,
  );
  const codeIds = [...dvCodeIds];
  const add = async (name: string, parentId: string | null) => {
    const id = (await call('codeAdd', { name, parentId })).createdCodeId!;
    codeIds.push(id);
    return id;
  };
  for (const [theme, children] of Object.entries(THEMES)) {
    const parent = await add(theme, null);
    for (const child of children) await add(child, parent);
  }
  for (const [index, children] of UNDER_DV.entries()) {
    for (const child of children) await add(child, dvCodeIds[index]!);
  }
  return { questionIds, dvCodeIds, codeIds };
}

/** Adds `count` interviewees with organisation, role, territory and free attributes. */
export async function addParticipants(call: Call, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (const participant of participants(count)) {
    ids.push((await call('participantAdd', participant)).id);
  }
  return ids;
}

/**
 * Imports a transcript file as the import dialog does: `transcriptRead` parses it and suggests
 * who each speaker is (INT-03 → the participant INT-03), `transcriptImport` saves it.
 */
export async function importTranscript(
  call: Call,
  title: string,
  fileText: string,
): Promise<SourceFile> {
  const data = Buffer.from(fileText, 'utf8').toString('base64');
  const preview = await call('transcriptRead', { fileName: `${title}.txt`, data });
  const summary = await call('transcriptImport', {
    title,
    origin: 'txt',
    text: preview.text,
    turns: preview.turns.map((turn) => ({
      ...turn,
      participantId: preview.mapping[turn.speaker] ?? null,
    })),
    sessionId: null,
  });
  return call('sourceGet', { id: summary.id });
}

/** Applies planned codings one `codingApply` at a time, as a coder does. */
export async function codeOneByOne(
  call: Call,
  sourceId: string,
  planned: readonly PlannedCoding[],
): Promise<void> {
  for (const coding of planned) await call('codingApply', { sourceId, ...coding });
}

/**
 * Applies planned codings in bulk through `searchCodeAll` (the "code all results" action):
 * one call per code, each writing every source it touches once. The same codings as one
 * `codingApply` each, in a fraction of the setup time.
 */
export async function codeInBulk(
  call: Call,
  planned: ReadonlyArray<PlannedCoding & { sourceId: string }>,
): Promise<void> {
  const byCode = new Map<string, Array<{ sourceId: string; start: number; end: number }>>();
  for (const { codeId, sourceId, start, end } of planned) {
    const hits = byCode.get(codeId) ?? [];
    hits.push({ sourceId, start, end });
    byCode.set(codeId, hits);
  }
  for (const [codeId, hits] of byCode) {
    await call('searchCodeAll', { codeId, scope: 'match', hits });
  }
}
