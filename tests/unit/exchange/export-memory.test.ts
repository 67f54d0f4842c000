import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { planSource, projectQdeParts } from '../../../src/shared/exchange/qde-writer';
import { ProjectFileSchema } from '../../../src/shared/model/project';
import { SourceFileSchema, type SourceFile } from '../../../src/shared/model/source';

const T0 = '2026-03-02T09:00:00.000Z';
const CODE = 'code-accesso';

/** Heap in use after a full collection, in MB. */
function heapMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

/** A transcript with `codings` codings of 40-character passages (each under 100 characters). */
function codedSource(id: string, codings: number): SourceFile {
  const sentence = 'Il partenariato è stato utile per la città. ';
  const text = sentence.repeat(codings);
  return SourceFileSchema.parse({
    schemaVersion: 2,
    id,
    title: `Intervista ${id}`,
    text,
    createdAt: T0,
    updatedAt: T0,
    turns: [{ id: 't1', start: 0, end: text.length, speaker: 'P01', participantId: 'p-1' }],
    codings: Array.from({ length: codings }, (_, n) => ({
      id: `${id}-c${n}`,
      codeId: CODE,
      coderId: 'marta',
      start: n * sentence.length,
      end: n * sentence.length + 40,
      text: text.slice(n * sentence.length, n * sentence.length + 40),
      createdAt: T0,
    })),
  });
}

describe('a REFI-QDA export of a large project', () => {
  it('holds little per coding while it reads the sources (a name is a flat string)', () => {
    const source = codedSource('s1', 20_000);
    const before = heapMb();
    const plan = planSource(source, new Set([CODE]));
    const held = heapMb() - before;
    expect(plan.selections).toHaveLength(20_000);
    expect(plan.selections[0]!.name).toBe('Il partenariato è stato utile per la cit');
    // Names built character by character stayed ropes of 1.3 kB each: 26 MB here.
    expect(held).toBeLessThan(8);
  });

  it('writes project.qde in pieces, a source at a time, never as one document', () => {
    const sources = Array.from({ length: 40 }, (_, n) => codedSource(`s${n}`, 200));
    const project = ProjectFileSchema.parse({
      schemaVersion: 2,
      app: 'campo',
      id: 'project-1',
      createdAt: T0,
      updatedAt: T0,
      evaluators: [{ id: 'marta', name: 'marta' }],
      meta: { title: 'Valutazione', language: 'it' },
      participants: [{ id: 'p-1', code: 'P01' }],
      codes: [{ id: CODE, name: 'Accesso' }],
      sources: sources.map(({ id, title }) => ({ id, title, createdAt: T0, updatedAt: T0 })),
    });
    const parts = projectQdeParts({
      project,
      planned: sources.map((source) => planSource(source, new Set([CODE]))),
      now: T0,
      userName: 'marta',
    });
    const pieces: string[] = [];
    let next = parts.next();
    for (; !next.done; next = parts.next()) pieces.push(next.value);
    expect(next.value).toMatchObject({ sources: 40, codings: 8_000, skipped: 0 });
    const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
    expect(pieces.length).toBeGreaterThan(40);
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(total / 20);
    const xml = pieces.join('');
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<Project')).toBe(true);
    expect(xml.endsWith('</Project>\n')).toBe(true);
    expect(xml.match(/<PlainTextSelection /g)).toHaveLength(8_000);
    // The cases still name the sources their participant speaks in (read from the turns).
    expect(xml.match(/<SourceRef /g)).toHaveLength(40);
  });
});
