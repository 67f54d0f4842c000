import { describe, expect, it } from 'vitest';
import { readTranscriptFile } from '../../../src/main/core/import/transcript-file';
import { runIsolated } from '../../../src/main/core/isolation/parser-pool';
import { CampoError } from '../../../src/shared/ipc/errors';
import { errorMessage } from '../../../src/shared/i18n';
import { interviewDocx, zipBomb } from '../../helpers/files';

const encode = (text: string) => new TextEncoder().encode(text);
const said = (parsed: { text: string; turns: { start: number; end: number }[] }) =>
  parsed.turns.map((turn) => parsed.text.slice(turn.start, turn.end));

async function refusal(bytes: Uint8Array, name: string): Promise<CampoError> {
  const error = await readTranscriptFile(bytes, name).then(
    () => new Error('accepted'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CampoError);
  return error as CampoError;
}

describe('transcript files', () => {
  it('read a .txt in UTF-16 with BOM, CRLF, accents and emoji into speaker turns', async () => {
    const body =
      '[00:00:05] Intervistatrice: Com’è andata?\r\n[00:01:10] INT-02: Bene 👍, perché c’era fiducia.\r\n';
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from(body, 'utf16le')]);
    const parsed = await readTranscriptFile(bytes, 'Intervista INT-02.txt');
    expect(parsed).toMatchObject({ format: 'txt', title: 'Intervista INT-02' });
    expect(said(parsed)).toEqual(['Com’è andata?', 'Bene 👍, perché c’era fiducia.']);
    expect(parsed.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['Intervistatrice', 5],
      ['INT-02', 70],
    ]);
  });

  it('read a Teams .vtt with voice tags, merging one speaker’s consecutive cues', async () => {
    const vtt =
      'WEBVTT\r\n\r\nab/1-0\r\n00:00:01.000 --> 00:00:04.000\r\n<v Facilitatrice>Partiamo dal</v>\r\n\r\nab/2-0\r\n00:00:04.000 --> 00:00:06.000\r\n<v Facilitatrice>partenariato.</v>\r\n\r\nab/3-0\r\n00:00:07.000 --> 00:00:09.000\r\n<v FG-01-P1>Ha funzionato.</v>\r\n';
    const parsed = await readTranscriptFile(encode(vtt), 'riunione.vtt');
    expect(said(parsed)).toEqual(['Partiamo dal partenariato.', 'Ha funzionato.']);
    expect(parsed.turns.map((t) => t.time)).toEqual([1, 7]);
  });

  it('read an .srt with speaker prefixes', async () => {
    const parsed = await readTranscriptFile(
      encode(
        '1\n00:00:01,000 --> 00:00:02,000\nINT-05: Sì.\n\n2\n00:00:02,500 --> 00:00:03,000\nINT-05: Certo.\n',
      ),
      'a.srt',
    );
    expect(said(parsed)).toEqual(['Sì. Certo.']);
  });

  it('read a .docx with headings and a table: turns by speaker, the rest kept as unattributed text', async () => {
    const parsed = await readTranscriptFile(await interviewDocx(), 'Intervista INT-04.docx');
    expect(parsed.format).toBe('docx');
    const speakers = parsed.turns.map((t) => t.speaker);
    expect(speakers.slice(-2)).toEqual(['Intervistatrice', 'INT-04']);
    expect(said(parsed).at(-1)).toBe('Bene, perché la rete c’era già 👍. Però è stata lunga.');
    expect(parsed.text).toContain('Intervista INT-04 – Comune di Giussano');
    expect(parsed.text).toContain('22/03/2021');
  });

  it('refuse broken and mislabelled files with a clear error', async () => {
    const docx = await interviewDocx();
    expect((await refusal(docx.subarray(0, docx.length - 200), 'troncato.docx')).code).toBe(
      'FILE_DAMAGED',
    );
    expect((await refusal(encode('solo testo'), 'finto.docx')).code).toBe('FILE_TYPE_MISMATCH');
    expect((await refusal(docx, 'travestito.vtt')).code).toBe('FILE_TYPE_MISMATCH');
    // A picture named .txt: "not a valid text", in the user's language.
    const picture = await refusal(docx, 'immagine.txt');
    expect(errorMessage(picture, 'en')).toContain('is not that of a valid text:');
    expect(errorMessage(picture, 'it')).toContain('non è quello di un testo valido');
    expect(
      (
        await refusal(
          encode('niente intestazione\n00:00:01.000 --> 00:00:02.000\nciao'),
          'senza.vtt',
        )
      ).code,
    ).toBe('FILE_TYPE_MISMATCH');
    expect((await refusal(new Uint8Array(), 'vuoto.txt')).code).toBe('FILE_EMPTY');
    expect((await refusal(encode('  \n\n '), 'spazi.txt')).code).toBe('FILE_EMPTY');
    expect((await refusal(encode('x'), 'foto.jpg')).code).toBe('FILE_TYPE_UNSUPPORTED');
    expect((await refusal(zipBomb(), 'bomba.docx')).details).toMatchObject({
      reason: 'contenuto decompresso troppo grande',
    });
    const traversal = await refusal(await zipWithEntry('../../evil.txt'), 'slip.docx');
    expect(String(traversal.details?.reason)).toContain('percorso non ammesso');
  });

  it('refuse a 50 MB text file before reading it', async () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const error = await refusal(big, 'enorme.txt');
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.details).toMatchObject({ size: '50,0 MB', max: '20,0 MB' });
  });

  it('stop a parser that runs too long', async () => {
    const error = await runIsolated(
      'transcript',
      { bytes: await interviewDocx(), fileName: 'lento.docx' },
      { file: 'lento.docx', timeoutMs: 1 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_TIMEOUT' });
  });
});

/** A minimal zip holding one empty entry with the given name. */
async function zipWithEntry(name: string): Promise<Uint8Array> {
  const bomb = Buffer.from(zipBomb());
  const original = Buffer.from('word/document.xml');
  const replaced = Buffer.from(name.padEnd(original.length, '/').slice(0, original.length));
  const bytes = Buffer.from(bomb);
  let at = bytes.indexOf(original);
  while (at >= 0) {
    replaced.copy(bytes, at);
    at = bytes.indexOf(original, at + 1);
  }
  bytes.writeUInt32LE(10, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  return new Uint8Array(bytes);
}
