import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname, uptime, userInfo } from 'node:os';
import { join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import { tempPathFor, writeFileDurable } from './durable-file';
import { errnoOf, toUserFsError } from './fs-errors';
import { LOCK_FILE } from './layout';

/** What `.lock` says about who holds the project. */
export interface LockInfo {
  app: 'campo';
  sessionId: string;
  pid: number;
  host: string;
  user: string;
  createdAt: string;
  heartbeatAt: string;
}

export interface LockOptions {
  /** A lock from another computer is stale when its heartbeat is older than this. */
  staleAfterMs?: number;
  heartbeatMs?: number;
  /** Seams for tests: the clock, the host name and process liveness. */
  now?: () => number;
  hostName?: string;
  isProcessAlive?: (pid: number) => boolean;
}

export type LockStatus =
  | { state: 'free' }
  | { state: 'held'; info: LockInfo | null; stale: boolean; why: StaleReason | 'alive' };

type StaleReason = 'dead-process' | 'before-boot' | 'no-heartbeat' | 'unreadable';

const DEFAULTS = { staleAfterMs: 120_000, heartbeatMs: 30_000 };
/** A lock file that cannot be read is someone's half-written lock only for this long. */
const UNREADABLE_GRACE_MS = 10_000;

/** Sessions of this process, so a leftover lock with our own pid is recognised as stale. */
const activeSessions = new Set<string>();

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoOf(error) === 'EPERM';
  }
}

function parseLock(text: string): LockInfo | null {
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (value.app !== 'campo' || typeof value.pid !== 'number' || typeof value.host !== 'string') {
      return null;
    }
    return value as LockInfo;
  } catch {
    return null;
  }
}

/** Reads `.lock` and judges whether its holder is still there. Never modifies anything. */
export async function inspectLock(
  projectDir: string,
  options: LockOptions = {},
): Promise<LockStatus> {
  const path = join(projectDir, LOCK_FILE);
  const now = options.now?.() ?? Date.now();
  let text: string;
  let mtimeMs: number;
  try {
    [text, mtimeMs] = await Promise.all([
      readFile(path, 'utf8'),
      stat(path).then((s) => s.mtimeMs),
    ]);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { state: 'free' };
    throw toUserFsError(error, path);
  }
  const info = parseLock(text);
  if (!info) {
    const stale = now - mtimeMs > UNREADABLE_GRACE_MS;
    return { state: 'held', info: null, stale, why: stale ? 'unreadable' : 'alive' };
  }
  const sameHost = info.host === (options.hostName ?? hostname());
  if (sameHost) {
    const bootedAt = Date.now() - uptime() * 1000;
    if (Date.parse(info.createdAt) < bootedAt) {
      return { state: 'held', info, stale: true, why: 'before-boot' };
    }
    const alive = (options.isProcessAlive ?? processAlive)(info.pid);
    const ownLeftover = info.pid === process.pid && !activeSessions.has(info.sessionId);
    if (!alive || ownLeftover) return { state: 'held', info, stale: true, why: 'dead-process' };
    return { state: 'held', info, stale: false, why: 'alive' };
  }
  const staleAfter = options.staleAfterMs ?? DEFAULTS.staleAfterMs;
  const heartbeat = Date.parse(info.heartbeatAt);
  if (!Number.isFinite(heartbeat) || now - heartbeat > staleAfter) {
    return { state: 'held', info, stale: true, why: 'no-heartbeat' };
  }
  return { state: 'held', info, stale: false, why: 'alive' };
}

/**
 * Creates `.lock` only if absent, fully written before it appears (link is atomic and
 * no-clobber). Not flushed to disk: a lock speaks only to the processes of a running system,
 * which read it from memory; after a crash or a power cut it is stale whatever survived of it
 * (written before the boot, or unreadable, or gone), so two fsyncs would only slow every open.
 */
