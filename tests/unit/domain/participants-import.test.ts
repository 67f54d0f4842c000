import { describe, expect, it } from 'vitest';
import {
  buildParticipants,
  fieldNamedBy,
  suggestColumnMapping,
  unknownPartnerships,
} from '../../../src/shared/domain/participants-import';
import { nextParticipantCode, nextSessionCode } from '../../../src/shared/domain/pseudonyms';
import {
  suggestSpeakerMapping,
  summariseSpeakers,
} from '../../../src/shared/domain/speaker-mapping';

describe('pseudonyms', () => {
  it('continue the INT-nn and FG-nn series and number focus-group participants per group', () => {
    expect(nextParticipantCode([])).toBe('INT-01');
    expect(
      nextParticipantCode([{ code: 'INT-01' }, { code: 'int-07' }, { code: 'FG-01-P2' }]),
    ).toBe('INT-08');
    expect(
      nextParticipantCode(
        [{ code: 'FG-01-P1' }, { code: 'FG-01-P2' }, { code: 'FG-02-P9' }],
        'FG-01',
      ),
    ).toBe('FG-01-P3');
    expect(
      nextSessionCode(
        [
          { kind: 'interview', code: 'INT-02' },
          { kind: 'focusGroup', code: 'FG-01' },
        ],
        'focusGroup',
      ),
    ).toBe('FG-02');
    expect(nextSessionCode([], 'interview')).toBe('INT-01');
  });
});

describe('speaker mapping', () => {
  const participants = [
    { id: 'p1', code: 'INT-02', name: 'Giulia Ferrari' },
    { id: 'p2', code: 'FG-01-P1', name: '' },
  ];
  it('matches pseudonyms and names, ignoring case and accents, and leaves the rest to the user', () => {
    expect(
      suggestSpeakerMapping(
        ['int-02', 'GIULIA FERRARI', 'Fg-01-p1', 'Intervistatrice'],
        participants,
      ),
    ).toEqual({
      'int-02': 'p1',
      'GIULIA FERRARI': 'p1',
      'Fg-01-p1': 'p2',
      Intervistatrice: null,
    });
  });
  it('summarises speakers in order of appearance', () => {
    const turns = [
      { speaker: 'A', start: 0, end: 5 },
      { speaker: 'B', start: 6, end: 8 },
      { speaker: 'A', start: 9, end: 10 },
    ];
    expect(summariseSpeakers(turns)).toEqual([
      { label: 'A', turns: 2, characters: 6 },
      { label: 'B', turns: 1, characters: 2 },
    ]);
  });
});

