import { appendFile, mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

const MAX_LOG_BYTES = 1_000_000;

/**
 * Records bugs (unexpected errors) with their stack in <configDir>/logs/campo.log, so a user can
 * send it; user errors are not logged, they are shown. Never throws.
 */
export function createLogger(configDir: string | null) {
  const file = configDir ? join(configDir, 'logs', 'campo.log') : null;
  return {
    async error(context: string, error: unknown): Promise<void> {
      const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.error(`[campo] ${context}:`, detail);
      if (!file) return;
      try {
        await mkdir(join(file, '..'), { recursive: true });
        const size = await stat(file).then(
          (s) => s.size,
          () => 0,
        );
        if (size > MAX_LOG_BYTES) await rename(file, `${file}.1`);
        await appendFile(file, `${new Date().toISOString()} ${context}\n${detail}\n\n`);
      } catch {
        // Logging must never become the failure.
      }
    },
  };
}
export type Logger = ReturnType<typeof createLogger>;
