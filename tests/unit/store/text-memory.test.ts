import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { codePassage, newProject, sourceFile } from '../../helpers/store';

const ANNA = { id: 'ev-anna', name: 'Anna' };

/** Heap in use after a full collection, in MB. */
function heapMb(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

// 30 transcripts of about 460 kB each in memory (two-byte text): 14 MB if all were kept.
const SOURCES = 30;
const textOf = (n: number) => `${n} ${'Com’è andata la città? '.repeat(10_000)}`;

describe('texts leave memory when the text budget lets them go', () => {
  it('keeps no text beyond the budget, though its codings were read, saved and exported', async () => {
    const before = heapMb();
    // A budget of one byte: each text read pushes out the one before.
    const { session } = await newProject('Memoria', { evaluator: ANNA, textBudgetBytes: 1 });
    for (let n = 0; n < SOURCES; n++) {
      await session.addSource(sourceFile(`s${n}`, textOf(n)));
      // A coding's passage is a slice of its text: its view must not outlive the text.
      await codePassage(session, `s${n}`, 'andata la città');
    }
    for (let n = 0; n < SOURCES; n++) {
      expect((await session.readSource(`s${n}`)).codings).toHaveLength(1);
    }
    // What an export reads, one source after another, is not kept at all.
    for (let n = 0; n < SOURCES; n++) {
      expect((await session.scanSource(`s${n}`)).codings[0]!.text).toBe('andata la città');
    }
    const grown = heapMb() - before;
    expect(grown).toBeLessThan(5);
    // Nothing was lost: a text let go is read again with its coding.
    const again = await session.readSource('s0');
    expect(again.text).toBe(textOf(0));
    expect(again.codings.map((coding) => coding.text)).toEqual(['andata la città']);
    await session.close();
  });
});
