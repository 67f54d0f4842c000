import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Zip archives for the hostile-input suite, built fast whatever they expand to: a long run of one
 * chunk is deflated once (after a full flush a deflate stream restarts, so the same chunk always
 * gives the same bytes) and repeated, so a 200 MB bomb costs milliseconds and no memory. Sizes in
 * the headers may lie on purpose.
 */

/** Part of an entry's content: `bytes`, `times` times over. */
export interface Part {
  bytes: Buffer | string;
  times?: number;
}

/** An entry: its content as parts, and what its headers should claim (the truth by default). */
export interface ZipEntrySpec {
  name: string;
  parts: Part[];
  declaredSize?: number;
  /** Stored (method 0) instead of deflated. */
  stored?: boolean;
}

const flushed = (bytes: Buffer) =>
  deflateRawSync(bytes, { level: 1, finishFlush: constants.Z_FULL_FLUSH });

/** Deflated bytes, size and CRC-32 of the parts, with each repeated chunk compressed once. */
export function deflateParts(parts: Part[]): { data: Buffer; size: number; crc: number } {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  const add = (bytes: Buffer, times: number) => {
    if (bytes.length === 0 || times === 0) return;
    const block = flushed(bytes);
    for (let i = 0; i < times; i += 1) {
      chunks.push(block);
      crc = crc32(bytes, crc);
    }
    size += bytes.length * times;
  };
  for (const part of parts) {
    const bytes = Buffer.isBuffer(part.bytes) ? part.bytes : Buffer.from(part.bytes);
    const times = part.times ?? 1;
    // A short chunk repeated is first grown to about a megabyte, or it would not compress.
    const per = Math.max(1, Math.min(times, Math.floor((1024 * 1024) / Math.max(1, bytes.length))));
    add(Buffer.concat(Array.from({ length: per }, () => bytes)), Math.floor(times / per));
    add(Buffer.concat(Array.from({ length: times % per }, () => bytes)), 1);
  }
  chunks.push(deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(chunks), size, crc };
}

/** The whole content of the parts (only for small entries: stored ones). */
function joined(parts: Part[]): Buffer {
  return Buffer.concat(
    parts.flatMap((part) => {
      const bytes = Buffer.isBuffer(part.bytes) ? part.bytes : Buffer.from(part.bytes);
      return Array.from({ length: part.times ?? 1 }, () => bytes);
    }),
  );
}

/** A zip archive of the entries, with the sizes their specs declare. */
export function zipOf(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    let data: Buffer;
    let size: number;
    let crc: number;
    if (entry.stored) {
      data = joined(entry.parts);
      size = data.length;
      crc = crc32(data);
    } else {
      ({ data, size, crc } = deflateParts(entry.parts));
    }
    const declared = entry.declaredSize ?? size;
    const method = entry.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

/** A Word document whose body is `body` (parts of word/document.xml between <w:body> tags). */
export function docxOf(body: Part[], options: { declaredSize?: number } = {}): Buffer {
  const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  return zipOf([
    {
      name: '[Content_Types].xml',
      parts: [
        {
          bytes: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
        },
      ],
    },
    {
      name: '_rels/.rels',
      parts: [
        {
          bytes: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
        },
      ],
    },
    {
      name: 'word/document.xml',
      parts: [
        { bytes: `${XML}<w:document xmlns:w="${w}"><w:body>` },
        ...body,
        { bytes: '</w:body></w:document>' },
      ],
      declaredSize: options.declaredSize,
    },
  ]);
}

/** One paragraph of text runs, for `docxOf`. */
export function paragraph(text: Part[]): Part[] {
  return [
    { bytes: '<w:p><w:r><w:t xml:space="preserve">' },
    ...text,
    { bytes: '</w:t></w:r></w:p>' },
  ];
}

/** A workbook whose first sheet's rows and shared strings are the given parts. */
export function xlsxOf(
  sheetRows: Part[],
  sharedStrings: Part[] = [{ bytes: '<si><t>x</t></si>' }],
  options: { declaredSheetSize?: number } = {},
): Buffer {
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return zipOf([
    {
      name: '[Content_Types].xml',
      parts: [
        {
          bytes: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
        },
      ],
    },
    {
      name: '_rels/.rels',
      parts: [
        {
          bytes: `${XML}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
        },
      ],
    },
    {
      name: 'xl/workbook.xml',
      parts: [
        {
          bytes: `${XML}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="Foglio1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
        },
      ],
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      parts: [
        {
          bytes: `${XML}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
        },
      ],
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      parts: [
        { bytes: `${XML}<worksheet xmlns="${main}"><sheetData>` },
        ...sheetRows,
        { bytes: '</sheetData></worksheet>' },
      ],
      declaredSize: options.declaredSheetSize,
    },
    {
      name: 'xl/sharedStrings.xml',
      parts: [{ bytes: `${XML}<sst xmlns="${main}">` }, ...sharedStrings, { bytes: '</sst>' }],
    },
  ]);
}
