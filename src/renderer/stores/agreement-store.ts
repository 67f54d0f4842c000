import { create } from 'zustand';
import type { Resolution } from '../../shared/domain/agreement-disagreements';
import {
  choiceSpans,
  disagreementEntries,
  type DisagreementEntry,
} from '../../shared/domain/agreement-pairs';
import type { AgreementResult, DisagreementView } from '../../shared/ipc/contract-agreement';
import { api } from '../api/client';
import { useCodingStore } from './coding-store';
import { attempt } from './core-calls';
import { resetOnProjectChange } from './project-scope';

/** What the user chose to compare; null lists mean "all". */
export interface AgreementScope {
  coders: string[] | null;
  sourceIds: string[] | null;
  codeIds: string[] | null;
  /** Segment threshold in percent (1–100). */
  thresholdPercent: number;
  unit: 'turn' | 'sentence';
}

interface AgreementState {
  /** The project the state belongs to: another project starts afresh. */
  projectPath: string | null;
  scope: AgreementScope;
  result: AgreementResult | null;
  disagreements: DisagreementView[];
  /**
   * What the browser lists: each disagreement, except a passage coded DV1 by one coder and DV2
   * by another, which is one entry (a choice between codes).
   */
  entries: DisagreementEntry[];
  total: number;
  /** The entry shown in the browser. */
  index: number;
  busy: boolean;
  forProject(path: string): void;
  setScope(patch: Partial<AgreementScope>): void;
  compute(): Promise<void>;
  loadDisagreements(): Promise<void>;
  move(delta: number): void;
  /**
   * After a decision: the next passage still to decide, after this one (else the first before
   * it); stays when every passage is decided. Never onto a decided one, where the next key would
   * silently replace that decision.
   */
  advance(): void;
  select(index: number): void;
  /** Decides the entry shown: on a choice between codes, accepting a coder keeps their code. */
  resolve(resolution: Resolution): Promise<boolean>;
}

/** The disagreements of an entry. */
export const entryItems = (
  state: Pick<AgreementState, 'disagreements'>,
  entry: DisagreementEntry,
) => entry.items.map((at) => state.disagreements[at]!);

/** Whether every disagreement of an entry is decided. */
export const entryDecided = (
  state: Pick<AgreementState, 'disagreements'>,
  entry: DisagreementEntry,
) => entryItems(state, entry).every((item) => item.decided);

const initialScope: AgreementScope = {
  coders: null,
  sourceIds: null,
  codeIds: null,
  thresholdPercent: 90,
  unit: 'turn',
};

/** A disagreement's passage: its source, code and span (the same from one listing to the next). */
export const disagreementKey = (item: DisagreementView) =>
  `${item.sourceId}|${item.codeId}|${item.start}|${item.end}`;

const scopeArgs = (scope: AgreementScope) => ({
  ...(scope.coders ? { coders: scope.coders } : {}),
  ...(scope.sourceIds ? { sourceIds: scope.sourceIds } : {}),
  ...(scope.codeIds ? { codeIds: scope.codeIds } : {}),
});

/**
 * The agreement view's state: the comparison chosen, its figures, and the disagreement browser.
 * Resolving goes through the coding store, so the decision joins the window's undo history and
 * the source views follow.
 */
export const useAgreementStore = create<AgreementState>((set, get) => ({
  projectPath: null,
  scope: initialScope,
  result: null,
  disagreements: [],
  entries: [],
  total: 0,
  index: 0,
  busy: false,
  forProject(path) {
    if (get().projectPath === path) return;
    set({
      projectPath: path,
      scope: initialScope,
      result: null,
      disagreements: [],
      entries: [],
      total: 0,
      index: 0,
    });
  },
  setScope: (patch) => set({ scope: { ...get().scope, ...patch } }),
  async compute() {
    const { scope } = get();
    set({ busy: true });
    const result = await attempt(() =>
      api().agreementCompute({
        ...scopeArgs(scope),
        threshold: scope.thresholdPercent / 100,
        unit: scope.unit,
      }),
    );
    set({ busy: false, ...(result ? { result } : {}) });
  },
  async loadDisagreements() {
    const { scope } = get();
    const found = await attempt(() => api().agreementDisagreements(scopeArgs(scope)));
    if (!found) return;
    // A passage decided before and open again was just undone (Ctrl+Z): show it, not the one
    // the decision had moved on to (walk-through 9).
    const decided = new Set(
      get()
        .disagreements.filter((d) => d.decided)
        .map(disagreementKey),
    );
    const entries = disagreementEntries(found.disagreements);
    const reopened = entries.findIndex((entry) =>
      entry.items.some((at) => {
        const item = found.disagreements[at]!;
        return !item.decided && decided.has(disagreementKey(item));
      }),
    );
    const index = reopened >= 0 ? reopened : Math.min(get().index, Math.max(0, entries.length - 1));
    set({ disagreements: found.disagreements, entries, total: found.total, index });
  },
  move(delta) {
    const { index, entries } = get();
    if (entries.length === 0) return;
    set({ index: Math.max(0, Math.min(entries.length - 1, index + delta)) });
  },
  advance() {
    const state = get();
    const { index, entries } = state;
    const open = (at: number) => at !== index && !entryDecided(state, entries[at]!);
    const after = entries.findIndex((_, at) => at > index && open(at));
    const next = after >= 0 ? after : entries.findIndex((_, at) => open(at));
    if (next >= 0) set({ index: next });
  },
  select: (index) => set({ index }),
  async resolve(resolution) {
    const state = get();
    const entry = state.entries[state.index];
    if (!entry) return false;
    const items = entryItems(state, entry);
    const spans = choiceSpans(items, resolution);
    const decision = (at: number) => ({
      codeId: items[at]!.codeId,
      start: items[at]!.start,
      end: items[at]!.end,
      spans: spans[at]!,
    });
    const done = await useCodingStore.getState().run(() =>
      api().agreementResolve({
        sourceId: items[0]!.sourceId,
        ...decision(0),
        ...(items.length > 1 ? { also: items.slice(1).map((_, at) => decision(at + 1)) } : {}),
      }),
    );
    return done !== null;
  },
}));

// Chosen coders, figures and previews belong to the project they were made in.
resetOnProjectChange(useAgreementStore);
