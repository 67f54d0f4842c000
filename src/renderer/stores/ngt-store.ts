import { create } from 'zustand';
import type { BallotProblem } from '../../shared/domain/ngt';
import type { HandlerArgs } from '../../shared/ipc/contract';
import type { NgtSession } from '../../shared/model/ngt';
import { api } from '../api/client';
import { toWireError, useAppStore } from './app-store';
import { attempt, refreshProject } from './core-calls';
import { upsertInProject } from './project-store';
import { rememberInTab } from './tab-memory';
import { resetOnProjectChange } from './project-scope';
import { baseRevOf } from './base-revision';

type Patch = HandlerArgs<'ngtUpdate'>['patch'];

interface NgtState {
  selectedId: string | null;
  /** The projector view (large type, no authors), toggled with P. */
  presenting: boolean;
  /** Why the last ballot of each participant was refused, until it is saved. */
  problems: Record<string, BallotProblem[]>;
  select(id: string | null): void;
  setPresenting(on: boolean): void;
  add(question: string): Promise<NgtSession | null>;
  update(id: string, patch: Patch): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  addParticipant(id: string): Promise<void>;
  addIdea(id: string, text: string): Promise<boolean>;
  pass(id: string): Promise<void>;
  updateIdea(
    id: string,
    ideaId: string,
    patch: { text?: string; clarification?: string },
  ): Promise<void>;
  merge(id: string, fromId: string, intoId: string): Promise<boolean>;
  startRound(id: string, kind: 'vote' | 'rating', ideaIds?: string[]): Promise<boolean>;
  /** Saves a ballot; on refusal keeps the reasons under the participant and resolves false. */
  saveBallot(args: HandlerArgs<'ngtBallotSave'>): Promise<boolean>;
  saveRating(args: HandlerArgs<'ngtRatingSave'>): Promise<boolean>;
  deleteBallot(args: HandlerArgs<'ngtBallotDelete'>): Promise<void>;
}

const mirror = (ngt: NgtSession) => upsertInProject('ngtSessions', ngt);

/** NGT sessions: each step is saved by the core, then mirrored in the project. */
export const useNgtStore = create<NgtState>((set, get) => {
  async function run(call: () => Promise<NgtSession>): Promise<NgtSession | null> {
    const ngt = await attempt(call);
    if (ngt) mirror(ngt);
    return ngt;
  }
  return {
    selectedId: null,
    presenting: false,
    problems: {},
    select: (id) => {
      rememberInTab('ngt', id);
      set({ selectedId: id, presenting: false, problems: {} });
    },
    setPresenting: (on) => set({ presenting: on }),
    async add(question) {
      const ngt = await run(() => api().ngtAdd({ question }));
      if (ngt) get().select(ngt.id);
      return ngt;
    },
    update: async (id, patch) =>
      (await run(() =>
        api().ngtUpdate({ sessionId: id, patch, baseRev: baseRevOf('ngtSession', id) }),
      )) !== null,
    async remove(id) {
      const done = await attempt(() => api().ngtDelete({ sessionId: id }));
      if (done === null) return false;
      await refreshProject();
      set({ selectedId: null });
      return true;
    },
    async addParticipant(id) {
      // A new participant record: the whole project is refreshed, not just the session.
      if (await attempt(() => api().ngtParticipantAdd({ sessionId: id }))) await refreshProject();
    },
    addIdea: async (id, text) =>
      (await run(() => api().ngtIdeaAdd({ sessionId: id, text }))) !== null,
    async pass(id) {
      await run(() => api().ngtPass({ sessionId: id }));
    },
    async updateIdea(id, ideaId, patch) {
      await run(() =>
        api().ngtIdeaUpdate({ sessionId: id, ideaId, patch, baseRev: baseRevOf('ngtSession', id) }),
      );
    },
    merge: async (id, fromId, intoId) =>
      (await run(() => api().ngtIdeasMerge({ sessionId: id, fromId, intoId }))) !== null,
    startRound: async (id, kind, ideaIds) =>
      (await run(() => api().ngtRoundStart({ sessionId: id, kind, ideaIds }))) !== null,
    async saveBallot(args) {
      try {
        mirror(await api().ngtBallotSave(args));
        const { [args.participantId]: _fixed, ...rest } = get().problems;
        set({ problems: rest });
        return true;
      } catch (error) {
        const wire = toWireError(error);
        if (wire.code !== 'BALLOT_INVALID') {
          useAppStore.getState().notifyError(error);
          return false;
        }
        const problems = (wire.details?.problems ?? []) as BallotProblem[];
        // The reasons show on the card itself (an alert), where they are fixed.
        set({ problems: { ...get().problems, [args.participantId]: problems } });
        return false;
      }
    },
    saveRating: async (args) => (await run(() => api().ngtRatingSave(args))) !== null,
    async deleteBallot(args) {
      await run(() => api().ngtBallotDelete(args));
    },
  };
});

resetOnProjectChange(useNgtStore);
