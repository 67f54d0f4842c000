import type { HandlerName } from '../../src/shared/ipc/contract';
import type { ErrorCode } from '../../src/shared/ipc/errors';
import { docxOf, paragraph, xlsxOf, zipOf, type Part } from './hostile-zip';

/**
 * The hostile-input suite's files: each one built in memory by the test (nothing is stored), sent
 * to the importer that takes it, with what must come back. Most reproduce what froze or killed
 * Campo before (issue 15) at a size that took seconds to minutes then; `full` ones are the same
 * shapes at their caps, run with CAMPO_HOSTILE_FULL=1.
 */

/** Which importer a file goes to (the figures are counted per importer). */
export type Importer =
  'txt' | 'vtt' | 'srt' | 'docx' | 'participants' | 'indicators' | 'qdpx' | 'qdc' | 'codebook-csv';

export interface HostileCase {
  importer: Importer;
  name: string;
  /** Only with CAMPO_HOSTILE_FULL=1 (slow to build or to send). */
  full?: boolean;
  /** The call, built when the case runs (some are tens of megabytes). */
  request: () => { handler: HandlerName; args: Record<string, unknown> };
  /** Refused with one of these codes, or accepted (and then checked). */
  expect: { refused: ErrorCode[] } | { accepted: (value: unknown) => void };
  /** An accepted import changes the open project (codebooks): run on a scratch project. */
  writes?: boolean;
}

const MB = 1024 * 1024;
const mb = (n: number, fill = 'a'): Part => ({ bytes: Buffer.alloc(MB, fill), times: n });
const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString('base64');
const upload = (handler: HandlerName, fileName: string, bytes: Buffer | string) => () => ({
  handler,
  args: { fileName, data: b64(bytes) },
});
const refused = (...codes: ErrorCode[]) => ({ refused: codes });
const accepted = (check: (value: unknown) => void = () => undefined) => ({ accepted: check });

/** What a transcript preview holds. */
interface Preview {
  text: string;
  turns: unknown[];
}
const textHas = (expected: string) =>
  accepted((value) => {
    if (!(value as Preview).text.includes(expected)) throw new Error(`no ${expected} in the text`);
  });

const CUE = '00:00:01.000 --> 00:00:04.000\n';
const SRT_CUE = '1\n00:00:01,000 --> 00:00:04,000\n';
const vtt = (payload: string) => `WEBVTT\n\n${CUE}${payload}\n`;
const srt = (payload: string) => `${SRT_CUE}${payload}\n`;

/** A REFI-QDA codebook of `n` flat codes (names with accents and entities). */
function codes(n: number): string {
  const one = (i: number) =>
    `<Code guid="00000000-0000-4000-8000-${String(i).padStart(12, '0')}" name="Codice &amp; tema ${i}" isCodable="true"/>`;
  return Array.from({ length: n }, (_, i) => one(i)).join('');
}
/** `depth` Code elements, each inside the previous one. */
function nestedCodes(depth: number): string {
  const open = (i: number) =>
    `<Code guid="10000000-0000-4000-8000-${String(i).padStart(12, '0')}" name="L${i}" isCodable="true">`;
  return `${Array.from({ length: depth }, (_, i) => open(i)).join('')}${'</Code>'.repeat(depth)}`;
}
const QDC = (body: string) =>
  `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${body}</Codes></CodeBook>`;
const QDE = (body: string, sources = '') =>
  `<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Ostile"><CodeBook><Codes>${body}</Codes></CodeBook>${sources}</Project>`;
