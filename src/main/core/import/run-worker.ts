import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CampoError } from '../../../shared/ipc/errors';
import { findResourcesDir } from '../paths';
import { IMPORT_LIMITS } from './limits';

/**
 * Path of a worker script. From source (tsx, tests) it sits beside this module; in the bundled
 * Electron main it is found from the app root.
 */
export function workerScript(name: string): string {
  const beside = join(dirname(fileURLToPath(import.meta.url)), 'workers', name);
  if (existsSync(beside)) return beside;
  return join(findResourcesDir(), '..', 'src', 'main', 'core', 'import', 'workers', name);
}

/**
 * Runs a parser on untrusted input in a worker thread with a memory cap and a time limit: a
 * hostile file can crash or hang the worker, never the app. The worker answers once with
 * `{ ok, value }` or `{ ok: false, error }`.
 */
export function runWorker<T>(
  script: string,
  input: object,
  file: string,
  timeoutMs: number = IMPORT_LIMITS.workerTimeoutMs,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(script), {
      workerData: input,
      resourceLimits: {
        maxOldGenerationSizeMb: IMPORT_LIMITS.workerMemoryMb,
        maxYoungGenerationSizeMb: 64,
      },
    });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const damaged = (reason: string) =>
      new CampoError('FILE_DAMAGED', `${file}: ${reason}`, { file, reason });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new CampoError('IMPORT_TIMEOUT', `${file} timed out`, {
              file,
              seconds: Math.round(timeoutMs / 1000),
            }),
          ),
        ),
      timeoutMs,
    );
    worker.once('message', (message: { ok: boolean; value?: T; error?: string }) =>
      finish(() =>
        message.ok
          ? resolve(message.value as T)
          : reject(damaged(message.error ?? 'errore sconosciuto')),
      ),
    );
    worker.once('error', (error: Error & { code?: string }) =>
      finish(() =>
        reject(
          damaged(
            error.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? 'contenuto troppo pesante da leggere'
              : error.message,
          ),
        ),
      ),
    );
    worker.once('exit', (code) => finish(() => reject(damaged(`lettura interrotta (${code})`))));
  });
}
