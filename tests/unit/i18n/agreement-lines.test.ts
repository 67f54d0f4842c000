import { describe, expect, it } from 'vitest';
import type { AgreementMeta } from '../../../src/shared/domain/agreement-layers';
import {
  agreementMethodLine,
  formatAgreement,
  ratingMethodLine,
  firstReasonText,
  undefinedReasonText,
} from '../../../src/shared/i18n/agreement-lines';

const meta = (extra: Partial<AgreementMeta>): AgreementMeta => ({
  method: 'character',
  unit: 'character',
  threshold: null,
  minOverlap: null,
  coders: ['AR', 'BV', 'CM'],
  sourceIds: ['s1'],
  codeIds: ['X'],
  ignoredCodings: 0,
  ...extra,
});

describe('agreement method lines', () => {
  it('name the method, the unit and the coders in Italian and in English', () => {
    const character = meta({});
    expect(agreementMethodLine(character, 'it')).toMatch(
      /^Accordo a livello di carattere \(metodo NVivo\): .* Codificatori: AR, BV e CM\.$/,
    );
    expect(agreementMethodLine(character, 'en')).toMatch(
      /^Character-level agreement \(NVivo’s method\): .* Coders: AR, BV and CM\.$/,
    );
  });

  it('print the segment threshold the Italian way, and k', () => {
    const segment = meta({
      method: 'segment',
      unit: 'segment',
      threshold: 0.925,
      coders: ['AR', 'BV'],
    });
    const line = agreementMethodLine(segment, 'it', { categories: 12 });
    expect(line).toContain('per almeno il 92,5% (caratteri in comune');
    expect(line).toContain('κn di Brennan e Prediger con k = 12');
    expect(agreementMethodLine(segment, 'en', { categories: 12 })).toContain('by at least 92.5%');
  });

  it('say which units and how much overlap marks one', () => {
    const turns = meta({ method: 'unit', unit: 'turn', minOverlap: 1 });
    expect(agreementMethodLine(turns, 'it')).toContain('Accordo per unità (turni di parola)');
    expect(agreementMethodLine(turns, 'it')).toContain('per almeno 1 carattere.');
    const sentences = meta({ method: 'unit', unit: 'sentence', minOverlap: 5 });
    expect(agreementMethodLine(sentences, 'en')).toContain('Unit-level agreement (sentences)');
    expect(agreementMethodLine(sentences, 'en')).toContain('by at least 5 characters.');
  });

  it('use the label given for people instead of their ids', () => {
    const line = agreementMethodLine(meta({ coders: ['u1', 'u2'] }), 'it', {
      label: (id) => ({ u1: 'A.R.', u2: 'B.V.' })[id] ?? id,
    });
    expect(line).toContain('Codificatori: A.R. e B.V.');
  });

  it('describe the disagreement list with its minimum difference', () => {
    const line = agreementMethodLine(meta({ method: 'disagreement' }), 'it', { minDifference: 3 });
    expect(line).toMatch(/^Passaggi in cui i codificatori differiscono per almeno 3 caratteri/);
  });

  it('print the rating scale’s value mapping and say n.a. is missing data', () => {
    const line = ratingMethodLine(
      {
        method: 'ratings',
        evaluators: ['AR', 'BV'],
        matrixId: 'm',
        values: [1, 2, 3],
        notApplicable: 'missing',
        unmatchedCells: 0,
      },
      'it',
      {
        matrixTitle: 'Matrice di integrazione',
        scale: [
          { id: 'a', label: { it: 'Alto', en: 'High' }, value: 3 },
          { id: 'b', label: { it: 'Basso', en: 'Low' }, value: 1 },
          { id: 'm', label: { it: 'Medio', en: 'Medium' }, value: 2 },
          { id: 'n', label: { it: 'n.a.', en: 'n.a.' }, value: null },
        ],
      },
    );
    expect(line).toContain('sulla matrice «Matrice di integrazione»');
    expect(line).toContain('(Basso = 1, Medio = 2, Alto = 3)');
    expect(line).toContain('Le celle «n.a.» e quelle non valutate sono dati mancanti');
    expect(line).toMatch(/Valutatori: AR e BV\.$/);
  });
});

describe('formatAgreement', () => {
  it('writes coefficients with two decimals and percentages with one, Italian style', () => {
    expect(formatAgreement(0.4, 'it', 'coefficient')).toBe('0,40');
    expect(formatAgreement(-0.123, 'it', 'coefficient')).toBe('−0,12');
    expect(formatAgreement(63.125, 'it', 'percent')).toBe('63,1%');
    expect(formatAgreement(0.4, 'en', 'coefficient')).toBe('0.40');
  });

  it('never prints an undefined statistic as a number', () => {
    expect(formatAgreement(null, 'it', 'coefficient')).toBe('n.d.');
    expect(formatAgreement(NaN, 'en', 'percent')).toBe('undef.');
    expect(undefinedReasonText('neither-coded', 'it')).toBe(
      'Non definito: nessuno dei codificatori ha usato il codice.',
    );
    expect(undefinedReasonText('single-category', 'en')).toBe(
      'Undefined: κn needs at least two codes.',
    );
    // A workbook cell sits under «Non definito perché»: the reason alone, with a capital.
    expect(firstReasonText('it', null, 'no-data')).toBe('Nessun dato da confrontare.');
    expect(firstReasonText('en', 'neither-coded')).toBe('None of the coders used the code.');
    expect(firstReasonText('en', null, undefined)).toBeNull();
  });
});
