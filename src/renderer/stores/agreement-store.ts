import { create } from 'zustand';
import type { Resolution } from '../../shared/domain/agreement-disagreements';
import { consensusSpans } from '../../shared/domain/agreement-disagreements';
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
  total: number;
  /** The disagreement shown in the browser. */
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
  resolve(resolution: Resolution): Promise<boolean>;
}

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
    const reopened = found.disagreements.findIndex(
      (d) => !d.decided && decided.has(disagreementKey(d)),
    );
    const index =
      reopened >= 0 ? reopened : Math.min(get().index, Math.max(0, found.disagreements.length - 1));
    set({ disagreements: found.disagreements, total: found.total, index });
  },
  move(delta) {
    const { index, disagreements } = get();
    if (disagreements.length === 0) return;
    set({ index: Math.max(0, Math.min(disagreements.length - 1, index + delta)) });
  },
  advance() {
    const { index, disagreements } = get();
    const open = (at: number) => at !== index && !disagreements[at]!.decided;
    const after = disagreements.findIndex((_, at) => at > index && open(at));
    const next = after >= 0 ? after : disagreements.findIndex((_, at) => open(at));
    if (next >= 0) set({ index: next });
  },
  select: (index) => set({ index }),
  async resolve(resolution) {
    const item = get().disagreements[get().index];
    if (!item) return false;
    const spans = consensusSpans(item, resolution);
    const done = await useCodingStore.getState().run(() =>
      api().agreementResolve({
        sourceId: item.sourceId,
        codeId: item.codeId,
        start: item.start,
        end: item.end,
        spans,
      }),
    );
    return done !== null;
  },
}));

// Chosen coders, figures and previews belong to the project they were made in.
resetOnProjectChange(useAgreementStore);
