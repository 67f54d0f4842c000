import { randomUUID } from 'node:crypto';
import { newEvaluator } from '../../../shared/domain/team';
import { syncQuestionCodes } from '../../../shared/domain/codebook';
import type { ExportExtension } from '../../../shared/ipc/contract-export';
import type { CampoEventName, CampoEvents, ProjectSnapshot } from '../../../shared/ipc/types';
import { CampoError } from '../../../shared/ipc/errors';
import { currentClient } from '../caller';
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

/** Undo histories kept at most: one per window that coded in the open project. */
const MAX_HISTORIES = 16;

/** The core's mutable state: at most one open project per host. */
export class CoreState {
  session: ProjectSession | null = null;
  /** Paths the user gave in native dialogs (see path-grants.ts). */
  readonly grants = new PathGrants();
  /** Each window's own undo history of the open project (STORE-V2 §3), by client id. */
  private histories = new Map<string, CodingHistory>();

  constructor(readonly host: HostContext) {}

  /** How the host's projects are opened: its options, with the user's evaluator. */
  get storeOptions(): StoreOptions {
    return { ...this.host.storeOptions, evaluator: this.host.settings.evaluator };
  }

  /** The open project, or NO_PROJECT_OPEN. */
  requireSession(): ProjectSession {
    if (!this.session || this.session.isClosed) {
      throw new CampoError('NO_PROJECT_OPEN', 'No project is open');
    }
    return this.session;
  }

  /**
   * Undo/redo of the calling window's coding changes in the open project (a new project starts
   * empty): tab B's Ctrl+Z never undoes tab A's coding.
   */
  history(): CodingHistory {
    const session = this.requireSession();
    const client = currentClient();
    let history = this.histories.get(client);
    if (history?.session !== session) {
      history = new CodingHistory(session);
      this.histories.set(client, history);
      if (this.histories.size > MAX_HISTORIES) {
        this.histories.delete(this.histories.keys().next().value!);
      }
    }
    return history;
  }

  /** Carries every window's undo history onto a corrected text (see CodingHistory.followText). */
  historiesFollowText(...args: Parameters<CodingHistory['followText']>): void {
    for (const history of this.histories.values()) history.followText(...args);
  }

  /** Makes `session` the open project: forwards its events and a lost lock to the windows. */
  async adopt(session: ProjectSession): Promise<ProjectSnapshot> {
    this.session = session;
    this.histories = new Map();
    session.onSaveState((state) => this.host.emit('saveState', state));
    session.onChange((change) => this.host.emit('projectChanged', change));
    session.caches.onProgress((progress) => this.host.emit('cacheProgress', progress));
    session.sources.onLayerSetAside((event) => this.host.emit('layerSetAside', event));
    session.onLockLost(() => {
      if (this.session !== session) return;
      this.session = null;
      void session.close();
      this.host.emit('projectClosed', { reason: 'lock-lost' });
    });
    // The recent list is written meanwhile: opening does not wait for its fsync.
    void this.host.settings
      .addRecent(session.dir, session.project.meta.title)
      .catch((error: unknown) => void this.host.logger.error('recent list not saved', error));
    await this.syncQuestionCodes(session);
    await this.joinTeam(session);
    return { path: session.dir, project: session.project, notices: session.notices };
  }

  /**
   * Lists the local evaluator in the project's team, or updates their name there. A project that
   * cannot be written opens all the same.
   */
  private async joinTeam(session: ProjectSession): Promise<void> {
    const { id, name } = session.evaluator;
    const initials = this.host.settings.evaluator.initials;
    const listed = session.project.evaluators.find((evaluator) => evaluator.id === id);
    if (listed && (listed.name === name || name === '') && (listed.initials || !initials)) return;
    await session
      .mutate((draft) => {
        const record = draft.evaluators.find((evaluator) => evaluator.id === id);
        if (record) {
          if (name) record.name = name;
          record.initials ||= initials;
        } else draft.evaluators.push(newEvaluator({ id, name, initials }, draft.evaluators));
      })
      .catch(() => undefined);
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
