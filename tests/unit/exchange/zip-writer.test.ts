import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ZipWriter } from '../../../src/main/core/exchange/zip-writer';

describe('the .qdpx zip writer', () => {
  it('writes an archive other zip readers open, with exact UTF-8 contents and names', async () => {
    const date = new Date('2026-11-24T10:42:30Z');
    const zip = new ZipWriter(date);
    const text = 'Città 😀\r\nperché sì\r\n'.repeat(500);
    zip.addFile('project.qde', Buffer.from('<?xml version="1.0"?><Project/>', 'utf8'));
    zip.addDirectory('sources/');
    zip.addFile('sources/città 😀.txt', Buffer.from(text, 'utf8'));
    zip.addFile('sources/empty.txt', Buffer.alloc(0));
    const bytes = zip.finish();

    const read = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual([
      'project.qde',
      'sources/',
      'sources/città 😀.txt',
      'sources/empty.txt',
    ]);
    expect(read.files['sources/']!.dir).toBe(true);
    expect(await read.file('sources/città 😀.txt')!.async('string')).toBe(text);
    expect(await read.file('sources/empty.txt')!.async('string')).toBe('');
    // Deflated: the repeated text shrinks a lot.
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 10);
    // DOS time keeps even seconds, in UTC.
    expect(read.files['project.qde']!.date.toISOString()).toBe('2026-11-24T10:42:30.000Z');
  });

  it('gives the same bytes for the same entries and date', () => {
    const build = () => {
      const zip = new ZipWriter(new Date('2026-01-01T00:00:00Z'));
      zip.addFile('a.txt', Buffer.from('uno'));
      return zip.finish();
    };
    expect(build().equals(build())).toBe(true);
  });

  it('streams an entry written in pieces, with its CRC and sizes right', async () => {
    const zip = new ZipWriter(new Date('2026-01-01T00:00:00Z'));
    zip.addFile('first.txt', Buffer.from('prima'));
    // More than one piece of 1 M characters, with characters of one to four UTF-8 bytes.
    const pieces = Array.from({ length: 40_000 }, (_, n) => `riga ${n}: città 😀 perché\n`);
    await zip.addStreamedFile('big.xml', async (write) => {
      for (const piece of pieces) await write(piece);
    });
    zip.addFile('last.txt', Buffer.from('ultima'));
    const read = await JSZip.loadAsync(zip.finish(), { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(['first.txt', 'big.xml', 'last.txt']);
    expect(await read.file('big.xml')!.async('string')).toBe(pieces.join(''));
    expect(await read.file('last.txt')!.async('string')).toBe('ultima');
  });

  it('adds nothing when the streamed entry fails midway', async () => {
    const zip = new ZipWriter(new Date('2026-01-01T00:00:00Z'));
    zip.addFile('kept.txt', Buffer.from('ok'));
    await expect(
      zip.addStreamedFile('broken.xml', async (write) => {
        await write('<a>'.repeat(400_000));
        throw new Error('row failed');
      }),
    ).rejects.toThrow('row failed');
    const read = await JSZip.loadAsync(zip.finish(), { checkCRC32: true });
    expect(Object.keys(read.files)).toEqual(['kept.txt']);
  });
});
