import { afterEach, describe, expect, it } from 'vitest';
import { importQdpx, inspectQdpx } from '../../../src/main/core/exchange/qdpx-import';
import type { ProjectSession } from '../../../src/main/core/store/project-session';
import { importSummaryLines } from '../../../src/shared/exchange/import-summary';
import { placeSelections } from '../../../src/shared/exchange/place-codings';
import { weakSources } from '../../../src/shared/exchange/position-summary';
import { translator } from '../../../src/shared/i18n';
import type { SourceFile } from '../../../src/shared/model/source';
import {
  interviewText,
  positionIn,
  refiArchive,
  type BuiltSource,
} from '../../helpers/refi-builder';
import { tempDir } from '../../helpers/temp-dir';

const it_ = translator('it');
const sessions: ProjectSession[] = [];
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close();
});

async function importArchive(bytes: Uint8Array, unit?: 'utf16' | 'codepoint') {
  const result = await importQdpx({
    bytes,
    fileName: 'nvivo.qdpx',
    parentDir: await tempDir(),
    ...(unit ? { unit } : {}),
  });
  sessions.push(result.session);
  const sources: SourceFile[] = [];
  for (const summary of result.session.project.sources)
    sources.push(await result.session.readSource(summary.id));
  return { ...result, sources };
}

/** The passages as the person who coded them selected them. */
const expected = (source: BuiltSource) =>
  source.spans.map((span) => source.text.slice(span.start, span.end));

describe('an NVivo for Windows project: UTF-16 positions, emoji early, empty selection names', () => {
  const interview = { name: 'Intervista 1', ...interviewText(7, { passages: 60 }) };

  it('is a case where every unit fits every selection: only the text can tell them apart', () => {
    const selections = interview.spans.map((span, i) => ({
      guid: String(i),
      name: '',
      start: positionIn(interview.text, span.start, 'utf16'),
      end: positionIn(interview.text, span.end, 'utf16'),
      description: '',
      codings: [],
      userGuid: null,
      createdAt: null,
      noteGuids: [],
    }));
    const { evidence } = placeSelections(interview.text, selections);
    expect(evidence.candidates).toEqual(expect.arrayContaining(['codepoint', 'utf16']));
    expect(evidence).toMatchObject({ unit: 'utf16', confidence: 'strong', basis: 'boundaries' });
  });

  it('places every coding on its passage and says why in the summary', async () => {
    const bytes = await refiArchive({
      origin: 'NVivo for Windows 12.6.0.959',
      unit: 'utf16',
      sources: [interview],
    });
    const { summary, sources } = await importArchive(bytes);
    expect(sources[0]!.text).toBe(interview.text);
    expect(sources[0]!.codings.map((coding) => coding.text).sort()).toEqual(
      [...new Set(expected(interview))].sort(),
    );
    expect(Object.values(summary.units)).toEqual(['utf16']);
    const lines = importSummaryLines(summary, it_);
    expect(lines[0]).toMatch(/^1 codice, 1 documento, \d+ codifiche importate; 0 non collocate$/);
    const [, clean, ends, other] =
      /^1 documento: posizioni in unità UTF-16 \(come scrive NVivo\)\. Lo dice il testo: (\d+) estremi di passaggi su (\d+) cadono tra due parole, contro (\d+) leggendoli in /.exec(
        lines[1]!,
      )!;
    expect(Number(clean)).toBe(Number(ends));
    expect(Number(other)).toBeLessThan(Number(ends) / 2);
    expect(lines).toHaveLength(2);
  });

  it('reads the same project re-saved by another tool by its text, and says the origin disagrees', async () => {
    const bytes = await refiArchive({
      origin: 'QualCoder 3.5',
      unit: 'utf16',
      sources: [interview],
    });
    const { summary, sources } = await importArchive(bytes);
    expect(sources[0]!.codings.every((coding) => expected(interview).includes(coding.text))).toBe(
      true,
    );
    expect(importSummaryLines(summary, it_)).toContain(
      'Il file dichiara «QualCoder 3.5», ma il testo indica unità UTF-16 (come scrive NVivo): forse è stato risalvato da un altro programma.',
    );
  });
});

