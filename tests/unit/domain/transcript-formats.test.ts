import { describe, expect, it } from 'vitest';
import { parseSpeakerLines } from '../../../src/shared/domain/speaker-lines';
import { parseCueTime, parseSrt, parseVtt } from '../../../src/shared/domain/subtitles';
import { decodeText, looksBinary } from '../../../src/shared/domain/text-decoding';

const said = (parsed: { text: string; turns: { start: number; end: number }[] }) =>
  parsed.turns.map((turn) => parsed.text.slice(turn.start, turn.end));

describe('decodeText', () => {
  const italian = 'Città, perché: già 👍\nseconda riga';
  it('reads UTF-8 with and without BOM, and normalises CRLF', () => {
    const bytes = new TextEncoder().encode(italian.replace('\n', '\r\n'));
    expect(decodeText(bytes)).toEqual({ text: italian, encoding: 'utf-8' });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes])).text).toBe(italian);
  });

  it('reads UTF-16 LE and BE with a BOM, and LE without one', () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(italian, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: italian, encoding: 'utf-16le' });
    const beBody = Buffer.from(italian, 'utf16le').swap16();
    expect(decodeText(new Uint8Array([0xfe, 0xff, ...beBody]))).toEqual({
      text: italian,
      encoding: 'utf-16be',
    });
    expect(decodeText(new Uint8Array(Buffer.from('Intervista INT-01', 'utf16le'))).text).toBe(
      'Intervista INT-01',
    );
  });

  it('falls back to Windows-1252 for old files that are not UTF-8', () => {
    const cp1252 = new Uint8Array([
      0x43, 0x69, 0x74, 0x74, 0xe0, 0x20, 0x80, 0x20, 0x93, 0x73, 0xec, 0x94,
    ]);
    expect(decodeText(cp1252)).toEqual({ text: 'Città € “sì”', encoding: 'windows-1252' });
  });

  it('recognises binary data posing as text', () => {
    expect(looksBinary('PK\u0003\u0004\u0014\u0000\u0006\u0000'.repeat(20))).toBe(true);
    expect(looksBinary('Testo normale\tcon tab\n')).toBe(false);
  });
});

describe('parseVtt', () => {
  it('reads a Teams transcript: voice tags become speakers, split cues of one speaker merge', () => {
    const teams = [
      'WEBVTT',
      '',
      '3f1a/12-0',
      '00:00:03.120 --> 00:00:09.480',
      '<v Giulia Ferrari>Buongiorno, partirei dal laboratorio</v>',
      '',
      '3f1a/13-0',
      '00:00:09.480 --> 00:00:12.000',
      '<v Giulia Ferrari>perché è lì che è cambiato tutto.</v>',
      '',
      '3f1a/14-0',
      '00:01:02.500 --> 00:01:05.000',
      '<v INT-02>Con WhatsApp 👍 &amp; il telefono.</v>',
      '',
    ].join('\r\n');
    const parsed = parseVtt(teams)!;
    expect(parsed.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['Giulia Ferrari', 3.12],
      ['INT-02', 62.5],
    ]);
    expect(said(parsed)).toEqual([
      'Buongiorno, partirei dal laboratorio perché è lì che è cambiato tutto.',
      'Con WhatsApp 👍 & il telefono.',
    ]);
  });

  it('reads Zoom and Meet style "Speaker: text" cues, and skips NOTE blocks', () => {
    const zoom =
      'WEBVTT\n\nNOTE esportato da Zoom\n\n1\n00:00:01.000 --> 00:00:04.000\nFacilitatrice: Benvenuti.\n\n2\n00:00:04.000 --> 00:00:07.000\nFG-01-P1: Grazie, inizio io.\n\n3\n00:00:07.000 --> 00:00:09.000\nFG-01-P1: Nel quartiere…\n';
    const parsed = parseVtt(zoom)!;
    expect(parsed.turns.map((t) => t.speaker)).toEqual(['Facilitatrice', 'FG-01-P1']);
    expect(said(parsed)[1]).toBe('Grazie, inizio io. Nel quartiere…');
  });

  it('says a file without the WEBVTT header is not WebVTT', () => {
    expect(parseVtt('1\n00:00:01,000 --> 00:00:02,000\nciao')).toBeNull();
    expect(parseCueTime('01:02:03.5')).toBe(3723.5);
    expect(parseCueTime('02:03,250')).toBe(123.25);
  });
});

describe('parseSrt', () => {
  it('reads numbered cues with comma times, tags removed, speakers from prefixes', () => {
    const srt =
      '1\r\n00:00:01,000 --> 00:00:03,000\r\n<i>INT-05:</i> Il quadro di efficacia\r\nè in linea.\r\n\r\n2\r\n00:00:03,500 --> 00:00:05,000\r\n[Intervistatrice] E la riprogrammazione?\r\n';
    const parsed = parseSrt(srt)!;
    expect(parsed.turns.map((t) => [t.speaker, t.time])).toEqual([
      ['INT-05', 1],
      ['Intervistatrice', 3.5],
    ]);
    expect(said(parsed)).toEqual(['Il quadro di efficacia è in linea.', 'E la riprogrammazione?']);
    expect(parseSrt('solo testo, nessun sottotitolo')).toBeNull();
  });
});

describe('parseSpeakerLines', () => {
  it('does not take a long sentence before a colon for a speaker', () => {
    const parsed = parseSpeakerLines(
      'Secondo quanto emerso nel corso delle interviste: la rete regge.',
    );
    expect(parsed.turns[0]?.speaker).toBe('');
  });
});
