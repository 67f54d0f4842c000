import { describe, expect, it } from 'vitest';
import { readTranscriptFile } from '../../../src/main/core/import/transcript-file';
import { summariseSpeakers } from '../../../src/shared/domain/speaker-mapping';
import {
  assembleDraft,
  summariseLabels,
  type LineDecisions,
} from '../../../src/shared/domain/transcript-draft';
import { lectureTxt, meetingNotesDocx, windows1252, wordTranscriptDocx } from '../../helpers/files';

const encode = (text: string) => new TextEncoder().encode(text);
const said = (parsed: { text: string; turns: { start: number; end: number }[] }) =>
  parsed.turns.map((turn) => parsed.text.slice(turn.start, turn.end));
const who = (parsed: { turns: { speaker: string }[] }) => parsed.turns.map((t) => t.speaker);

describe('transcripts without speaker labels keep their paragraphs', () => {
  it('a Windows-1252 lecture .txt: one turn per paragraph, the title apart, hard wraps joined', async () => {
    const parsed = await readTranscriptFile(lectureTxt(), 'Lezione 3.txt');
    expect(said(parsed)).toEqual([
      '--Title page--',
      'Lezione 3 – Il Fondo sociale europeo in Lombardia',
      'Buongiorno a tutti, oggi parliamo della programmazione 2014–2020.',
      'Il POR FSE vale circa 970 milioni di €, e la città metropolitana ne usa una parte.',
      'Partiamo dalle “priorità di investimento” e da come sono state scelte, perché è lì che si vede la logica d’intervento.',
      'Seconda parte: gli indicatori.',
      'Il quadro di efficacia dell’attuazione fissa target intermedi al 2018.',
    ]);
    expect(who(parsed).every((speaker) => speaker === '')).toBe(true);
    // The preview has no voice to map: the unlabelled turns are not a speaker.
    expect(summariseSpeakers(parsed.turns)).toEqual([]);
  });

  it('58 lines without labels stay 58 paragraphs', async () => {
    const lines = Array.from({ length: 58 }, (_, i) => `Frase numero ${i + 1} della lezione.`);
    const parsed = await readTranscriptFile(windows1252(lines.join('\r\n')), 'lezione.txt');
    expect(parsed.turns).toHaveLength(58);
    expect(parsed.text.split('\n')).toEqual(lines);
  });
});

describe('a Word transcript with a header block', () => {
  it('does not take "Data:" or "Luogo:" for speakers, and continues a turn on a new line', async () => {
    const parsed = await readTranscriptFile(await wordTranscriptDocx(), 'FG-02.docx');
    const labels = summariseLabels(parsed.draft);
    expect(labels.map((l) => [l.label, l.lines, l.doubt])).toEqual([
      ['Data', 1, 'header'],
      ['Luogo', 1, 'header'],
      ['Facilitatrice', 2, null],
      ['Marco Bianchi', 2, null],
      ['Lucia Verdi', 1, null],
    ]);
    expect(who(parsed)).toEqual([
      '',
      '',
      '',
      'Facilitatrice',
      'Marco Bianchi',
      'Facilitatrice',
      'Lucia Verdi',
      'Marco Bianchi',
    ]);
    expect(said(parsed).slice(0, 5)).toEqual([
      'Focus group FG-02 – Operatori dei servizi al lavoro',
      'Data: 12/04/2021 ore 10:00, durata 1 ora e 40 minuti',
      'Luogo: Milano, sede regionale',
      'Benvenuti, partiamo dalle doti per il lavoro.',
      'Le doti sono servite soprattutto ai disoccupati di lunga durata.\nNel nostro centro le abbiamo usate per tirocini.',
    ]);
    // The closing note follows Marco's turn on its own line: kept, never lost.
    expect(said(parsed).at(-1)).toBe(
      'Confermo, serviva più comunicazione.\nTrascrizione a cura di IRS, non rivista dai partecipanti.',
    );
  });

  it('applies the preview decisions: a speaker that is not one, a line left out, a doubtful label accepted', async () => {
    const { draft } = await readTranscriptFile(await wordTranscriptDocx(), 'FG-02.docx');
    const closing = draft.lines.findIndex((line) => line.text.startsWith('Trascrizione a cura'));
    const decisions: LineDecisions = {
      notSpeakers: ['Lucia Verdi'],
      speakers: [],
      ignored: [0, closing],
    };
    const parsed = assembleDraft(draft, decisions);
    expect(said(parsed)[0]).toBe('Data: 12/04/2021 ore 10:00, durata 1 ora e 40 minuti');
    expect(parsed.text).not.toContain('Focus group FG-02');
    expect(parsed.text).not.toContain('Trascrizione a cura');
    // Lucia's line is text of its own, with her label as written.
    expect(said(parsed)).toContain(
      'Lucia Verdi: Difficile, le imprese non conoscevano lo strumento.',
    );
    expect(who(parsed)).not.toContain('Lucia Verdi');
    const accepted = assembleDraft(draft, { notSpeakers: [], speakers: ['Luogo'], ignored: [] });
    expect(accepted.turns.find((t) => t.speaker === 'Luogo')).toBeDefined();
  });
});