async function createLockFile(path: string, content: string): Promise<boolean> {
  const temp = tempPathFor(path);
  try {
    await writeFile(temp, content, { flag: 'wx' });
    try {
      await link(temp, path);
      return true;
    } catch (error) {
      if (errnoOf(error) === 'EEXIST') return false;
      // File systems without hard links (FAT on a USB stick): exclusive create instead.
      if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS'].includes(errnoOf(error) ?? '')) throw error;
      const handle = await open(path, 'wx').catch((e: unknown) => {
        if (errnoOf(e) === 'EEXIST') return null;
        throw e;
      });
      if (!handle) return false;
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return true;
    }
  } catch (error) {
    throw toUserFsError(error, path);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/** The error shown when someone else holds the project. */
function lockedError(info: LockInfo | null): CampoError {
  return new CampoError('PROJECT_LOCKED', 'The project is open elsewhere', {
    host: info?.host ?? '?',
    user: info?.user ?? '?',
    pid: info?.pid ?? 0,
    since: info?.createdAt ?? '',
  });
}

/** The holder's lock on a project folder, refreshed by a heartbeat until released. */
export class ProjectLock {
  private timer: NodeJS.Timeout | null = null;
  private readonly lostListeners: Array<() => void> = [];
  private lost = false;

  private constructor(
    readonly projectDir: string,
    private info: LockInfo,
    private readonly options: LockOptions,
  ) {}

  /**
   * Takes the lock, or throws PROJECT_LOCKED naming who holds it. A stale lock (its process is
   * dead, the machine rebooted, or another computer stopped its heartbeat) is taken over and
   * reported in `tookOverFrom`.
   */
  static async acquire(
    projectDir: string,
    options: LockOptions = {},
  ): Promise<{ lock: ProjectLock; tookOverFrom: LockInfo | null }> {
    const path = join(projectDir, LOCK_FILE);
    const now = new Date(options.now?.() ?? Date.now()).toISOString();
    const info: LockInfo = {
      app: 'campo',
      sessionId: randomUUID(),
      pid: process.pid,
      host: options.hostName ?? hostname(),
      user: safeUserName(),
      createdAt: now,
      heartbeatAt: now,
    };
    let tookOverFrom: LockInfo | null = null;
    for (let attempt = 0; attempt < 3; attempt += 1) {
      if (await createLockFile(path, JSON.stringify(info, null, 2))) {
        activeSessions.add(info.sessionId);
        const lock = new ProjectLock(projectDir, info, options);
        lock.startHeartbeat();
        return { lock, tookOverFrom };
      }
      const status = await inspectLock(projectDir, options);
      if (status.state === 'free') continue;
      if (!status.stale) throw lockedError(status.info);
      // Move the stale lock aside (only one contender's rename can succeed), then retry.
      const aside = `${path}.stale-${randomUUID()}`;
      try {
        await rename(path, aside);
      } catch (error) {
        if (errnoOf(error) === 'ENOENT') continue;
        throw toUserFsError(error, path);
      }
      tookOverFrom = status.info;
      await unlink(aside).catch(() => undefined);
    }
    throw lockedError(null);
  }

  get sessionId(): string {
    return this.info.sessionId;
  }

  /** Called when another session took the project over (e.g. after this laptop slept). */
  onLost(listener: () => void): void {
    this.lostListeners.push(listener);
  }

  get isLost(): boolean {
    return this.lost;
  }

  private startHeartbeat(): void {
    const every = this.options.heartbeatMs ?? DEFAULTS.heartbeatMs;
    this.timer = setInterval(() => void this.heartbeat().catch(() => undefined), every);
    this.timer.unref();
  }

  /**
   * True while the lock file still names this session: read, not rewritten (before a write the
   * session makes on its own, such as a checkpoint after the computer slept).
   */
  async stillOurs(): Promise<boolean> {
    if (this.lost) return false;
    const current = await readFile(join(this.projectDir, LOCK_FILE), 'utf8').then(
      parseLock,
      () => null,
    );
    if (current && current.sessionId !== this.info.sessionId) this.markLost();
    return !this.lost;
  }

  /** Refreshes the heartbeat; detects a lock taken over by someone else. */
  async heartbeat(): Promise<void> {
    if (this.lost) return;
    const path = join(this.projectDir, LOCK_FILE);
    const current = await readFile(path, 'utf8').then(parseLock, () => null);
    if (current && current.sessionId !== this.info.sessionId) {
      this.markLost();
      return;
    }
    this.info = {
      ...this.info,
      heartbeatAt: new Date(this.options.now?.() ?? Date.now()).toISOString(),
    };
    await writeFileDurable(path, JSON.stringify(this.info, null, 2));
  }

  private markLost(): void {
    this.lost = true;
    this.stopHeartbeat();
    activeSessions.delete(this.info.sessionId);
    for (const listener of this.lostListeners) listener();
  }

  private stopHeartbeat(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Removes `.lock` if it is still ours. */
  async release(): Promise<void> {
    this.stopHeartbeat();
    activeSessions.delete(this.info.sessionId);
    if (this.lost) return;
    const path = join(this.projectDir, LOCK_FILE);
    const current = await readFile(path, 'utf8').then(parseLock, () => null);
    if (current?.sessionId === this.info.sessionId) await unlink(path).catch(() => undefined);
  }
}

function safeUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}
