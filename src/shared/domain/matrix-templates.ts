import type { RatingMatrix } from '../model/matrix';
import type { Language } from '../model/project';

type Template = Omit<RatingMatrix, 'id' | 'cells'>;

/** Basso 1, Medio 2, Alto 3, and n.a. counted apart (METHODS §3). */
function lowMediumHigh(newId: () => string): RatingMatrix['scale'] {
  return [
    { id: newId(), label: { it: 'Basso', en: 'Low' }, value: 1 },
    { id: newId(), label: { it: 'Medio', en: 'Medium' }, value: 2 },
    { id: newId(), label: { it: 'Alto', en: 'High' }, value: 3 },
    { id: newId(), label: { it: 'n.a.', en: 'n.a.' }, value: null },
  ];
}

/**
 * The integration (external coherence) matrix of Reg. (EU) 1303/2013 art. 55(3)(b): the ESF
 * thematic objectives against the other programmes and policies, rated for coordination and
 * complementarity.
 */
export function integrationTemplate(newId: () => string, language: Language = 'it'): Template {
  const en = language === 'en';
  const rows = en
    ? [
        'TO8 – Employment',
        'TO9 – Social inclusion',
        'TO10 – Education and training',
        'TO11 – Institutional capacity',
      ]
    : [
        'OT8 – Occupazione',
        'OT9 – Inclusione sociale',
        'OT10 – Istruzione e formazione',
        'OT11 – Capacità istituzionale',
      ];
  // Programmes keep their Italian names, as English reports on Italian programmes write them.
  const columns = [
    'POR FESR',
    'PSR FEASR',
    'PON Inclusione',
    en ? 'PRS (regional development programme)' : 'PRS (programma regionale di sviluppo)',
    en ? 'Regional laws' : 'Leggi regionali',
  ];
  return {
    title: en ? 'Integration matrix' : 'Matrice di integrazione',
    template: 'integration',
    rows: rows.map((label) => ({ id: newId(), label, note: '' })),
    columns: columns.map((label) => ({ id: newId(), label, note: '' })),
    dimensions: [
      { id: newId(), label: { it: 'Coordinamento', en: 'Coordination' } },
      { id: newId(), label: { it: 'Complementarietà', en: 'Complementarity' } },
    ],
    scale: lowMediumHigh(newId),
  };
}

/**
 * The programme's contribution to the Europe 2020 headline targets, with Italy's values, its
 * labels in `language` (the matrix is then edited as any other).
 */
export function europe2020Template(newId: () => string, language: Language = 'it'): Template {
  const en = language === 'en';
  const targets: Array<[string, string]> = en
    ? [
        ['Employment rate, age 20-64', '67-69%'],
        ['Early school leaving', '15-16%'],
        ['Tertiary education, age 30-34', '26-27%'],
        ['People at risk of poverty or social exclusion', '2.2 million fewer'],
        ['Research and development expenditure', '1.53% of GDP'],
      ]
    : [
        ['Tasso di occupazione 20-64 anni', '67-69%'],
        ['Abbandono scolastico precoce', '15-16%'],
        ['Istruzione terziaria 30-34 anni', '26-27%'],
        ['Persone a rischio di povertà o esclusione', '2,2 milioni in meno'],
        ['Spesa in ricerca e sviluppo', '1,53% del PIL'],
      ];
  return {
    title: en ? 'Contribution to Europe 2020' : 'Contributo a Europa 2020',
    template: 'europe2020',
    rows: targets.map(([label, note]) => ({ id: newId(), label, note })),
    columns: [{ id: newId(), label: 'POR FSE', note: '' }],
    dimensions: [{ id: newId(), label: { it: 'Contributo', en: 'Contribution' } }],
    scale: [
      { id: newId(), label: { it: 'Nullo', en: 'None' }, value: 0 },
      { id: newId(), label: { it: 'Basso', en: 'Low' }, value: 1 },
      { id: newId(), label: { it: 'Medio', en: 'Medium' }, value: 2 },
      { id: newId(), label: { it: 'Alto', en: 'High' }, value: 3 },
      // A target the programme cannot touch (R&D spending for an ESF programme) is not "Nullo".
      { id: newId(), label: { it: 'n.a.', en: 'n.a.' }, value: null },
    ],
  };
}