describe('participant import', () => {
  const headers = [
    'Pseudonimo',
    'Nome e cognome',
    'Ente',
    'Comune',
    'Partenariato',
    'Consenso',
    'Data consenso',
    'Anni di esperienza',
    'Capofila',
    'Avvio',
  ];
  it('maps Italian headers to fields and the rest to typed attributes', () => {
    const mapping = suggestColumnMapping(headers);
    expect(mapping.slice(0, 7)).toEqual([
      { kind: 'field', field: 'code' },
      { kind: 'field', field: 'name' },
      { kind: 'field', field: 'organisation' },
      { kind: 'field', field: 'territory' },
      { kind: 'field', field: 'partnershipType' },
      { kind: 'field', field: 'consentGiven' },
      { kind: 'field', field: 'consentDate' },
    ]);
    const rows = [
      [
        'INT-01',
        'Anna Bianchi',
        'Comune di Bergamo',
        'Bergamo',
        'Istituzionale',
        'sì',
        '15/03/2021',
        '6',
        'sì',
        '2019-01-10',
      ],
      [
        '',
        '',
        'Cooperativa Il Cortile',
        'Mantova',
        'società civile',
        'no',
        '',
        '1,5',
        'no',
        '2020-02-01',
      ],
      [null, null, null, null, null, null, null, null, null, null],
      ['INT-01', '', 'Doppione', '', '', '', '', '', '', ''],
      ['INT-09', '', 'ALER', '', 'pubblico', 'forse', '31/02/2021', '', '', ''],
    ];
    const { drafts, problems } = buildParticipants(rows, mapping, [{ id: 'x', code: 'INT-05' }]);
    expect(
      drafts.map((d) => [d.row, d.code, d.partnershipType, d.consent.given, d.consent.date]),
    ).toEqual([
      [2, 'INT-01', 'istituzionale', true, '2021-03-15'],
      [3, 'INT-06', 'societa-civile', false, null],
    ]);
    expect(drafts[0]!.attributes).toEqual([
      { key: 'Anni di esperienza', type: 'number', value: 6 },
      { key: 'Capofila', type: 'boolean', value: true },
      { key: 'Avvio', type: 'date', value: '2019-01-10' },
    ]);
    expect(drafts[1]!.attributes[0]).toEqual({
      key: 'Anni di esperienza',
      type: 'number',
      value: 1.5,
    });
    expect(problems.map((p) => [p.row, p.key])).toEqual([
      [5, 'import.problem.duplicateCode'],
      [6, 'import.problem.badPartnership'],
      [6, 'import.problem.badConsent'],
      [6, 'import.problem.badDate'],
    ]);
  });

  it('does not add again a person without a pseudonym whose name the project or the file has', () => {
    // Found by a newcomer walk-through: the same list imported twice offered INT-03 for the row
    // without a pseudonym, a second participant for the same person.
    const mapping = suggestColumnMapping(['Pseudonimo', 'Nome', 'Organizzazione']);
    const rows = [
      ['', 'Senza  Pseudonimo', 'ALER'],
      ['', 'Nuova Persona', 'Comune'],
      ['INT-07', 'Altra Persona', ''],
      ['', 'altra persona', ''],
    ];
    const existing = [{ id: 'p1', code: 'INT-02', name: 'Senza Pseudonimo' }];
    const { drafts, problems } = buildParticipants(rows, mapping, existing);
    expect(drafts.map((d) => [d.code, d.name, d.generated])).toEqual([
      ['INT-03', 'Nuova Persona', true],
      ['INT-07', 'Altra Persona', false],
    ]);
    expect(problems).toEqual([
      { row: 2, key: 'import.problem.sameName', params: { code: 'INT-02' } },
      { row: 5, key: 'import.problem.sameName', params: { code: 'INT-07' } },
    ]);
  });

  it('a partnership column whose values are not Campo’s types comes in as an attribute named apart from the field', () => {
    const headers = ['Pseudonimo', 'Tipo di partenariato', 'Ruolo', 'Ruolo'];
    const named = (header: string) => `${header} (attributo)`;
    const other = [
      ['INT-01', 'Pubblico', 'Dirigente', 'Referente'],
      ['INT-02', 'Terzo settore', '', ''],
      ['INT-03', 'Privato', '', ''],
      ['INT-04', 'Pubblico', '', ''],
    ];
    // The UI's own label names the field; the values (another typology) do not fit it.
    expect(unknownPartnerships(other, 1)).toEqual(['Pubblico', 'Privato']);
    const mapping = suggestColumnMapping(headers, { rows: other, attributeNamed: named });
    expect(mapping).toEqual([
      { kind: 'field', field: 'code' },
      { kind: 'attribute', key: 'Tipo di partenariato (attributo)' },
      { kind: 'field', field: 'role' },
      // A second column named like a field already taken.
      { kind: 'attribute', key: 'Ruolo (attributo)' },
    ]);
    const { drafts, problems } = buildParticipants(other, mapping, []);
    expect(problems).toEqual([]);
    expect(drafts.map((draft) => [draft.partnershipType, draft.attributes[0]?.value])).toEqual([
      [null, 'Pubblico'],
      [null, 'Terzo settore'],
      [null, 'Privato'],
      [null, 'Pubblico'],
    ]);

    // Values evaluators write for Campo's types map onto the field.
    const fitting = [
      ['INT-01', 'Terzo settore', '', ''],
      ['INT-02', 'Parti sociali', '', ''],
      ['INT-03', 'Pubblica amministrazione', '', ''],
      ['INT-04', '', '', ''],
    ];
    const fieldMapping = suggestColumnMapping(headers, { rows: fitting, attributeNamed: named });
    expect(fieldMapping[1]).toEqual({ kind: 'field', field: 'partnershipType' });
    expect(
      buildParticipants(fitting, fieldMapping, []).drafts.map((d) => d.partnershipType),
    ).toEqual(['societa-civile', 'economico-sociale', 'istituzionale', null]);
    expect(fieldNamedBy('Tipologia di partenariato')).toBe('partnershipType');
    expect(fieldNamedBy('Anni di esperienza')).toBeNull();
  });
});
