import { create } from 'zustand';
import type { TranscriptPreview } from '../../shared/ipc/types';
import type { HandlerArgs } from '../../shared/ipc/contract';
import type { SourceSummary } from '../../shared/model/project';
import type { Coding, SourceFile } from '../../shared/model/source';
import { api } from '../api/client';
import type { FileUpload } from '../api/files';
import { attempt, deleteThenRefresh, refreshProject } from './core-calls';
import { isCurrent, projectToken, resetOnProjectChange } from './project-scope';
import { baseRevOf, memoRevOf } from './base-revision';

interface SourcesState {
  /** Sources loaded in this session, by id (texts are loaded only when opened). */
  loaded: Record<string, SourceFile>;
  load(id: string): Promise<SourceFile | null>;
  /** Reads again the loaded sources (all, or those in `ids`): changed in another window. */
  reloadLoaded(ids?: readonly string[]): Promise<void>;
  /** Mirrors a coding change the core saved: codings removed, added or replaced. */
  patchCodings(id: string, removed: readonly string[], upserted: readonly Coding[]): void;
  rename(id: string, title: string): Promise<void>;
  /** Saves a memo of the source by id (a new id creates it; an empty text deletes it). */
  saveMemo(id: string, memoId: string, text: string): Promise<boolean>;
  remove(id: string): Promise<boolean>;
  /** Reads a transcript for its preview; a refused file throws, its reason for the dialog to show. */
  readTranscript(upload: FileUpload): Promise<TranscriptPreview>;
  importTranscript(input: HandlerArgs<'transcriptImport'>): Promise<SourceSummary | null>;
}

/** Transcripts and notes: loaded on demand, imported through a preview. */
export const useSourcesStore = create<SourcesState>((set, get) => ({
  loaded: {},
  async load(id) {
    const token = projectToken();
    const source = await attempt(() => api().sourceGet({ id }));
    if (!isCurrent(token)) return null;
    if (source) set({ loaded: { ...get().loaded, [id]: source } });
    return source;
  },
  async reloadLoaded(ids) {
    const wanted = ids ? new Set(ids) : null;
    for (const id of Object.keys(get().loaded)) {
      if (wanted && !wanted.has(id)) continue;
      const source = await api()
        .sourceGet({ id })
        .catch(() => null);
      const { [id]: _old, ...rest } = get().loaded;
      // A source deleted elsewhere is forgotten here too.
      set({ loaded: source ? { ...rest, [id]: source } : rest });
    }
  },
  patchCodings(id, removed, upserted) {
    const source = get().loaded[id];
    if (!source) return;
    const gone = new Set([...removed, ...upserted.map((coding) => coding.id)]);
    const codings = source.codings
      .filter((coding) => !gone.has(coding.id))
      .concat(upserted)
      .sort((a, b) => a.start - b.start || a.end - b.end);
    set({ loaded: { ...get().loaded, [id]: { ...source, codings } } });
  },
  async saveMemo(id, memoId, text) {
    const baseRev = memoRevOf(id, memoId);
    const memos = await attempt(() =>
      api().sourceMemoSave({ sourceId: id, memoId, text, baseRev }),
    );
    const source = get().loaded[id];
    if (memos && source) set({ loaded: { ...get().loaded, [id]: { ...source, memos } } });
    return memos !== null;
  },
  async rename(id, title) {
    const baseRev = baseRevOf('source', id);
    if (await attempt(() => api().sourceRename({ id, title, baseRev }))) {
      await refreshProject();
      await get().load(id);
    }
  },
  async remove(id) {
    const title = get().loaded[id]?.title ?? '';
    const deleted = await deleteThenRefresh(() => api().sourceDelete({ id }), {
      key: 'sources.deleted',
      params: { title },
    });
    if (deleted) {
      const { [id]: _gone, ...rest } = get().loaded;
      set({ loaded: rest });
    }
    return deleted;
  },
  readTranscript: (upload) => api().transcriptRead(upload),
  async importTranscript(input) {
    const summary = await attempt(() => api().transcriptImport(input));
    if (summary) await refreshProject();
    return summary;
  },
}));

resetOnProjectChange(useSourcesStore);
