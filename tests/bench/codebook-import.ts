/**
 * Case "codebook": importing large codebooks (issue 15 found 20,000 codes took 7 s and 100,000
 * took 243 s: a colour and a path computed over the whole codebook for every code). Measured end
 * to end (a .qdc read in the parser process, merged, saved) and, for the colours, against the
 * quadratic way of before (nextColour over the whole codebook per code), timed in the same run.
 */
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { importCodebookInto } from '../../src/main/core/exchange/qdpx-import';
import { stopParsers } from '../../src/main/core/isolation/parser-pool';
import { createProject } from '../../src/main/core/store/project-store';
import { colourPicker, nextColour } from '../../src/shared/domain/codebook-tree';
import type { Code } from '../../src/shared/model/project';
import { group, measure, record } from './measure';

const log = (message: string) => console.error(`[bench] ${message}`);

/** A .qdc of `n` codes: 100 themes with their sub-codes. */
function qdc(n: number): Buffer {
  const code = (i: number, inner = '') =>
    `<Code guid="00000000-0000-4000-8000-${String(i).padStart(12, '0')}" name="Codice ${i}" isCodable="true">${inner}</Code>`;
  const themes = Array.from({ length: 100 }, (_, t) => {
    const children = [];
    for (let i = 100 + t; i < n; i += 100) children.push(code(i));
    return code(t, children.join(''));
  });
  return Buffer.from(
    `<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>${themes.join('')}</Codes></CodeBook>`,
  );
}

/** Codes as an import adds them: `n` flat codes under 100 themes. */
function plain(n: number): Code[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    name: `Codice ${i}`,
    description: '',
    colour: '',
    parentId: i < 100 ? null : `c${i % 100}`,
    questionId: null,
    followsQuestion: false,
    quickKey: null,
  }));
}

/** Colours as imports gave them before: the palette counted over the whole codebook, per code. */
function quadraticColours(incoming: Code[]): number {
  const codes: Code[] = [];
  for (const next of incoming) codes.push({ ...next, colour: nextColour(codes) });
  return codes.length;
}

/** Colours as imports give them now: one picker keeps the counts. */
function linearColours(incoming: Code[]): number {
  const colours = colourPicker([]);
  return incoming.map((next) => ({ ...next, colour: colours.next() })).length;
}

export async function codebookCase(root: string, runs: number): Promise<void> {
  group('codebook import');
  const few = Math.max(3, Math.min(runs, 5));
  for (const n of [5_000, 20_000, 100_000]) {
    log(`codebook of ${n} codes…`);
    const bytes = qdc(n);
    await measure(
      `.qdc of ${n.toLocaleString('en')} codes, read, merged and saved`,
      few,
      async () => {
        const session = await createProject({
          parentDir: await mkdtemp(join(root, 'cb-')),
          name: 'Codebook',
        });
        await importCodebookInto(session, { bytes, fileName: 'codebook.qdc' });
        await session.close();
      },
      { warmup: 1 },
    );
    const incoming = plain(n);
    await measure(`colours for ${n.toLocaleString('en')} codes (now)`, few, () =>
      linearColours(incoming),
    );
    if (n <= 20_000) {
      // The baseline is quadratic: 100,000 codes would take minutes.
      const samples: number[] = [];
      for (let run = 0; run < 3; run++) {
        const started = performance.now();
        quadraticColours(incoming);
        samples.push(performance.now() - started);
      }
      record(`colours for ${n.toLocaleString('en')} codes (before: nextColour per code)`, samples);
    }
  }
  stopParsers();
}
