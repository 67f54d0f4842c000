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

  it('keeps what an export reads while the budget has room, and pushes nothing out for it', async () => {
    // Room for about three of these texts.
    const { session } = await newProject('Spazio', {
      evaluator: ANNA,
      textBudgetBytes: 3 * 2 * textOf(0).length + 10_000,
    });
    for (let n = 0; n < 6; n++) await session.addSource(sourceFile(`s${n}`, textOf(n)));
    for (let n = 0; n < 6; n++) session.sources.forget(`s${n}`);
    await session.readSource('s0');
    for (let n = 1; n < 6; n++) await session.scanSource(`s${n}`);
    // The text the user works on stays; the export kept the two that fitted beside it.
    expect(session.sources.held('s0')).toBeDefined();
    expect(session.sources.textBytes).toBeLessThanOrEqual(3 * 2 * textOf(0).length + 10_000);
    expect([1, 2, 3, 4, 5].filter((n) => session.sources.held(`s${n}`)).length).toBe(2);
    await session.close();
  });
});
