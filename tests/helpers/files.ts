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
