import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileDurable } from '../../../src/main/core/store/durable-file';
import { LayerEncoder, serializeLayer } from '../../../src/main/core/store/layers';
import type { LayerFile, StoredCoding } from '../../../src/shared/model/source';
import { tempDir } from '../../helpers/temp-dir';

const stamp = { rev: 1, updatedAt: '2026-12-04T10:00:00.000Z', updatedBy: 'anna' };

function coding(n: number, extra: Partial<StoredCoding> = {}): StoredCoding {
  return Object.freeze({
    id: `c${n}`,
    codeId: 'code-1',
    start: n * 10,
    end: n * 10 + 5,
    fp: '0123abcd',
    memo: '',
    key: false,
    textChanged: false,
    createdAt: '2026-12-04T09:00:00.000Z',
    ...stamp,
    ...extra,
  });
}

function layer(codings: StoredCoding[]): LayerFile {
  return {
    schemaVersion: 2,
    sourceId: 'source-1',
    coderId: 'anna',
    textRev: 3,
    codings,
    memos: [
      Object.freeze({ id: 'm1', text: 'Città «viva» 🤔', createdAt: stamp.updatedAt, ...stamp }),
    ],
    tombstones: [
      Object.freeze({
        kind: 'coding' as const,
        id: 'gone',
        rev: 2,
        deletedAt: stamp.updatedAt,
        deletedBy: 'anna',
      }),
    ],
  };
}

describe('LayerEncoder', () => {
  it('writes the bytes serializeLayer writes, for every kind of item and an empty layer', () => {
    const encoder = new LayerEncoder();
    const full = layer([
      coding(1),
      coding(2, { memo: 'perché così? "sì"\n', key: true }),
      coding(3, { textChanged: true, text: 'parole di prima' }),
    ]);
    const empty = { ...layer([]), memos: [], tombstones: [] };
    for (const item of [full, empty]) {
      expect(encoder.encode(item).toString('utf8')).toBe(serializeLayer(item));
      // A second time, from the remembered lines.
      expect(encoder.encode(item).toString('utf8')).toBe(serializeLayer(item));
    }
  });

  it('derives the lines of a changed list from the old one, re-encoding only the new codings', () => {
    const encoder = new LayerEncoder();
    const old = layer([coding(1), coding(2), coding(3)]);
    encoder.encode(old);
    const lines = encoder.linesOf(old.codings)!;
    const next = layer([coding(1), coding(5, { memo: 'nuova' }), coding(3)]);
    next.codings[0] = old.codings[0]!;
    next.codings[2] = old.codings[2]!;
    encoder.derive(next.codings, [lines[0], undefined, lines[2]]);
    expect(encoder.linesOf(next.codings)).toBeDefined();
    expect(encoder.encode(next).toString('utf8')).toBe(serializeLayer(next));
  });

  it('never remembers an item that can still change in place', () => {
    const encoder = new LayerEncoder();
    const open: StoredCoding = { ...coding(1) };
    const item = layer([open]);
    encoder.encode(item);
    open.memo = 'cambiata dopo';
    expect(encoder.encode(item).toString('utf8')).toBe(serializeLayer(item));
  });
});

describe('writeFileDurable with pieces', () => {
  it('writes the pieces one after the other, many of them', async () => {
    const target = join(await tempDir(), 'layer.json');
    const pieces = Array.from({ length: 3_000 }, (_, i) => Buffer.from(`riga ${i} è qui\n`));
    await writeFileDurable(target, pieces);
    expect(await readFile(target)).toEqual(Buffer.concat(pieces));
  });
});
