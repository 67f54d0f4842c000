import type { HandlerArgs } from '../../shared/ipc/contract';
import type { CodingUpdate } from '../../shared/ipc/types';
import { api } from '../api/client';
import type { FileUpload } from '../api/files';
import { useAppStore } from './app-store';
import { baseRevOf, sourceRevOf } from './base-revision';
import { attempt } from './core-calls';
import { useCodingStore } from './coding-store';
import { useProjectStore } from './project-store';
import { useSourcesStore } from './sources-store';

/**
 * The codebook's and the coding workbench's changes, each saved by the core and mirrored by the
 * coding store (its undo history, the codes, the codings of the sources loaded). Screens call
 * these, never the api, so each change is made in one place.
 */
const run = <T extends CodingUpdate>(call: () => Promise<T>) => useCodingStore.getState().run(call);

type CodeFields = HandlerArgs<'codeUpdate'>['patch'];

export const codebookActions = {
  add: (fields: HandlerArgs<'codeAdd'>) => run(() => api().codeAdd(fields)),
  /** Saves a code's fields against the revision this window last saw (a stale one is merged or refused). */
  update: (id: string, patch: CodeFields) =>
    run(() => api().codeUpdate({ id, patch, baseRev: baseRevOf('code', id) })),
  move: (id: string, parentId: string | null, beforeId: string | null = null) =>
    run(() => api().codeMove({ id, parentId, beforeId })),
  merge: (fromId: string, intoId: string) => run(() => api().codeMerge({ fromId, intoId })),
  remove: (id: string) => run(() => api().codeDelete({ id })),
  importCsv: (csv: string) => run(() => api().codebookImport({ csv })),
  /** A REFI-QDA codebook merged into this one; resolves to what came in, or null. */
  async importQdc(upload: FileUpload) {
    const result = await attempt(() => api().qdcImport(upload));
    if (result) {
      useProjectStore.getState().patchProject((project) => ({ ...project, codes: result.codes }));
      // The import is one step of the undo history.
      await useCodingStore.getState().loadHistory();
    }
    return result;
  },
  /** Codes the chosen search hits (words, sentence or turn) in one undoable step. */
  codeHits: (args: HandlerArgs<'searchCodeAll'>) => run(() => api().searchCodeAll(args)),
  /** Corrects a source's text; codings follow or are flagged. Resolves to the counts, or null. */
  async correctText(sourceId: string, text: string) {
    const baseRev = sourceRevOf(sourceId);
    const result = await attempt(() => api().sourceTextUpdate({ sourceId, text, baseRev }));
    if (!result) return null;
    await useSourcesStore.getState().load(sourceId);
    await useCodingStore.getState().loadHistory();
    useAppStore.getState().notify(result.flagged ? 'info' : 'success', {
      key: 'coding.textSaved',
      params: { moved: result.moved, flagged: result.flagged },
    });
    return result;
  },
};
