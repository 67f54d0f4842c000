/**
 * Stops an export before it runs the app out of memory. V8 ends the whole process when its heap
 * is full, which would close Campo mid-export (nothing is lost: every save is on disk, but the
 * user gets no file and no word why). The long export loops call `checkExportMemory` between
 * steps; when the heap stays nearly full across two checks (one full heap may still be garbage
 * the collector has not reached), the export gives up with OUT_OF_MEMORY, its data is dropped,
 * and the app goes on.
 */
import { getHeapStatistics } from 'node:v8';
import { CampoError } from '../../../shared/ipc/errors';

/** Share of the heap limit past which a check counts as "nearly full". */
export const NEARLY_FULL = 0.92;

/** Reads the heap's use and limit, in bytes (replaced in tests). */
export type HeapProbe = () => { used: number; limit: number };

const v8Probe: HeapProbe = () => {
  const stats = getHeapStatistics();
  return { used: stats.used_heap_size, limit: stats.heap_size_limit };
};

let probe: HeapProbe = v8Probe;

/** Replaces how the heap is read (tests); none restores V8's own figures. */
export function setHeapProbe(next?: HeapProbe): void {
  probe = next ?? v8Probe;
}

/** One export's guard: create one per export, call `check()` between its steps. */
export function exportMemoryGuard(): { check(): void } {
  let fullBefore = false;
  return {
    check() {
      const { used, limit } = probe();
      const full = used > NEARLY_FULL * limit;
      if (full && fullBefore) {
        const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
        throw new CampoError('OUT_OF_MEMORY', `Export stopped: ${mb(used)} of ${mb(limit)} MB`, {
          usedMb: mb(used),
          limitMb: mb(limit),
        });
      }
      fullBefore = full;
    },
  };
}
