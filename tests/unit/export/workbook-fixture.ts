/**
 * A small project for the workbook export tests: two participants (INT-01 has a real name),
 * two DVs, a child code, three codings in two sources, a framework summary, an NGT session
 * with a vote and a rating round, a 2×2 integration matrix and two indicators.
 */
import type { TextAgreementInput } from '../../../src/shared/domain/agreement-layers';
import {
  agreementInputOfViews,
  agreementViewOf,
} from '../../../src/main/core/agreement/agreement-data';
import type { SourceForAnalysis } from '../../../src/shared/domain/coding-analysis';
import { ProjectFileSchema, type ProjectFile } from '../../../src/shared/model/project';
import type { Coding, SpeakerTurn } from '../../../src/shared/model/source';

/** The real name of INT-01: it must never reach the workbook. */
export const REAL_NAME = 'Mario Rossi';

const AT = '2021-03-18T09:30:00.000Z';

/** A source whose text is the given speaker lines, one turn each, codings by quoted text. */
function source(
  id: string,
  title: string,
  sessionCode: string,
  lines: Array<[speaker: string, participantId: string | null, said: string]>,
  codings: Array<{ id: string; codeId: string; quote: string } & Partial<Coding>>,
): SourceForAnalysis {
  let text = '';
  const turns: SpeakerTurn[] = lines.map(([speaker, participantId, said], i) => {
    const start = text.length;
    text += `${speaker}: ${said}\n`;
    return {
      id: `${id}-t${i}`,
      start,
      end: text.length,
      speaker,
      participantId,
      time: null,
      guideQuestionId: null,
      questionIds: [],
    };
  });
  return {
    id,
    title,
    text,
    turns,
    participantIds: [],
    sessionCode,
    codings: codings.map(({ quote, ...coding }) => {
      const start = text.indexOf(quote);
      if (start < 0) throw new Error(`"${quote}" is not in ${id}`);
      return {
        coderId: 'ev-1',
        memo: '',
        key: false,
        textChanged: false,
        createdAt: AT,
        ...coding,
        start,
        end: start + quote.length,
        text: quote,
      };
    }),
  };
}

