import { describe, expect, it } from 'vitest';
import { lastParserStats, runIsolated } from '../../../src/main/core/isolation/parser-pool';
import { errorMessage } from '../../../src/shared/i18n';
import { CampoError } from '../../../src/shared/ipc/errors';

const text = (lines: number) =>
  Buffer.from('INT-01: una risposta lunga quanto basta.\n'.repeat(lines));

/**
 * The parser process is where files a user picked are read: what kills it (running out of
 * memory, a crash) or keeps it busy too long is a refusal of that file, and the next file is read
 * by a fresh process. These run real processes, not mocks.
 */
describe('parser process', () => {
  it('survives its own death by memory: the file is refused, the next one is read', async () => {
    const error = await runIsolated(
      'transcript',
      { bytes: text(400_000), fileName: 'pesante.txt' },
      { file: 'pesante.txt', timeoutMs: 60_000, memoryMb: 32 },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CampoError);
    expect(error).toMatchObject({
      code: 'FILE_DAMAGED',
      details: { file: 'pesante.txt', reasonKey: 'refusal.parserMemory', mb: 32 },
    });
    expect(errorMessage(error as CampoError, 'en')).toContain(
      'reading it would need more than 32 MB of memory',
    );
    expect(lastParserStats()?.outcome).toBe('died');

    const next = await runIsolated(
      'transcript',
      { bytes: text(3), fileName: 'breve.txt' },
      { file: 'breve.txt', timeoutMs: 60_000, memoryMb: 32 },
    );
    expect(next.turns).toHaveLength(3);
  }, 90_000);

  it('is killed when it takes too long, and a new one reads the next file', async () => {
    const error = await runIsolated(
      'transcript',
      { bytes: text(200_000), fileName: 'lento.txt' },
      { file: 'lento.txt', timeoutMs: 5 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_TIMEOUT', details: { file: 'lento.txt' } });
    expect(lastParserStats()?.outcome).toBe('timeout');
    const next = await runIsolated(
      'transcript',
      { bytes: text(2), fileName: 'breve.txt' },
      { file: 'breve.txt', timeoutMs: 60_000 },
    );
    expect(next.text).toContain('una risposta');
  }, 90_000);

  it('reads two files at once in two processes', async () => {
    const [one, two] = await Promise.all(
      [5, 7].map((lines) =>
        runIsolated(
          'transcript',
          { bytes: text(lines), fileName: `f${lines}.txt` },
          { file: `f${lines}.txt`, timeoutMs: 60_000 },
        ),
      ),
    );
    expect([one?.turns.length, two?.turns.length]).toEqual([5, 7]);
    expect(lastParserStats()?.maxRssBytes).toBeGreaterThan(0);
  }, 90_000);
});
