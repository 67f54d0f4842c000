import { create } from 'zustand';
import type { CodeFrequency } from '../../shared/domain/coding-analysis';
import type { HandlerArgs } from '../../shared/ipc/contract';
import type { CodingUpdate, UndoState } from '../../shared/ipc/types';
import { api } from '../api/client';
import { useAppStore } from './app-store';
import { attempt } from './core-calls';
import { useProjectStore } from './project-store';
import { useNavigationStore } from './navigation-store';
import { baseRevOf, codingRevOf } from './base-revision';
import { frameworkSummaryId } from '../../shared/model/constants';
import { useSourcesStore } from './sources-store';
import { isCurrent, projectToken, resetOnProjectChange } from './project-scope';

/** A span of the open source, UTF-16 offsets. */
export interface Span {
  start: number;
  end: number;
}

interface CodingState {
  /** The source open in the coding view. */
  sourceId: string | null;
  /** The text selected in the source, when there is a selection. */
  selection: Span | null;
  /** The offset last clicked in a highlight: its codings show in the details panel. */
  inspectedAt: number | null;
  /** An offset to scroll into view once the source is shown (from retrieval or search). */
  reveal: number | null;
  /** A coding whose boundaries the next selection will set. */
  adjusting: string | null;
  history: UndoState;
  counts: Record<string, CodeFrequency>;
  /** Bumped after every saved change, so retrieval and matrices know to reload. */
  version: number;
  openSource(id: string | null, reveal?: number): void;
  revealed(): void;
  startAdjust(codingId: string | null): void;
  select(span: Span | null): void;
  /**
   * Shows a selection without acting on it (the keyboard growing a selection step by step): unlike
   * `select`, it does not set the boundaries of a coding being adjusted until Enter.
   */
  markSelection(span: Span | null): void;
  /** Ends the selection (and a boundary adjustment under way), on screen and in the text. */
  clearSelection(): void;
  inspect(offset: number | null): void;
  loadCounts(): Promise<void>;
  loadHistory(): Promise<void>;
  /** Applies a code to the selection; resolves to whether it was saved. */
  apply(codeId: string): Promise<boolean>;
  inVivo(parentId: string | null): Promise<boolean>;
  /** A new code named `name` coding the selection, one undoable step. */
  createAndApply(name: string): Promise<boolean>;
  /** Codes the DV marks of live notes (each marked note with its DV's code), one undoable step. */
  codeNoteMarks(sourceIds: string[]): Promise<boolean>;
  updateCoding(
    codingId: string,
    patch: HandlerArgs<'codingUpdate'>['patch'],
    sourceId?: string,
  ): Promise<boolean>;
  removeCoding(codingId: string, sourceId?: string): Promise<boolean>;
  /** Saves the evaluator's summary of a framework-matrix cell (participant × DV). */
  saveFrameworkSummary(participantId: string, questionId: string, text: string): Promise<boolean>;
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** Runs a codebook or coding call and mirrors what it changed. */
  run<T extends CodingUpdate>(call: () => Promise<T>): Promise<T | null>;
}

/**
 * The coding workbench's state: the open source, the selection, undo/redo and the code counts.
 * Every change is saved by the core first; the store then mirrors what the core returned.
 */
