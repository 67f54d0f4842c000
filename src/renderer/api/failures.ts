import { create } from 'zustand';
import type { ErrorCode } from '../../shared/ipc/errors';

/**
 * Errors after which a change was not judged, only not saved (the host did not answer, the disk
 * is full or locked, a bug): what the user typed must stay on screen, unsaved, to be saved again.
 * Any other error refuses the change itself (a wrong value, a change made elsewhere meanwhile).
 */
const NOT_SAVED: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'HOST_UNREACHABLE',
  // Campo started again (browser mode): the tab's token is the old run's; nothing was judged.
  'UNAUTHORIZED',
  'DISK_FULL',
  'PERMISSION_DENIED',
  'READ_ONLY',
  'FILE_BUSY',
  'LOCK_LOST',
  'PROJECT_LOCKED',
  'INTERNAL',
]);

/** Core calls failed so far, the last one's code, and whether it left its change unjudged. */
const failures: { count: number; keepsInput: boolean; code: ErrorCode | null } = {
  count: 0,
  keepsInput: false,
  code: null,
};

/**
 * Whether the host answered the last call (browser mode: the page outlives a stopped host).
 * The save badge says so until a call gets through again.
 */
export const useHostReachable = create<{ reachable: boolean; restarted: boolean }>(() => ({
  reachable: true,
  restarted: false,
}));

/** Counts a failed core call (every call goes through the api client, see client.ts). */
export function noteCoreFailure(code: ErrorCode | null): void {
  failures.count += 1;
  failures.code = code;
  failures.keepsInput = code === null || NOT_SAVED.has(code);
  // A Campo started again answers this tab's old token with UNAUTHORIZED: unreachable all the
  // same until the tab opens the new address.
  const restarted = code === 'UNAUTHORIZED';
  const reachable = code !== null && code !== 'HOST_UNREACHABLE' && !restarted;
  const now = useHostReachable.getState();
  if (now.reachable !== reachable || now.restarted !== restarted) {
    useHostReachable.setState({ reachable, restarted });
  }
}

/** A call the host answered. */
export function noteCoreAnswer(): void {
  if (!useHostReachable.getState().reachable) {
    useHostReachable.setState({ reachable: true, restarted: false });
  }
}

/**
 * How many core calls have failed, and whether the last one left its change unjudged: a field
 * whose save failed meanwhile (the count moved) keeps what was typed if so, instead of going
 * back to the saved value (see use-draft.ts).
 */
export function coreFailures(): Readonly<typeof failures> {
  return { ...failures };
}