/** The project, parsed with its schema so every default is there. */
export function sampleProject(): ProjectFile {
  return ProjectFileSchema.parse({
    schemaVersion: 2,
    app: 'campo',
    id: 'project-1',
    createdAt: AT,
    updatedAt: AT,
    meta: { title: 'Valutazione POR FSE' },
    evaluators: [{ id: 'ev-1', name: 'Laura Neri', initials: 'LN' }],
    questions: [
      { id: 'q1', code: 'DV1', text: 'Gli interventi sono stati efficaci?' },
      { id: 'q2', code: 'DV2', text: 'Il partenariato ha funzionato?' },
    ],
    participants: [
      {
        id: 'p1',
        code: 'INT-01',
        name: REAL_NAME,
        role: 'Dirigente',
        organisation: 'Comune di Bergamo',
        territory: 'Bergamo',
        partnershipType: 'istituzionale',
        attributes: [
          { key: 'Budget (k€)', type: 'number', value: 1234.5 },
          { key: 'Data intervista', type: 'date', value: '2021-03-18' },
          { key: 'Beneficiario', type: 'boolean', value: true },
        ],
      },
      {
        id: 'p2',
        code: 'INT-02',
        role: 'Presidente',
        organisation: 'Cooperativa Àncora 🌱',
        territory: 'Mantova',
        partnershipType: 'societa-civile',
        attributes: [
          { key: 'Budget (k€)', type: 'number', value: 80 },
          { key: 'Beneficiario', type: 'boolean', value: false },
        ],
      },
    ],
    codes: [
      { id: 'c1', name: 'Criticità', questionId: 'q1', colour: '#e15759' },
      { id: 'c2', name: 'Tempi', parentId: 'c1', description: 'Ritardi e scadenze' },
      { id: 'c3', name: 'Partenariato', questionId: 'q2', quickKey: 1 },
    ],
    frameworkSummaries: [
      {
        id: 'p1~q1',
        participantId: 'p1',
        questionId: 'q1',
        text: 'Bandi in ritardo, rendicontazione lenta.',
        updatedAt: AT,
      },
    ],
    ngtSessions: [
      {
        id: 'ngt1',
        code: 'NGT-01',
        question: 'Quali priorità per il prossimo periodo?',
        participantIds: ['p1', 'p2'],
        rule: { kind: 'rank-top-k', k: 3, tieBreak: ['votes', 'top-votes'] },
        rounds: 2,
        ideas: [
          { id: 'i1', code: 'I1', text: 'Semplificare i bandi', authorId: 'p1', createdAt: AT },
          {
            id: 'i2',
            code: 'I2',
            text: 'Più formazione per gli enti',
            authorId: 'p2',
            createdAt: AT,
          },
          {
            id: 'i3',
            code: 'I3',
            text: 'Sportello unico',
            authorId: 'p1',
            clarification: 'Uno per provincia',
            createdAt: AT,
          },
          {
            id: 'i4',
            code: 'I4',
            text: 'Bandi più semplici',
            authorId: 'p2',
            mergedInto: 'i1',
            createdAt: AT,
          },
        ],
        votes: [
          {
            id: 'round1',
            kind: 'vote',
            ideaIds: ['i1', 'i2', 'i3'],
            ballots: [
              { participantId: 'p1', points: { i1: 3, i2: 2, i3: 1 }, enteredAt: AT },
              { participantId: 'p2', points: { i2: 3, i3: 2, i1: 1 }, enteredAt: AT },
            ],
          },
          {
            id: 'round2',
            kind: 'rating',
            ideaIds: ['i1', 'i2'],
            ratings: [
              { participantId: 'p1', values: { i1: 6, i2: 8 }, enteredAt: AT },
              { participantId: 'p2', values: { i1: 7, i2: 9 }, enteredAt: AT },
            ],
          },
        ],
      },
    ],
    matrices: [
      {
        id: 'm1',
        title: 'Matrice di integrazione',
        template: 'integration',
        rows: [
          { id: 'r1', label: 'Asse I – Occupazione', note: 'Tasso 20-64 anni: 67-69%' },
          { id: 'r2', label: 'Asse II – Inclusione' },
        ],
        columns: [
          { id: 'k1', label: 'POR FESR' },
          { id: 'k2', label: 'PSR' },
        ],
        dimensions: [{ id: 'd1', label: { it: 'Coordinamento', en: 'Coordination' } }],
        scale: [
          { id: 'low', label: { it: 'Basso', en: 'Low' }, value: 1 },
          { id: 'mid', label: { it: 'Medio', en: 'Medium' }, value: 2 },
          { id: 'high', label: { it: 'Alto', en: 'High' }, value: 3 },
          { id: 'na', label: { it: 'n.a.', en: 'n.a.' }, value: null },
        ],
        cells: [
          {
            rowId: 'r1',
            columnId: 'k1',
            ratings: { d1: 'high' },
            rationale: 'Bandi congiunti',
            evidence: [
              { kind: 'segment', sourceId: 's1', codingId: 'k1' },
              { kind: 'document', title: 'Delibera 123' },
            ],
          },
          { rowId: 'r1', columnId: 'k2', ratings: { d1: 'na' } },
          { rowId: 'r2', columnId: 'k1', ratings: { d1: 'mid' } },
        ],
      },
    ],
    indicators: [
      {
        id: 'ind1',
        axis: 'I',
        code: 'CO01',
        name: 'Disoccupati partecipanti',
        unit: 'persone',
        type: 'output',
        baseline: 0,
        milestone: 800,
        target: 2000,
        achieved: 700,
        referenceDate: '2018-12-31',
        source: 'Sistema di monitoraggio',
      },
      {
        id: 'ind2',
        axis: 'I',
        code: 'F1',
        name: 'Spesa certificata',
        unit: '€',
        type: 'financial',
        achieved: 1234.5,
        referenceDate: 'II trim. 2023',
      },
    ],
  });
}

/** The two sources: an interview (INT-01 labelled by name, as transcripts often are) and a focus group. */
export function sampleCorpus(): SourceForAnalysis[] {
  return [
    source(
      's1',
      'Intervista a INT-01',
      'INT-01',
      [
        ['Intervistatore', null, 'Come sono andati i tempi?'],
        [REAL_NAME, 'p1', 'I bandi sono usciti con otto mesi di ritardo.'],
      ],
      [
        {
          id: 'k1',
          codeId: 'c2',
          quote: 'I bandi sono usciti con otto mesi di ritardo',
          key: true,
          memo: '=SUM(A1)',
        },
      ],
    ),
    source(
      's2',
      'Focus group FG-01',
      'FG-01',
      [
        ['INT-02', 'p2', 'La rete tra enti è cresciuta 🌱 davvero.'],
        ['INT-01', 'p1', 'Però la rendicontazione è lenta.'],
      ],
      [
        {
          id: 'k2',
          codeId: 'c3',
          quote: 'La rete tra enti è cresciuta 🌱 davvero',
          createdAt: '2021-03-19T16:00:00.000Z',
        },
        {
          id: 'k3',
          codeId: 'c1',
          quote: 'la rendicontazione è lenta',
          memo: `${REAL_NAME} ci torna più volte.`,
          createdAt: '2021-03-19T16:05:00.000Z',
        },
      ],
    ),
  ];
}

/**
 * What an export reads, as the core gives it: the coded sources and the agreement input (every
 * coder having a layer where they coded).
 */
export function sampleExport(corpus: SourceForAnalysis[] = sampleCorpus()): {
  corpus: SourceForAnalysis[];
  agreementInput: TextAgreementInput;
} {
  const layerCoders = new Map(
    corpus.map((source) => [source.id, [...new Set(source.codings.map((c) => c.coderId))]]),
  );
  const views = corpus.map(agreementViewOf);
  return { corpus, agreementInput: agreementInputOfViews(views, layerCoders).input };
}
