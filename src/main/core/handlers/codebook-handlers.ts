import { randomUUID } from 'node:crypto';
import {
  codebookToCsv,
  descendantIds,
  mergeCodebookRecords,
  nextColour,
  wouldCreateCycle,
} from '../../../shared/domain/codebook';
import { mergeCodings } from '../../../shared/domain/coding';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { CodeSchema, type Code, type ProjectFile } from '../../../shared/model/project';
import { countsBySource, sourcesCoding } from '../coding/corpus';
import type { CodingChange } from '../coding/history';
import { IMPORT_LIMITS } from '../import/limits';
import { runIsolated } from '../isolation/parser-pool';
import { findById, type CoreState } from './context';

type CodebookHandlers = Pick<
  Handlers,
  | 'codeAdd'
  | 'codeUpdate'
  | 'codeMove'
  | 'codeLinks'
  | 'codeMerge'
  | 'codeDelete'
  | 'codebookExport'
  | 'codebookImport'
  | 'codeCounts'
>;

/** A codebook rule the user ran into; `rule` picks the explanation in their language. */
type CodebookRule =
  | 'question-code-rename'
  | 'question-code-merge'
  | 'question-code-delete'
  | 'question-code-inside'
  | 'cycle'
  | 'merge-self'
  | 'merge-into-subcode';

function refuse(rule: CodebookRule, message: string): CampoError {
  return new CampoError('CODEBOOK_RULE', message, { rule });
}

/** A pinned key belongs to one code: giving it to `code` takes it from any other. */
function takeQuickKey(project: ProjectFile, code: Code, key: number | null): void {
  if (key !== null) {
    for (const other of project.codes) if (other.quickKey === key) other.quickKey = null;
  }
  code.quickKey = key;
}

/** Sources holding codings of any of `codeIds` (from the counts cache: nothing is read). */
function sourcesWith(change: CodingChange, codeIds: Set<string>): Promise<string[]> {
  return sourcesCoding(change.session, codeIds);
}

