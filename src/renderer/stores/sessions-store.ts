import { create } from 'zustand';
import type { SessionKind } from '../../shared/model/constants';
import type { FieldSession } from '../../shared/model/project';
import { api } from '../api/client';
import { upsertInProject } from './project-store';
import { attempt, deleteThenRefresh } from './core-calls';
import { baseRevOf } from './base-revision';

type SessionPatch = Partial<Omit<FieldSession, 'id' | 'kind' | 'notesSourceId' | 'notesStartedAt'>>;

interface SessionsState {
  /** The session whose live notes fill the screen, if any. */
  liveNotesFor: string | null;
  add(kind: SessionKind): Promise<FieldSession | null>;
  update(id: string, patch: SessionPatch): Promise<boolean>;
  remove(session: FieldSession): Promise<void>;
  openLiveNotes(id: string | null): void;
}

const setSession = (session: FieldSession) => upsertInProject('sessions', session);

/** Interviews and focus groups. */
export const useSessionsStore = create<SessionsState>((set) => ({
  liveNotesFor: null,
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
  openLiveNotes: (id) => set({ liveNotesFor: id }),
}));
