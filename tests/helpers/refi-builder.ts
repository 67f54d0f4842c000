/**
 * REFI-QDA archives built by the tests themselves, with the properties real exports have: a
 * chosen `origin`, positions counted in a chosen unit (NVivo: UTF-16), selection names left
 * empty (NVivo) or holding the passage, emoji early in the text, long case names, code Sets.
 */
import JSZip from 'jszip';
import type { PositionUnit } from '../../src/shared/exchange/positions';

const WORDS = [
  'la',
  'rete',
  'dei',
  'servizi',
  'territoriali',
  'ha',
  'funzionato',
  'perché',
  'i',
  'partner',
  'erano',
  'già',
  'abituati',
  'a',
  'lavorare',
  'insieme',
  'nel',
  'quartiere',
  'con',
  'le',
  'scuole',
  'e',
  'il',
  'comune',
  'però',
  'mancavano',
  'ore',
  'di',
  'coordinamento',
  'finanziate',
  'dal',
  'bando',
  'città',
  'cooperativa',
  'sociale',
];

/** A deterministic pseudo-random sequence (tests must not depend on Math.random). */
function sequence(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/**
 * An interview text of `sentences` sentences with `emoji` early on (and one more later), CRLF
 * line ends as NVivo for Windows writes, and `passages` word-aligned spans (UTF-16 offsets) as a
 * person would select them: from the start of a word to the end of a word.
 */
export function interviewText(
  seed: number,
  { sentences = 40, passages = 30, emoji = '😀' } = {},
): { text: string; spans: Array<{ start: number; end: number }> } {
  const next = sequence(seed);
  const words: Array<{ start: number; end: number }> = [];
  let text = `Intervista ${emoji} del 12/04/2021\r\n`;
  for (let s = 0; s < sentences; s += 1) {
    const length = 6 + Math.floor(next() * 10);
    for (let w = 0; w < length; w += 1) {
      const word = WORDS[Math.floor(next() * WORDS.length)]!;
      const start = text.length;
      text += w === 0 ? word[0]!.toUpperCase() + word.slice(1) : word;
      words.push({ start, end: text.length });
      text += w === length - 1 ? '.' : ' ';
    }
    text += s === Math.floor(sentences / 2) ? ` 👍🏽\r\n` : s % 4 === 3 ? '\r\n' : ' ';
  }
  const spans: Array<{ start: number; end: number }> = [];
  for (let p = 0; p < passages; p += 1) {
    const first = Math.floor(next() * (words.length - 12));
    const last = first + 2 + Math.floor(next() * 9);
    spans.push({ start: words[first]!.start, end: words[last]!.end });
  }
  return { text, spans };
}

/** The position of UTF-16 offset `offset` of `text` as a tool counting in `unit` writes it. */
export function positionIn(text: string, offset: number, unit: PositionUnit): number {
  const before = text.slice(0, offset);
  if (unit === 'utf16') return offset;
  if (unit === 'utf8') return new TextEncoder().encode(before).length;
  if (unit === 'codepoint') return Array.from(before).length;
  return Array.from(before.replace(/\r\n/g, '\n')).length;
}

const guid = (kind: number, n: number) =>
  `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

const escape = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;');

/** A source of a built archive. */
export interface BuiltSource {
  name: string;
  text: string;
  spans: Array<{ start: number; end: number }>;
}

/**
 * A .qdpx whose project.qde says it was written by `origin`, with one code, the sources as
 * UTF-8 files with BOM (as NVivo for Windows writes them), and one selection per span in `unit`,
 * named with the passage only when `names` is set.
 */
export async function refiArchive({
  origin,
  unit,
  sources,
  names = false,
  cases = [],
}: {
  origin: string | null;
  unit: PositionUnit;
  sources: BuiltSource[];
  names?: boolean;
  cases?: string[];
}): Promise<Uint8Array> {
  const zip = new JSZip();
  const textSources = sources.map((source, s) => {
    zip.file(`sources/${guid(4, s)}.txt`, `\uFEFF${source.text}`);
    const selections = source.spans.map((span, p) => {
      const name = names ? escape(source.text.slice(span.start, span.end)) : '';
      return `<PlainTextSelection guid="${guid(5, s * 1000 + p)}" name="${name}" startPosition="${positionIn(source.text, span.start, unit)}" endPosition="${positionIn(source.text, span.end, unit)}">
        <Coding guid="${guid(6, s * 1000 + p)}"><CodeRef targetGUID="${guid(2, 1)}"/></Coding>
      </PlainTextSelection>`;
    });
    return `<TextSource guid="${guid(3, s)}" name="${escape(source.name)}" plainTextPath="internal://${guid(4, s)}.txt">
      ${selections.join('\n')}
    </TextSource>`;
  });
  const caseXml = cases
    .map((name, c) => `<Case guid="${guid(7, c)}" name="${escape(name)}"/>`)
    .join('\n');
  const qde = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Progetto NVivo"${origin ? ` origin="${escape(origin)}"` : ''}>
  <CodeBook><Codes><Code guid="${guid(2, 1)}" name="Partenariato" isCodable="true"/></Codes></CodeBook>
  <Sources>${textSources.join('\n')}</Sources>
  ${cases.length > 0 ? `<Cases>${caseXml}</Cases>` : ''}
</Project>`;
  zip.file('project.qde', qde);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