export const useCodingStore = create<CodingState>((set, get) => {
  function mirror(update: CodingUpdate): void {
    if (update.codes) {
      const codes = update.codes;
      useProjectStore.getState().patchProject((project) => ({ ...project, codes }));
    }
    for (const source of update.sources) {
      useSourcesStore.getState().patchCodings(source.id, source.removed, source.upserted);
    }
    set({ history: update.history, version: get().version + 1 });
    void get().loadCounts();
  }

  async function run<T extends CodingUpdate>(call: () => Promise<T>): Promise<T | null> {
    const update = await attempt(call);
    if (update) mirror(update);
    return update;
  }

  async function revert(call: () => Promise<CodingUpdate | null>, done: 'undone' | 'redone') {
    try {
      const update = await call();
      if (!update) return;
      mirror(update);
      useAppStore
        .getState()
        .notify('info', { key: `coding.${done}`, params: { label: update.label } });
    } catch (error) {
      useAppStore.getState().notifyError(error);
      await get().loadHistory();
    }
  }

  return {
    sourceId: null,
    selection: null,
    inspectedAt: null,
    reveal: null,
    adjusting: null,
    history: { undo: null, redo: null },
    counts: {},
    version: 0,
    openSource: (id, reveal) =>
      set({
        sourceId: id,
        selection: null,
        adjusting: null,
        inspectedAt: reveal ?? null,
        reveal: reveal ?? null,
      }),
    revealed: () => set({ reveal: null }),
    startAdjust: (codingId) => set({ adjusting: codingId, selection: null }),
    select(span) {
      const { adjusting } = get();
      if (adjusting && span) {
        // The selection made while adjusting becomes the coding's new extent.
        set({ adjusting: null, selection: null, inspectedAt: span.start });
        void get().updateCoding(adjusting, span);
      } else set({ selection: span, inspectedAt: span ? null : get().inspectedAt });
    },
    markSelection: (span) => set({ selection: span, inspectedAt: span ? null : get().inspectedAt }),
    clearSelection() {
      if (get().selection || get().adjusting) set({ selection: null, adjusting: null });
      const dom = typeof window === 'undefined' ? null : window.getSelection();
      if (dom && !dom.isCollapsed && dom.anchorNode?.parentElement?.closest('.coding-text'))
        dom.removeAllRanges();
    },
    inspect: (offset) => set({ inspectedAt: offset }),
    async loadCounts() {
      const token = projectToken();
      const rows = await attempt(() => api().codeCounts({}));
      if (rows && isCurrent(token))
        set({ counts: Object.fromEntries(rows.map((row) => [row.codeId, row])) });
    },
    async loadHistory() {
      const token = projectToken();
      const history = await attempt(() => api().codingHistory({}));
      if (history && isCurrent(token)) set({ history });
    },
    async apply(codeId) {
      const { sourceId, selection } = get();
      if (!sourceId || !selection) return false;
      const done = await run(() => api().codingApply({ sourceId, codeId, ...selection }));
      if (done) set({ inspectedAt: selection.start });
      return done !== null;
    },
    async inVivo(parentId) {
      const { sourceId, selection } = get();
      if (!sourceId || !selection) return false;
      const done = await run(() => api().codingInVivo({ sourceId, parentId, ...selection }));
      if (done) set({ inspectedAt: selection.start });
      return done !== null;
    },
    async createAndApply(name) {
      const { sourceId, selection } = get();
      if (!sourceId || !selection) return false;
      const done = await run(() =>
        api().codingInVivo({ sourceId, parentId: null, name, ...selection }),
      );
      if (done) set({ inspectedAt: selection.start });
      return done !== null;
    },
    async codeNoteMarks(sourceIds) {
      const done = await run(() => api().codingApplyNoteMarks({ sourceIds }));
      if (done)
        useAppStore
          .getState()
          .notify('success', { key: 'notes.codedDone', params: { n: done.coded } });
      return done !== null;
    },
    async updateCoding(codingId, patch, sourceId = get().sourceId ?? undefined) {
      if (!sourceId) return false;
      const baseRev = codingRevOf(sourceId, codingId);
      return (await run(() => api().codingUpdate({ sourceId, codingId, patch, baseRev }))) !== null;
    },
    async removeCoding(codingId, sourceId = get().sourceId ?? undefined) {
      if (!sourceId) return false;
      return (await run(() => api().codingRemove({ sourceId, codingId }))) !== null;
    },
    async saveFrameworkSummary(participantId, questionId, text) {
      const saved = await attempt(() =>
        api().frameworkSummarySave({
          participantId,
          questionId,
          text,
          baseRev: baseRevOf('frameworkSummary', frameworkSummaryId(participantId, questionId)),
        }),
      );
      return saved !== null;
    },
    undo: () => revert(() => api().codingUndo({}), 'undone'),
    redo: () => revert(() => api().codingRedo({}), 'redone'),
    run,
  };
});

resetOnProjectChange(useCodingStore);

// A selection belongs to the view it was made in: another screen ends it, so a quick key pressed
// back in Codifica minutes later codes nothing.
useNavigationStore.subscribe((now, before) => {
  if (now.screen !== before.screen) useCodingStore.getState().clearSelection();
});

// A selection is offsets into the text as it was: a correction (or its undo, or another
// window's) shifts the words under them, and a quick key would code a fragment (walk-through 11).
useSourcesStore.subscribe((now, before) => {
  const { sourceId, selection, adjusting } = useCodingStore.getState();
  if (!sourceId || (!selection && !adjusting)) return;
  const text = now.loaded[sourceId]?.text;
  const was = before.loaded[sourceId]?.text;
  if (was !== undefined && text !== was) useCodingStore.getState().clearSelection();
});