describe('meeting notes', () => {
  it('reads "@m:ss - Name (email)" speaker lines and never takes upper-case labels for speakers', async () => {
    const parsed = await readTranscriptFile(await meetingNotesDocx(), 'Tavolo.docx');
    const labels = summariseLabels(parsed.draft);
    expect(labels.map((l) => [l.label, l.doubt])).toEqual([
      ['Data', 'header'],
      ['ACTION ITEM', 'upper-case'],
      ['POSITIVE REACTION', 'upper-case'],
      ['Anna Rossi', null],
      ['Paolo Neri', null],
    ]);
    const turns = parsed.turns.map((turn) => [
      turn.speaker,
      turn.time,
      parsed.text.slice(turn.start, turn.end),
    ]);
    expect(turns.filter(([speaker]) => speaker !== '')).toEqual([
      ['Anna Rossi', 25, 'Buongiorno, partiamo dal calendario.'],
      [
        'Paolo Neri',
        62,
        'Per noi va bene, ma serve il parere dei Comuni.\nLo chiedo io entro venerdì.',
      ],
      ['Anna Rossi', 6425, 'Perfetto, chiudiamo qui.'],
    ]);
    // Labels stay as text of their own; the e-mail addresses do not reach the source text.
    expect(said(parsed)).toContain('ACTION ITEM: Paolo chiede il parere dei Comuni');
    expect(parsed.text).not.toContain('@example.org');
  });

  it('reads Teams Word headings, Zoom "[Name] 00:00:00" lines and old Stream .txt timings', async () => {
    const teams = await readTranscriptFile(
      encode('Mario Rossi   0:03\nBuongiorno.\nGiulia Bianchi   1:10\nSalve, iniziamo.\n'),
      'teams.txt',
    );
    expect(teams.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['Mario Rossi', 3],
      ['Giulia Bianchi', 70],
    ]);
    const zoom = await readTranscriptFile(
      encode('[Anna Rossi] 00:00:05 Buongiorno a tutti.\n[Paolo Neri] 00:01:10 Grazie.\n'),
      'zoom.txt',
    );
    expect(zoom.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['Anna Rossi', 5],
      ['Paolo Neri', 70],
    ]);
    const stream = await readTranscriptFile(
      encode(
        '0:0:0.0 --> 0:0:4.120\nRossi, Anna\nBuongiorno.\n\n0:0:4.120 --> 0:0:9.0\nNeri, Paolo\nSalve.\n\n0:0:9.0 --> 0:0:12.5\nRossi, Anna\nIniziamo.\n',
      ),
      'stream.txt',
    );
    expect(stream.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['Rossi, Anna', 0],
      ['Neri, Paolo', 4.12],
      ['Rossi, Anna', 9],
    ]);
  });
});

describe('subtitles', () => {
  it('counts unlabelled Zoom cues as no speaker, not as a voice', async () => {
    const vtt = [
      'WEBVTT',
      '',
      '1',
      '00:00:01.000 --> 00:00:04.000',
      'Anna Rossi: Buongiorno.',
      '',
      '2',
      '00:00:04.000 --> 00:00:06.000',
      '(rumore di fondo)',
      '',
      '3',
      '00:00:06.000 --> 00:00:09.000',
      'Paolo Neri: Salve.',
      '',
    ].join('\n');
    const parsed = await readTranscriptFile(encode(vtt), 'zoom.vtt');
    expect(summariseSpeakers(parsed.turns).map((s) => s.label)).toEqual([
      'Anna Rossi',
      'Paolo Neri',
    ]);
    expect(who(parsed)).toEqual(['Anna Rossi', '', 'Paolo Neri']);
  });

  it('reports cue times that are not times, and keeps their words', async () => {
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nINT-01: Sì.\n\n00:61:00.000 --> 00:61:02.000\nINT-01: Certo.\n\n00:00:xx --> 00:00:09.000\nINT-02: Bene.\n';
    const parsed = await readTranscriptFile(encode(vtt), 'orari.vtt');
    expect(parsed.draft.warnings).toEqual([
      { kind: 'bad-time', line: 6, value: '00:61:00.000 --> 00:61:02.000' },
      { kind: 'bad-time', line: 9, value: '00:00:xx --> 00:00:09.000' },
    ]);
    expect(said(parsed)).toEqual(['Sì. Certo.', 'Bene.']);
    expect(parsed.turns.map((t) => t.time)).toEqual([1, null]);
  });

  it('reports a cue that ends before it starts, and gives its turn no time', async () => {
    // Found by a newcomer walk-through: such a cue was taken without a word.
    const vtt =
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nINT-01: Sì.\n\n00:00:12.000 --> 00:00:10.000\nINT-02: Bene.\n';
    const parsed = await readTranscriptFile(encode(vtt), 'rovescio.vtt');
    expect(parsed.draft.warnings).toEqual([
      { kind: 'bad-time', line: 6, value: '00:00:12.000 --> 00:00:10.000' },
    ]);
    expect(parsed.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['INT-01', 1],
      ['INT-02', null],
    ]);
  });

  it('does not take a subtitle with a colon for a speaker where subtitles carry no names', async () => {
    const srt =
      '1\n00:00:01,000 --> 00:00:03,000\nBenvenuti al corso.\n\n2\n00:00:03,000 --> 00:00:06,000\nPrimo punto: la rete dei servizi.\n\n3\n00:00:06,000 --> 00:00:09,000\nPoi parliamo degli indicatori.\n';
    const parsed = await readTranscriptFile(encode(srt), 'corso.srt');
    expect(summariseLabels(parsed.draft)).toEqual([
      { label: 'Primo punto', lines: 1, characters: 20, doubt: 'once' },
    ]);
    expect(who(parsed).every((speaker) => speaker === '')).toBe(true);
    expect(parsed.text).toContain('Primo punto: la rete dei servizi.');
  });
});
