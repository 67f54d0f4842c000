import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';

/** A real Word file, as an evaluator would save an interview: title, heading, a table, turns. */
export async function interviewDocx(): Promise<Uint8Array> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            text: 'Intervista INT-04 – Comune di Giussano',
            heading: HeadingLevel.HEADING_1,
          }),
          new Paragraph({ text: 'Dati dell’intervista', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: [
              new TableRow({ children: [cell('Data'), cell('22/03/2021')] }),
              new TableRow({ children: [cell('Modalità'), cell('Videochiamata')] }),
            ],
          }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Intervistatrice: ', bold: true }),
              new TextRun('Com’è andata la coprogettazione?'),
            ],
          }),
          new Paragraph({
            alignment: AlignmentType.LEFT,
            children: [
              new TextRun('INT-04: Bene, perché la rete c’era già 👍. Però è stata lunga.'),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A zip whose directory declares an absurd uncompressed size (a zip bomb's signature). */
export function zipBomb(): Uint8Array {
  const name = Buffer.from('word/document.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(1000, 20);
  central.writeUInt32LE(0xfffffff0, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length, 16);
  return new Uint8Array(Buffer.concat([local, name, central, name, end]));
}

/** Windows-1252 bytes of `text` (Italian letters, curly quotes, dashes, €), as old Notepad saved. */
export function windows1252(text: string): Uint8Array {
  const high: Record<string, number> = {
    '€': 0x80,
    '‘': 0x91,
    '’': 0x92,
    '“': 0x93,
    '”': 0x94,
    '–': 0x96,
    '—': 0x97,
    '…': 0x85,
  };
  return new Uint8Array(
    [...text].map((char) => {
      const code = high[char] ?? char.charCodeAt(0);
      if (code > 0xff) throw new Error(`${char} is not in Windows-1252`);
      return code;
    }),
  );
}

/**
 * A lecture transcribed by hand in Notepad: Windows-1252, CRLF, a "--Title page--" heading, one
 * paragraph per line and a hard-wrapped paragraph, no speaker labels at all.
 */
export function lectureTxt(): Uint8Array {
  return windows1252(
    [
      '--Title page--',
      'Lezione 3 – Il Fondo sociale europeo in Lombardia',
      '',
      'Buongiorno a tutti, oggi parliamo della programmazione 2014–2020.',
      'Il POR FSE vale circa 970 milioni di €, e la città metropolitana ne usa una parte.',
      'Partiamo dalle “priorità di investimento” e da come sono state scelte,',
      'perché è lì che si vede la logica d’intervento.',
      '',
      'Seconda parte: gli indicatori.',
      'Il quadro di efficacia dell’attuazione fissa target intermedi al 2018.',
    ].join('\r\n'),
  );
}

/**
 * An evaluator's Word transcript: a header block ("Data: 12/04/2021 …", "Luogo: …"), then
 * "Name: text" turns, one of them continued in a second paragraph, and a closing note line.
 */
export async function wordTranscriptDocx(): Promise<Uint8Array> {
  const paragraphs = [
    'Focus group FG-02 – Operatori dei servizi al lavoro',
    'Data: 12/04/2021 ore 10:00, durata 1 ora e 40 minuti',
    'Luogo: Milano, sede regionale',
    'Facilitatrice: Benvenuti, partiamo dalle doti per il lavoro.',
    'Marco Bianchi: Le doti sono servite soprattutto ai disoccupati di lunga durata.',
    'Nel nostro centro le abbiamo usate per tirocini.',
    'Facilitatrice: E il raccordo con le imprese?',
    'Lucia Verdi: Difficile, le imprese non conoscevano lo strumento.',
    'Marco Bianchi: Confermo, serviva più comunicazione.',
    'Trascrizione a cura di IRS, non rivista dai partecipanti.',
  ];
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A 2-hour Google Meet call saved as .docx by a note-taking assistant: a summary with upper-case
 * label lines ("ACTION ITEM:", "POSITIVE REACTION:"), then "@m:ss - Name (email)" speaker lines
 * each followed by what was said, with a label line inside the transcript too.
 */
export async function meetingNotesDocx(): Promise<Uint8Array> {
  const paragraphs = [
    'Riunione di coordinamento – Tavolo territoriale',
    'Data: 12/04/2021 15:00',
    'ACTION ITEM: inviare il verbale ai Comuni entro venerdì',
    'POSITIVE REACTION: accordo sul calendario dei tavoli',
    'Trascrizione',
    '@0:25 - Anna Rossi (anna.rossi@example.org)',
    'Buongiorno, partiamo dal calendario.',
    '@1:02 - Paolo Neri (paolo.neri@example.org)',
    'Per noi va bene, ma serve il parere dei Comuni.',
    'Lo chiedo io entro venerdì.',
    'ACTION ITEM: Paolo chiede il parere dei Comuni',
    '@1:47:05 - Anna Rossi (anna.rossi@example.org)',
    'Perfetto, chiudiamo qui.',
  ];
  const document = new Document({
    sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
