import { create } from 'zustand';
import type { BallotProblem } from '../../shared/domain/ngt';
import type { HandlerArgs } from '../../shared/ipc/contract';
import type { NgtSession } from '../../shared/model/ngt';
import { api } from '../api/client';
import { toWireError, useAppStore } from './app-store';
import { attempt, refreshProject } from './core-calls';
import { upsertInProject, useProjectStore } from './project-store';
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
  /** `dropCards`: a participant taken out takes their cards out of the rounds (asked first). */
  update(id: string, patch: Patch, options?: { dropCards?: boolean }): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  addParticipant(id: string): Promise<void>;
  addIdea(id: string, text: string): Promise<boolean>;
  pass(id: string): Promise<void>;
  /** Round-robin turns this window recorded, per session, newest last (see `undoTurn`). */
  turns: Record<string, RecordedTurn[]>;
  /**
   * Ctrl+Z in the round robin: takes back the newest turn recorded here (its idea, or the
   * pass), unless the session changed since (an edit, another window).
   */
  undoTurn(id: string): Promise<'undone' | 'changed' | 'nothing' | 'refused'>;
  updateIdea(
    id: string,
    ideaId: string,
    patch: { text?: string; clarification?: string },
  ): Promise<void>;
  merge(id: string, fromId: string, intoId: string): Promise<boolean>;
  /** Takes a merged idea out again (before the vote). */
  unmerge(id: string, ideaId: string): Promise<boolean>;
  startRound(id: string, kind: 'vote' | 'rating', ideaIds?: string[]): Promise<boolean>;
  /** Saves a ballot; on refusal keeps the reasons under the participant and resolves false. */
  saveBallot(args: HandlerArgs<'ngtBallotSave'>): Promise<boolean>;
  saveRating(args: HandlerArgs<'ngtRatingSave'>): Promise<boolean>;
  /** Deletes a participant's card (or rating) in a round; resolves whether it was done. */
  deleteBallot(args: HandlerArgs<'ngtBallotDelete'>): Promise<boolean>;
}

const mirror = (ngt: NgtSession) => upsertInProject('ngtSessions', ngt);

/** A turn of the round robin as recorded here: the idea it added, and the turn before it. */
export interface RecordedTurn {
  ideaId: string | null;
  turn: number;
  passesInARow: number;
  /** The session's revision right after it: anything else since means another window. */
  rev: number | undefined;
}

/** The session as this window shows it. */
const shown = (id: string) =>
  useProjectStore.getState().snapshot?.project.ngtSessions.find((ngt) => ngt.id === id);

/** NGT sessions: each step is saved by the core, then mirrored in the project. */
export const useNgtStore = create<NgtState>((set, get) => {
  async function run(call: () => Promise<NgtSession>): Promise<NgtSession | null> {
    const ngt = await attempt(call);
    if (ngt) mirror(ngt);
    return ngt;
  }
  function remember(
    id: string,
    ideaId: string | null,
    before: NgtSession | undefined,
    after: NgtSession,
  ) {
    if (!before) return;
    const turn = { ideaId, turn: before.turn, passesInARow: before.passesInARow, rev: after.rev };
    set({ turns: { ...get().turns, [id]: [...(get().turns[id] ?? []), turn].slice(-100) } });
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
    update: async (id, patch, options = {}) =>
      (await run(() =>
        api().ngtUpdate({
          sessionId: id,
          patch,
          baseRev: baseRevOf('ngtSession', id),
          ...(options.dropCards ? { dropCards: true } : {}),
        }),
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
    turns: {},
    async addIdea(id, text) {
      const before = shown(id);
      const ngt = await run(() => api().ngtIdeaAdd({ sessionId: id, text }));
      if (!ngt) return false;
      const known = new Set(before?.ideas.map((idea) => idea.id));
      const added = ngt.ideas.find((idea) => !known.has(idea.id));
      remember(id, added?.id ?? null, before, ngt);
      return true;
    },
    async pass(id) {
      const before = shown(id);
      const ngt = await run(() => api().ngtPass({ sessionId: id }));
      if (ngt) remember(id, null, before, ngt);
    },
    async undoTurn(id) {
      const last = get().turns[id]?.at(-1);
      if (!last) return 'nothing';
      set({ turns: { ...get().turns, [id]: get().turns[id]!.slice(0, -1) } });
      if (shown(id)?.rev !== last.rev) return 'changed';
      const { ideaId, turn, passesInARow } = last;
      const ngt = await run(() => api().ngtTurnUndo({ sessionId: id, ideaId, turn, passesInARow }));
      if (!ngt) return 'refused';
      // The turn before it is now the newest, as of the session this undo left.
      const rest = get().turns[id] ?? [];
      const previous = rest.at(-1);
      if (previous) {
        set({
          turns: { ...get().turns, [id]: [...rest.slice(0, -1), { ...previous, rev: ngt.rev }] },
        });
      }
      return 'undone';
    },
    async updateIdea(id, ideaId, patch) {
      await run(() =>
        api().ngtIdeaUpdate({ sessionId: id, ideaId, patch, baseRev: baseRevOf('ngtSession', id) }),
      );
    },
    merge: async (id, fromId, intoId) =>
      (await run(() => api().ngtIdeasMerge({ sessionId: id, fromId, intoId }))) !== null,
    unmerge: async (id, ideaId) =>
      (await run(() => api().ngtIdeaUnmerge({ sessionId: id, ideaId }))) !== null,
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
    deleteBallot: async (args) => (await run(() => api().ngtBallotDelete(args))) !== null,
  };
});

resetOnProjectChange(useNgtStore);
