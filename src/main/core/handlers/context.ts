import { randomUUID } from 'node:crypto';
import { syncQuestionCodes } from '../../../shared/domain/codebook';
import type { ExportExtension } from '../../../shared/ipc/contract-export';
import type { CampoEventName, CampoEvents, ProjectSnapshot } from '../../../shared/ipc/types';
import { CampoError } from '../../../shared/ipc/errors';
import { CodingHistory } from '../coding/history';
import { PathGrants } from './path-grants';
import type { Logger } from '../logger';
import type { SettingsStore } from '../settings';
import type { ProjectSession } from '../store/project-session';
import type { StoreOptions } from '../store/project-store';

/** What a host (Electron or the browser host) gives the core. */
export interface HostContext {
  host: 'electron' | 'browser';
  settings: SettingsStore;
  defaultProjectsDir: string;
  resourcesDir: string;
  logger: Logger;
  /** Pushes an event to the renderer(s). */
  emit<E extends CampoEventName>(event: E, payload: CampoEvents[E]): void;
  /** A native folder picker, where the host has one. */
  pickFolder?: (title?: string) => Promise<string | null>;
  /** A native save dialog writing `bytes`; resolves to the path, or null when cancelled. */
  saveFile?: (suggestedName: string, bytes: Buffer) => Promise<string | null>;
  /** A native save dialog asking for a path only; null when cancelled. */
  pickSavePath?: (suggestedName: string, extension: ExportExtension) => Promise<string | null>;
  /** A native open dialog for one file with one of `extensions`; null when cancelled. */
  pickOpenFile?: (extensions: string[]) => Promise<string | null>;
  storeOptions?: StoreOptions;
}

/** The core's mutable state: at most one open project per host. */
export class CoreState {
  session: ProjectSession | null = null;
  /** Paths the user gave in native dialogs (see path-grants.ts). */
  readonly grants = new PathGrants();
  private codingHistory: CodingHistory | null = null;

  constructor(readonly host: HostContext) {}

  /** The open project, or NO_PROJECT_OPEN. */
  requireSession(): ProjectSession {
    if (!this.session || this.session.isClosed) {
      throw new CampoError('NO_PROJECT_OPEN', 'No project is open');
    }
    return this.session;
  }

  /** Undo/redo of coding changes for the open project (a new project starts empty). */
  history(): CodingHistory {
    const session = this.requireSession();
    if (this.codingHistory?.session !== session) this.codingHistory = new CodingHistory(session);
    return this.codingHistory;
  }

  /** Makes `session` the open project: forwards its save states and a lost lock to the UI. */
  async adopt(session: ProjectSession): Promise<ProjectSnapshot> {
    this.session = session;
    session.onSaveState((state) => this.host.emit('saveState', state));
    session.onLockLost(() => {
      if (this.session !== session) return;
      this.session = null;
      void session.close();
      this.host.emit('projectClosed', { reason: 'lock-lost' });
    });
    await this.host.settings.addRecent(session.dir, session.project.meta.title);
    await this.syncQuestionCodes(session);
    return { path: session.dir, project: session.project, notices: session.notices };
  }

  /**
   * Gives every evaluation question its code (projects made before the codebook existed, or
   * edited elsewhere). A project that cannot be written (read-only disk) opens all the same.
   */
  private async syncQuestionCodes(session: ProjectSession): Promise<void> {
    const { project } = session;
    if (!syncQuestionCodes(project.codes, project.questions, randomUUID).changed) return;
    await session
      .mutate((draft) => {
        draft.codes = syncQuestionCodes(draft.codes, draft.questions, randomUUID).codes;
      })
      .catch(() => undefined);
  }

  /** Closes the open project, if any, waiting for its pending saves. */
  async closeCurrent(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (session) await session.close();
  }
}

/** The item with `id`, or NOT_FOUND naming what was looked for (e.g. "question"). */
export function findById<T extends { id: string }>(
  items: readonly T[],
  id: string,
  what: string,
): T {
  const item = items.find((candidate) => candidate.id === id);
  if (!item) throw new CampoError('NOT_FOUND', `No ${what} ${id}`, { id });
  return item;
}