const LAUGHS = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><CodeBook><Codes><Code guid="a" name="&lol2;"/></Codes></CodeBook>`;
const qdpx = (
  qde: string,
  more: Array<{ name: string; parts: Part[]; declaredSize?: number }> = [],
) => zipOf([{ name: 'project.qde', parts: [{ bytes: qde }] }, ...more]);

/** An XLSX whose first cell is an inline string of `size` megabytes. */
const bigCell = (size: number) =>
  xlsxOf([
    { bytes: '<row r="1"><c r="A1" t="inlineStr"><is><t>' },
    mb(size),
    { bytes: '</t></is></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row>' },
  ]);
const rows = (n: number) =>
  xlsxOf([{ bytes: '<row><c t="s"><v>0</v></c><c><v>1</v></c></row>', times: n }]);

export const HOSTILE_CASES: HostileCase[] = [
  // Plain text transcripts.
  {
    importer: 'txt',
    name: 'Windows-1252, 4 MB in one line (was 4 s)',
    request: upload('transcriptRead', 'vecchio.txt', Buffer.alloc(4 * MB, 0xe9)),
    expect: accepted(),
  },
  {
    importer: 'txt',
    name: 'Windows-1252, 19 MB in one line (was 20 s)',
    full: true,
    request: upload('transcriptRead', 'vecchio.txt', Buffer.alloc(19 * MB, 0xe9)),
    expect: accepted(),
  },
  {
    importer: 'txt',
    name: '250,000 speaker turns',
    request: upload('transcriptRead', 'turni.txt', 'P1: sì\n'.repeat(250_000)),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'txt',
    name: 'binary bytes named .txt',
    request: upload(
      'transcriptRead',
      'foto.txt',
      Buffer.from(Array.from({ length: MB }, (_, i) => (i * 7919) % 256)),
    ),
    expect: refused('FILE_TYPE_MISMATCH'),
  },
  {
    importer: 'txt',
    name: 'one byte above the 20 MB cap',
    request: upload('transcriptRead', 'enorme.txt', Buffer.alloc(20 * MB + 1, 0x61)),
    expect: refused('FILE_TOO_LARGE'),
  },
  {
    importer: 'txt',
    name: '5 million blank lines',
    request: upload('transcriptRead', 'vuoto.txt', '\n'.repeat(5_000_000)),
    expect: refused('FILE_EMPTY'),
  },
  {
    importer: 'txt',
    name: '1.6 million speaker lines at the cap',
    full: true,
    request: upload('transcriptRead', 'turni.txt', 'Mario: ciao\n'.repeat(1_600_000)),
    expect: refused('FILE_DAMAGED'),
  },
  // WebVTT.
  {
    importer: 'vtt',
    name: "400 KB run of '<' (was 72 s)",
    request: upload('transcriptRead', 'minore.vtt', vtt('<'.repeat(400_000))),
    expect: accepted(),
  },
  {
    importer: 'vtt',
    name: "200,000 unclosed '<v ' voice tags",
    request: upload('transcriptRead', 'voci.vtt', vtt('<v '.repeat(200_000))),
    expect: accepted(),
  },
  {
    importer: 'vtt',
    name: "runs of '<!' and '<![CDATA['",
    request: upload(
      'transcriptRead',
      'cdata.vtt',
      vtt(`${'<!'.repeat(150_000)}${'<![CDATA['.repeat(40_000)}`),
    ),
    expect: accepted(),
  },
  {
    importer: 'vtt',
    name: '&#x110000;, &#xD800; and a 12-digit reference (was a RangeError)',
    request: upload(
      'transcriptRead',
      'entita.vtt',
      vtt('<v INT-01>Sì &#x110000; &#xD800; &#999999999999; &amp; fine</v>'),
    ),
    expect: textHas('Sì \uFFFD \uFFFD \uFFFD & fine'),
  },
  {
    importer: 'vtt',
    name: 'a header and 10 MB of empty lines',
    request: upload('transcriptRead', 'vuoto.vtt', `WEBVTT\n${'\n'.repeat(10 * MB)}`),
    expect: refused('FILE_EMPTY'),
  },
  {
    importer: 'vtt',
    name: "20 MB run of '<': more characters than a source holds",
    full: true,
    request: upload('transcriptRead', 'minore.vtt', vtt('<'.repeat(20 * MB - 100))),
    expect: refused('FILE_TOO_LARGE'),
  },
  // SubRip.
  {
    importer: 'srt',
    name: "400 KB run of '<' (was 72 s)",
    request: upload('transcriptRead', 'minore.srt', srt('<'.repeat(400_000))),
    expect: accepted(),
  },
  {
    importer: 'srt',
    name: "200,000 '{\\' style openers",
    request: upload('transcriptRead', 'graffe.srt', srt('{\\'.repeat(200_000))),
    expect: accepted(),
  },
  {
    importer: 'srt',
    name: '&#x110000; in a cue (was a RangeError)',
    request: upload('transcriptRead', 'entita.srt', srt('INT-02: prima &#x110000; dopo')),
    expect: textHas('prima \uFFFD dopo'),
  },
  {
    importer: 'srt',
    name: 'no cue timing at all',
    request: upload('transcriptRead', 'finto.srt', 'solo testo\n'.repeat(100_000)),
    expect: refused('FILE_TYPE_MISMATCH'),
  },
  // Word.
  {
    importer: 'docx',
    name: 'one paragraph of 400,000 spaces, 1.3 KB (was 83 s)',
    request: upload(
      'transcriptRead',
      'spazi.docx',
      docxOf(paragraph([{ bytes: 'A' }, { bytes: ' ', times: 400_000 }, { bytes: 'B 0:03' }])),
    ),
    expect: accepted(),
  },
  {
    importer: 'docx',
    name: 'bomb: 120 MB of text in 120 KB (was 1.1 GB in the app)',
    request: upload('transcriptRead', 'bomba.docx', docxOf(paragraph([mb(120)]))),
    expect: refused('FILE_TOO_LARGE'),
  },
  {
    importer: 'docx',
    name: 'bomb that declares 1 MB and inflates to 60 MB',
    request: upload(
      'transcriptRead',
      'bugiarda.docx',
      docxOf(paragraph([mb(60)]), { declaredSize: MB }),
    ),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'docx',
    name: '100,000 nested elements',
    request: upload(
      'transcriptRead',
      'annidata.docx',
      docxOf([
        { bytes: '<w:sdt><w:sdtContent>', times: 100_000 },
        { bytes: '</w:sdtContent></w:sdt>', times: 100_000 },
      ]),
    ),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'docx',
    name: 'zip slip entry',
    request: upload(
      'transcriptRead',
      'slip.docx',
      zipOf([
        { name: 'word/document.xml', parts: [{ bytes: '<w:document/>' }] },
        { name: '../../evil.sh', parts: [{ bytes: 'rm -rf ~' }] },
      ]),
    ),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'docx',
    name: 'truncated archive',
    request: upload(
      'transcriptRead',
      'tronca.docx',
      docxOf(paragraph([{ bytes: 'INT-01: ciao' }])).subarray(0, 300),
    ),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'docx',
    name: 'bomb: 209 MB of text in 200 KB, as reported',
    full: true,
    request: upload('transcriptRead', 'bomba.docx', docxOf(paragraph([mb(209)]))),
    expect: refused('FILE_TOO_LARGE'),
  },
  {
    importer: 'docx',
    name: '90 MB of text under the XML cap, five times what a source holds',
    full: true,
    request: upload('transcriptRead', 'lunga.docx', docxOf(paragraph([mb(90)]))),
    expect: refused('FILE_TOO_LARGE', 'FILE_DAMAGED'),
  },
  // Participant lists.
  {
    importer: 'participants',
    name: 'one 200 MB cell (killed the app)',
    request: upload('participantsReadFile', 'cella.xlsx', bigCell(200)),
    expect: refused('FILE_TOO_LARGE', 'FILE_DAMAGED'),
  },
  {
    importer: 'participants',
    name: 'one 50 MB cell within the unzip cap',
    request: upload('participantsReadFile', 'cella.xlsx', bigCell(50)),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'participants',
    name: 'a sheet that declares 1 MB and inflates to 80 MB',
    request: upload(
      'participantsReadFile',
      'bugiardo.xlsx',
      xlsxOf([{ bytes: '<row><c t="s"><v>0</v></c></row>', times: 2_500_000 }], undefined, {
        declaredSheetSize: MB,
      }),
    ),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'participants',
    name: '100,000 rows',
    request: upload('participantsReadFile', 'righe.xlsx', rows(100_000)),
    expect: accepted((value) => {
      if (!(value as { truncated: boolean }).truncated) throw new Error('not marked truncated');
    }),
  },
  {
    importer: 'participants',
    name: 'CSV with a 9 MB quoted field',
    request: upload(
      'participantsReadFile',
      'campo.csv',
      `codice;nome\nP1;"${'x'.repeat(9 * MB)}"\n`,
    ),
    expect: accepted(),
  },
  {
    importer: 'participants',
    name: 'CSV of 1.5 million empty rows',
    request: upload(
      'participantsReadFile',
      'vuote.csv',
      `codice;nome\nP1;x\n${';;;;\n'.repeat(1_500_000)}`,
    ),
    expect: accepted(),
  },
  {
    importer: 'participants',
    name: 'XLSX that is not a zip',
    request: upload('participantsReadFile', 'finto.xlsx', 'codice;nome\nP1;x\n'),
    expect: refused('FILE_TYPE_MISMATCH'),
  },
  // Monitoring extracts.
  {
    importer: 'indicators',
    name: 'one 200 MB cell',
    request: upload('indicatorsReadFile', 'cella.xlsx', bigCell(200)),
    expect: refused('FILE_TOO_LARGE', 'FILE_DAMAGED'),
  },
  {
    importer: 'indicators',
    name: '100,000 rows of formulas',
    request: upload(
      'indicatorsReadFile',
      'formule.csv',
      `codice;valore\n${'=HYPERLINK("http://x");+cmd|x!A0\n'.repeat(100_000)}`,
    ),
    expect: accepted(),
  },
  {
    importer: 'indicators',
    name: 'binary bytes named .csv',
    request: upload('indicatorsReadFile', 'dati.csv', Buffer.alloc(2 * MB, 0)),
    expect: refused('FILE_TYPE_MISMATCH'),
  },
  // REFI-QDA projects.
  {
    importer: 'qdpx',
    name: '20,000 codes (was 7 s)',
    request: upload('qdpxImport', 'codici.qdpx', qdpx(QDE(codes(20_000)))),
    expect: accepted(),
  },
  {
    importer: 'qdpx',
    name: '10,000 nested codes',
    request: upload('qdpxImport', 'annidato.qdpx', qdpx(QDE(nestedCodes(10_000)))),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdpx',
    name: '150 nested codes (within the XML limit, past the code depth)',
    request: upload('qdpxImport', 'profondo.qdpx', qdpx(QDE(nestedCodes(150)))),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdpx',
    name: '100,001 codes',
    request: upload('qdpxImport', 'troppi.qdpx', qdpx(QDE(codes(100_001)))),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdpx',
    name: 'billion laughs',
    request: upload('qdpxImport', 'risate.qdpx', qdpx(LAUGHS)),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdpx',
    name: 'source that declares 1 KB and inflates to 100 MB',
    request: upload(
      'qdpxImport',
      'bomba.qdpx',
      qdpx(
        QDE(
          codes(1),
          '<Sources><TextSource guid="20000000-0000-4000-8000-000000000001" name="Uno" plainTextPath="internal://uno.txt"/></Sources>',
        ),
        [{ name: 'sources/uno.txt', parts: [mb(100)], declaredSize: 1024 }],
      ),
    ),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdpx',
    name: 'a DOCX bomb as a source: the source is skipped',
    request: upload(
      'qdpxImport',
      'docx-bomba.qdpx',
      qdpx(
        QDE(
          codes(1),
          '<Sources><TextSource guid="20000000-0000-4000-8000-000000000002" name="Bomba" richTextPath="internal://b.docx"/></Sources>',
        ),
        [{ name: 'sources/b.docx', parts: [{ bytes: docxOf(paragraph([mb(120)])) }] }],
      ),
    ),
    expect: accepted((value) => {
      const summary = (value as { summary: { sources: number; skippedSources: number } }).summary;
      if (summary.sources !== 0 || summary.skippedSources !== 1)
        throw new Error(JSON.stringify(summary));
    }),
  },
  {
    importer: 'qdpx',
    name: 'not a zip',
    request: upload('qdpxImport', 'finto.qdpx', QDE(codes(3))),
    expect: refused('FILE_TYPE_MISMATCH'),
  },
  {
    importer: 'qdpx',
    name: '100,000 codes (was 120 s)',
    full: true,
    request: upload('qdpxImport', 'centomila.qdpx', qdpx(QDE(codes(100_000)))),
    expect: accepted(),
  },
  // REFI-QDA codebooks.
  {
    importer: 'qdc',
    name: '10,000 nested codes (was "Maximum nested tags exceeded")',
    request: upload('qdcImport', 'annidato.qdc', QDC(nestedCodes(10_000))),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdc',
    name: 'billion laughs',
    request: upload('qdcImport', 'risate.qdc', LAUGHS),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdc',
    name: 'binary bytes named .qdc',
    request: upload('qdcImport', 'dati.qdc', Buffer.alloc(MB, 1)),
    expect: refused('FILE_TYPE_MISMATCH', 'FILE_DAMAGED'),
  },
  {
    importer: 'qdc',
    name: '100,001 codes',
    request: upload('qdcImport', 'troppi.qdc', QDC(codes(100_001))),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'qdc',
    name: '20,000 codes (was 7 s)',
    writes: true,
    request: upload('qdcImport', 'codici.qdc', QDC(codes(20_000))),
    expect: accepted(),
  },
  {
    importer: 'qdc',
    name: '100,000 codes (was 243 s)',
    full: true,
    writes: true,
    request: upload('qdcImport', 'centomila.qdc', QDC(codes(100_000))),
    expect: accepted(),
  },
  // Codebook CSV.
  {
    importer: 'codebook-csv',
    name: 'a parent path 150 levels deep',
    request: () => ({
      handler: 'codebookImport',
      args: {
        csv: `nome;padre\nfoglia;${Array.from({ length: 150 }, (_, i) => `L${i}`).join(' > ')}\n`,
      },
    }),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'codebook-csv',
    name: '100,001 rows',
    request: () => ({
      handler: 'codebookImport',
      args: {
        csv: `nome;padre\n${Array.from({ length: 100_001 }, (_, i) => `c${i};`).join('\n')}`,
      },
    }),
    expect: refused('FILE_DAMAGED'),
  },
  {
    importer: 'codebook-csv',
    name: 'an unclosed quote over 4.9 MB',
    writes: true,
    request: () => ({
      handler: 'codebookImport',
      args: { csv: `nome;padre\n"${'x;'.repeat(2_450_000)}` },
    }),
    expect: accepted(),
  },
  {
    importer: 'codebook-csv',
    name: '20,000 codes under 100 parents',
    writes: true,
    request: () => ({
      handler: 'codebookImport',
      args: {
        csv: `nome;padre\n${Array.from({ length: 20_000 }, (_, i) => `Tema ${i};Gruppo ${i % 100}`).join('\n')}`,
      },
    }),
    expect: accepted(),
  },
  {
    importer: 'codebook-csv',
    name: '100,000 codes under 100 parents',
    full: true,
    writes: true,
    request: () => ({
      handler: 'codebookImport',
      args: {
        csv: `nome;padre\n${Array.from({ length: 100_000 }, (_, i) => `Codice ${i};Gruppo ${i % 100}`).join('\n')}`,
      },
    }),
    expect: accepted(),
  },
];