describe('weak evidence', () => {
  /** Two passages after one emoji: too few ends for the text to be sure. */
  const short = (n: number): BuiltSource => {
    const text = `Buongiorno 😀 a tutti, intervista ${n}. La rete dei servizi ha funzionato bene.`;
    const at = (passage: string) => ({
      start: text.indexOf(passage),
      end: text.indexOf(passage) + passage.length,
    });
    return { name: `Breve ${n}`, text, spans: [at('La rete'), at('servizi ha funzionato')] };
  };

  it('is said to be weak, with passages read in each candidate unit, and the user chooses', async () => {
    const bytes = await refiArchive({ origin: null, unit: 'utf16', sources: [short(1)] });
    const { summary } = await inspectQdpx({ bytes, fileName: 'breve.qdpx' });
    const [weak] = weakSources(summary.positions);
    expect(weak!.evidence).toMatchObject({ confidence: 'weak', unit: 'utf16', basis: 'lean' });
    expect(weak!.samples[0]!.utf16).toMatchObject({
      passage: 'La rete',
      after: ' dei servizi ha funzionato ben…',
    });
    expect(weak!.samples[0]!.codepoint!.passage).toBe('a rete ');
    expect(importSummaryLines(summary, it_)).toContain(
      'Prova debole per 1 documento: posizioni lette in unità UTF-16 (come scrive NVivo), ma il testo non basta a esserne sicuri. Scegli l’unità guardando i passaggi di esempio.',
    );

    // The user chooses code points (wrongly, here): the import does as told and says so.
    const chosen = await importArchive(bytes, 'codepoint');
    expect(chosen.sources[0]!.codings.map((c) => c.text)).toContain('a rete ');
    expect(importSummaryLines(chosen.summary, it_)).toContain(
      '1 documento: posizioni in punti di codice (lo standard REFI-QDA), come hai scelto.',
    );
    const right = await importArchive(bytes, 'utf16');
    expect(right.sources[0]!.codings.map((c) => c.text).sort()).toEqual(
      ['La rete', 'servizi ha funzionato'].sort(),
    );
  });

  it('with an NVivo origin that the text does not contradict, is likely rather than weak', async () => {
    const bytes = await refiArchive({ origin: 'NVivo 14', unit: 'utf16', sources: [short(1)] });
    const { summary } = await inspectQdpx({ bytes, fileName: 'breve.qdpx' });
    expect(weakSources(summary.positions)).toEqual([]);
    expect(importSummaryLines(summary, it_)[1]).toBe(
      '1 documento: posizioni in unità UTF-16 (come scrive NVivo), come scrive il programma che ha creato il file (NVivo 14); il testo non lo contraddice, ma da solo non basta a confermarlo.',
    );
  });

  it('becomes strong when the whole project’s documents say the same together', async () => {
    const sources = [1, 2, 3, 4, 5, 6].map(short);
    const bytes = await refiArchive({ origin: null, unit: 'utf16', sources });
    const { summary, sources: imported } = await importArchive(bytes);
    expect(weakSources(summary.positions)).toEqual([]);
    expect(new Set(Object.values(summary.units))).toEqual(new Set(['utf16']));
    expect(imported.flatMap((source) => source.codings.map((c) => c.text))).toEqual(
      sources.flatMap(expected),
    );
    expect(importSummaryLines(summary, it_)[1]).toMatch(
      /^6 documenti: posizioni in unità UTF-16 \(come scrive NVivo\)\. Ogni documento da solo dice poco, ma insieme 24 estremi di passaggi su 24 cadono tra due parole, contro 12 leggendoli in punti di codice/,
    );
  });
});

describe('cases', () => {
  it('keeps a case name too long for a pseudonym whole in an attribute, and says so', async () => {
    const long = 'Dirigente scolastico dell’istituto comprensivo di Bergamo Nord';
    const bytes = await refiArchive({
      origin: 'QualiLab 2.1',
      unit: 'codepoint',
      sources: [],
      cases: [long, `${long} (vicepreside)`, 'INT-01'],
    });
    const { session, summary } = await importArchive(bytes);
    const [first, second, third] = session.project.participants;
    expect(first!.code).toBe('Dirigente scolastico dell’istituto…');
    expect(second!.code).toMatch(/^Dirigente scolastico dell’istituto… \(2\)$/);
    expect(first!.code.length).toBeLessThanOrEqual(40);
    expect(second!.code.length).toBeLessThanOrEqual(40);
    expect(third).toMatchObject({ code: 'INT-01', attributes: [] });
    expect(first!.attributes).toEqual([
      { key: 'Nome del caso (REFI-QDA)', type: 'text', value: long },
    ]);
    expect(importSummaryLines(summary, it_)).toContain(
      '2 nomi di casi più lunghi di 40 caratteri sono stati abbreviati per farne lo pseudonimo (es. «Dirigente scolastico dell’istituto…»); il nome intero resta nell’attributo «Nome del caso (REFI-QDA)».',
    );
  });
});