/** Handlers for the codebook: codes, their tree, merging, deleting, CSV exchange. */
export function codebookHandlers(state: CoreState): CodebookHandlers {
  return {
    async codeAdd({ parentId, ...fields }) {
      const history = state.history();
      return history.record(`+ ${fields.name}`, async (change) => {
        const id = randomUUID();
        await change.editProject((project) => {
          if (parentId) findById(project.codes, parentId, 'code');
          const code = CodeSchema.parse({
            colour: nextColour(project.codes),
            ...fields,
            quickKey: null,
            id,
            parentId,
          });
          project.codes.push(code);
          if (fields.quickKey) takeQuickKey(project, code, fields.quickKey);
        });
        change.createdCodeId = id;
      });
    },

    async codeUpdate({ id, patch, baseRev }) {
      const session = state.requireSession();
      const current = findById(session.project.codes, id, 'code');
      if (current.followsQuestion && (patch.name !== undefined || patch.questionId !== undefined)) {
        throw refuse('question-code-rename', 'The code of an evaluation question follows it');
      }
      return state.history().record(patch.name ?? current.name, async (change) => {
        await change.editProject((project) => {
          const code = findById(project.codes, id, 'code');
          const { quickKey, ...rest } = patch;
          session.rebase('code', code, baseRev, code.name, (draft) => {
            Object.assign(draft, rest);
          });
          if (quickKey !== undefined) takeQuickKey(project, code, quickKey);
        });
      });
    },

    async codeMove({ id, parentId, beforeId }) {
      const session = state.requireSession();
      const moving = findById(session.project.codes, id, 'code');
      if (parentId) findById(session.project.codes, parentId, 'code');
      if (wouldCreateCycle(session.project.codes, id, parentId)) {
        throw refuse('cycle', 'A code cannot go under itself or its sub-codes');
      }
      return state.history().record(moving.name, async (change) => {
        await change.editProject((project) => {
          const code = findById(project.codes, id, 'code');
          const rest = project.codes.filter((other) => other.id !== id);
          code.parentId = parentId;
          const at = beforeId ? rest.findIndex((other) => other.id === beforeId) : -1;
          rest.splice(at < 0 ? rest.length : at, 0, code);
          project.codes = rest;
        });
      });
    },

    async codeLinks({ id }) {
      const session = state.requireSession();
      findById(session.project.codes, id, 'code');
      const ids = descendantIds(session.project.codes, id);
      let codings = 0;
      let sources = 0;
      for (const counts of (await countsBySource(session)).values()) {
        let here = 0;
        for (const code of ids) here += counts.get(code) ?? 0;
        codings += here;
        if (here) sources += 1;
      }
      return { codings, sources, subcodes: ids.size - 1 };
    },

    async codeMerge({ fromId, intoId }) {
      const session = state.requireSession();
      const from = findById(session.project.codes, fromId, 'code');
      const into = findById(session.project.codes, intoId, 'code');
      if (fromId === intoId) throw refuse('merge-self', 'A code cannot be merged into itself');
      if (from.followsQuestion) {
        throw refuse('question-code-merge', 'The code of a question goes with it');
      }
      if (descendantIds(session.project.codes, fromId).has(intoId)) {
        throw refuse('merge-into-subcode', 'Cannot merge into a sub-code');
      }
      return state.history().record(`${from.name} → ${into.name}`, async (change) => {
        // Codings first, then the codebook: an interruption leaves codings of a code that exists.
        for (const sourceId of await sourcesWith(change, new Set([fromId]))) {
          await change.editSource(sourceId, (source) => {
            source.codings = mergeCodings(source.codings, source.text, fromId, intoId);
          });
        }
        await change.editProject((project) => {
          for (const code of project.codes) if (code.parentId === fromId) code.parentId = intoId;
          const target = findById(project.codes, intoId, 'code');
          if (target.quickKey === null && from.quickKey !== null) target.quickKey = from.quickKey;
          project.codes = project.codes.filter((code) => code.id !== fromId);
        });
      });
    },

    async codeDelete({ id }) {
      const session = state.requireSession();
      const code = findById(session.project.codes, id, 'code');
      if (code.followsQuestion) {
        throw refuse('question-code-delete', 'The code of a question goes with it');
      }
      const ids = descendantIds(session.project.codes, id);
      if (
        [...ids].some((other) => findById(session.project.codes, other, 'code').followsQuestion)
      ) {
        throw refuse('question-code-inside', 'Codes of questions are inside');
      }
      return state.history().record(`− ${code.name}`, async (change) => {
        for (const sourceId of await sourcesWith(change, ids)) {
          await change.editSource(sourceId, (source) => {
            source.codings = source.codings.filter((coding) => !ids.has(coding.codeId));
          });
        }
        await change.editProject((project) => {
          project.codes = project.codes.filter((other) => !ids.has(other.id));
        });
      });
    },

    async codebookExport() {
      const { project } = state.requireSession();
      const stem = project.meta.title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'campo';
      return {
        fileName: `${stem} - codebook.csv`,
        csv: codebookToCsv(project.codes, project.questions),
      };
    },

    async codebookImport({ csv }) {
      const session = state.requireSession();
      // The text is split into records in the parser process (time-limited); the merge, linear
      // in the codebook and the rows, is done on the codebook as it is when the change is saved.
      const read = await runIsolated(
        'codebookCsv',
        { csv },
        { file: 'CSV', timeoutMs: IMPORT_LIMITS.textTimeoutMs },
      );
      const merge = (project: ProjectFile) =>
        mergeCodebookRecords(project.codes, read, project.questions, randomUUID);
      let result = merge(session.project);
      const mergedFrom = JSON.stringify(session.project.codes);
      const update = await state.history().record('CSV', async (change) => {
        if (result.added === 0 && result.updated === 0) return;
        await change.editProject((project) => {
          // Merged again only if the codebook changed meanwhile (merging is the costly part).
          if (JSON.stringify(project.codes) !== mergedFrom) result = merge(project);
          project.codes = result.codes;
        });
      });
      return { ...update, added: result.added, updated: result.updated, problems: result.problems };
    },

    /** The counts beside each code: from the counts cache, a sum rather than a read. */
    async codeCounts({ coderIds }) {
      const session = state.requireSession();
      // Per coder too (issue 18): the cache keeps each source's counts by coder.
      return session.caches.frequency(
        session.project.codes,
        coderIds?.length ? new Set(coderIds) : null,
      );
    },
  };
}
