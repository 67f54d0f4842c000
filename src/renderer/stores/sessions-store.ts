import { create } from 'zustand';
import type { SessionKind } from '../../shared/model/constants';
import type { FieldSession } from '../../shared/model/project';
import { api } from '../api/client';
import { upsertInProject } from './project-store';
import { attempt, deleteThenRefresh } from './core-calls';
import { resetOnProjectChange } from './project-scope';
import { useNavigationStore } from './navigation-store';
import { recallFromTab, rememberInTab } from './tab-memory';
import { baseRevOf } from './base-revision';

type SessionPatch = Partial<Omit<FieldSession, 'id' | 'kind' | 'notesSourceId' | 'notesStartedAt'>>;

interface SessionsState {
  /** The session whose live notes fill the screen, if any. */
  liveNotesFor: string | null;
  /**
   * The record open on each screen, and the source open from it: kept here so that closing the
   * live notes comes back to the interview they were taken for.
   */
  opened: Record<SessionKind, { sessionId: string | null; sourceId: string | null }>;
  open(kind: SessionKind, sessionId: string | null, sourceId?: string | null): void;
  /** Asked from elsewhere (the overview's first steps): the interviews screen opens the import. */
  importRequested: boolean;
  requestImport(on: boolean): void;
  add(kind: SessionKind): Promise<FieldSession | null>;
  update(id: string, patch: SessionPatch): Promise<boolean>;
  remove(session: FieldSession): Promise<void>;
  openLiveNotes(id: string | null): void;
  /**
   * After a reload: the live notes this window had open in `sessions`, if any (an interview goes
   * on), over their interview or focus group, where closing them comes back to.
   */
  resumeLiveNotes(sessions: readonly Pick<FieldSession, 'id' | 'kind'>[]): void;
}

const setSession = (session: FieldSession) => upsertInProject('sessions', session);

/** Interviews and focus groups. */
export const useSessionsStore = create<SessionsState>((set, get) => ({
  liveNotesFor: null,
  opened: {
    interview: { sessionId: null, sourceId: null },
    focusGroup: { sessionId: null, sourceId: null },
  },
  importRequested: false,
  requestImport: (on) => set({ importRequested: on }),
  open: (kind, sessionId, sourceId = null) =>
    set({ opened: { ...get().opened, [kind]: { sessionId, sourceId } } }),
  async add(kind) {
    const session = await attempt(() => api().sessionAdd({ kind }));
    if (session) setSession(session);
    return session;
  },
  async update(id, patch) {
    const baseRev = baseRevOf('session', id);
    const session = await attempt(() => api().sessionUpdate({ id, patch, baseRev }));
    if (session) setSession(session);
    return session !== null;
  },
  async remove(session) {
    await deleteThenRefresh(() => api().sessionDelete({ id: session.id }), {
      key: 'sessions.deleted',
      params: { code: session.code },
    });
  },
  openLiveNotes: (id) => {
    rememberInTab('live-notes', id);
    set({ liveNotesFor: id });
  },
  resumeLiveNotes: (sessions) => {
    const session = sessions.find((s) => s.id === recallFromTab('live-notes'));
    if (!session) return;
    get().open(session.kind, session.id);
    // Closing them comes back to their interview, even when the project was opened anew (the
    // screen it showed is then forgotten; walk-through 8 landed on the overview).
    useNavigationStore.getState().go(session.kind === 'interview' ? 'interviews' : 'focusGroups');
    set({ liveNotesFor: session.id });
  },
}));

resetOnProjectChange(useSessionsStore);
