import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportMemoryGuard,
  NEARLY_FULL,
  setHeapProbe,
} from '../../../src/main/core/export/memory-guard';
import { dispatch } from '../../../src/main/core/dispatch';
import { createLogger } from '../../../src/main/core/logger';
import { errorMessage } from '../../../src/shared/i18n';
import { CampoError } from '../../../src/shared/ipc/errors';
import { testCore } from '../../helpers/core';
import { tempDir } from '../../helpers/temp-dir';

const MB = 1024 * 1024;
const LIMIT = 2048 * MB;
const heapAt = (share: number) => () => ({ used: share * LIMIT, limit: LIMIT });

afterEach(() => setHeapProbe());

describe('the export memory guard', () => {
  it('stops only when the heap stays nearly full over two checks', () => {
    const shares = [0.5, 0.95, 0.6, 0.95, 0.93];
    let at = 0;
    setHeapProbe(() => heapAt(shares[at++]!)());
    const guard = exportMemoryGuard();
    guard.check();
    // Full once: maybe garbage the collector has not reached yet.
    guard.check();
    guard.check();
    guard.check();
    let stopped: unknown;
    try {
      guard.check();
    } catch (error) {
      stopped = error;
    }
    expect(stopped).toBeInstanceOf(CampoError);
    expect((stopped as CampoError).code).toBe('OUT_OF_MEMORY');
    expect((stopped as CampoError).details).toEqual({ usedMb: 1905, limitMb: 2048 });
    expect(NEARLY_FULL).toBeGreaterThan(0.9);
  });

  it('never stops on V8’s own figures while memory is plentiful', () => {
    const guard = exportMemoryGuard();
    for (let n = 0; n < 10; n++) guard.check();
  });
});

describe('an export that would fill the memory', () => {
  it('stops with a message in the user’s language, writes no file, and the app goes on', async () => {
    const target = join(await tempDir(), 'Dati.xlsx');
    const { core } = await testCore({ savePath: () => target });
    const logger = createLogger(null);
    const call = (name: string, args: unknown) =>
      dispatch(core.handlers, name as never, args as never, logger);
    expect((await call('projectOpenDemo', {})).ok).toBe(true);
    expect((await call('dialogSavePath', { fileName: 'Dati.xlsx', extension: 'xlsx' })).ok).toBe(
      true,
    );

    setHeapProbe(heapAt(0.97));
    for (const [name, args] of [
      ['workbookExport', { language: 'it', target }],
      [
        'reportExport',
        { settings: { sections: ['cover', 'ngt'], includeNames: false }, target: null },
      ],
      ['qdpxExport', { target: null }],
    ] as const) {
      const answer = await call(name, args);
      expect(answer.ok, name).toBe(false);
      const error = (answer as { error: { code: string; details: Record<string, number> } }).error;
      expect(error.code, name).toBe('OUT_OF_MEMORY');
      expect(errorMessage(error as never, 'it')).toBe(
        'Esportazione interrotta: la memoria di Campo era quasi piena (1.987 MB su 2.048 MB). Il progetto è intatto e nessun file è stato scritto. Riavvia Campo e riprova; se si ripete, questo progetto è troppo grande per essere esportato intero su questo computer.',
      );
    }
    expect(existsSync(target)).toBe(false);

    // Memory back: the same export works, in the same session (the user picks the file again).
    setHeapProbe();
    await call('dialogSavePath', { fileName: 'Dati.xlsx', extension: 'xlsx' });
    const again = await call('workbookExport', { language: 'it', target });
    expect(again).toMatchObject({ ok: true, value: { path: target } });
    expect(existsSync(target)).toBe(true);
  });
});
