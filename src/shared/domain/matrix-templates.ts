import type { RatingMatrix } from '../model/matrix';

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
export function integrationTemplate(newId: () => string): Template {
  const rows = [
    'OT8 – Occupazione',
    'OT9 – Inclusione sociale',
    'OT10 – Istruzione e formazione',
    'OT11 – Capacità istituzionale',
  ];
  const columns = [
    'POR FESR',
    'PSR FEASR',
    'PON Inclusione',
    'PRS (programma regionale di sviluppo)',
    'Leggi regionali',
  ];
  return {
    title: 'Matrice di integrazione',
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

/** The programme's contribution to the Europe 2020 headline targets, with Italy's values. */
export function europe2020Template(newId: () => string): Template {
  const targets: Array<[string, string]> = [
    ['Tasso di occupazione 20-64 anni', '67-69%'],
    ['Abbandono scolastico precoce', '15-16%'],
    ['Istruzione terziaria 30-34 anni', '26-27%'],
    ['Persone a rischio di povertà o esclusione', '2,2 milioni in meno'],
    ['Spesa in ricerca e sviluppo', '1,53% del PIL'],
  ];
  return {
    title: 'Contributo a Europa 2020',
    template: 'europe2020',
    rows: targets.map(([label, note]) => ({ id: newId(), label, note })),
    columns: [{ id: newId(), label: 'POR FSE', note: '' }],
    dimensions: [{ id: newId(), label: { it: 'Contributo', en: 'Contribution' } }],
    scale: [
      { id: newId(), label: { it: 'Nullo', en: 'None' }, value: 0 },
      { id: newId(), label: { it: 'Basso', en: 'Low' }, value: 1 },
      { id: newId(), label: { it: 'Medio', en: 'Medium' }, value: 2 },
      { id: newId(), label: { it: 'Alto', en: 'High' }, value: 3 },
    ],
  };
}
