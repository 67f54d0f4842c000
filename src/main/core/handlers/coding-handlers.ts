import { randomUUID } from 'node:crypto';
import { nextColour } from '../../../shared/domain/codebook';
import { adjustCoding, applyCoding } from '../../../shared/domain/coding';
import { pendingNoteMarks } from '../../../shared/domain/note-marks';
import { translator } from '../../../shared/i18n';
import {
  reanchorCodings,
  reanchorTurns,
  textEdits,
  type TextEdit,
} from '../../../shared/domain/reanchor';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { CodeSchema } from '../../../shared/model/project';
import type { SourceFile } from '../../../shared/model/source';
import { followTextCorrection } from '../coding/text-correction';
import { staleChange } from '../store/rebase';
import { findById, type CoreState } from './context';

type CodingHandlers = Pick<
  Handlers,
  | 'codingApply'
  | 'codingInVivo'
  | 'codingApplyNoteMarks'
  | 'codingUpdate'
  | 'codingRemove'
  | 'codingUndo'
  | 'codingRedo'
  | 'codingHistory'
  | 'sourceMemoSave'
  | 'sourceTextUpdate'
>;

/** A span that lies inside the text and holds more than blanks. */
function checkSpan(source: SourceFile, start: number, end: number): void {
  if (end <= start || end > source.text.length || source.text.slice(start, end).trim() === '') {
    throw new CampoError('EMPTY_PASSAGE', `Empty or out-of-range passage ${start}-${end}`);
  }
}

/** Handlers for coding passages of a source, undo/redo, memos and text corrections. */
export function codingHandlers(state: CoreState): CodingHandlers {
  return {
    async codingApply({ sourceId, codeId, start, end }) {
      const session = state.requireSession();
      const code = findById(session.project.codes, codeId, 'code');
      checkSpan(await session.readSource(sourceId), start, end);
      return state.history().record(code.name, async (change) => {
        await change.editSource(sourceId, (source) => {
          source.codings = applyCoding(source.codings, source.text, {
            id: randomUUID(),
            codeId,
            start,
            end,
            coderId: session.evaluator.id,
            createdAt: new Date().toISOString(),
          });
        });
      });
    },

    async codingInVivo({ sourceId, start, end, parentId, name: typed }) {
      const session = state.requireSession();
      const source = await session.readSource(sourceId);
      checkSpan(source, start, end);
      if (parentId) findById(session.project.codes, parentId, 'code');
      const name = (typed ?? source.text.slice(start, end))
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 300);
      return state.history().record(name, async (change) => {
        const codeId = randomUUID();
        await change.editProject((project) => {
          project.codes.push(
            CodeSchema.parse({ id: codeId, name, parentId, colour: nextColour(project.codes) }),
          );
        });
        change.createdCodeId = codeId;
        await change.editSource(sourceId, (draft) => {
          draft.codings = applyCoding(draft.codings, draft.text, {
            id: randomUUID(),
            codeId,
            start,
            end,
            coderId: session.evaluator.id,
            createdAt: new Date().toISOString(),
          });
        });
      });
    },

    async codingApplyNoteMarks({ sourceIds }) {
      const session = state.requireSession();
      const { codes } = session.project;
      const notes = await Promise.all(sourceIds.map((id) => session.readSource(id)));
      const count = notes.reduce((n, source) => n + pendingNoteMarks(source, codes).length, 0);
      const label = translator(session.project.meta.language)('notes.codedLabel', { n: count });
      let coded = 0;
      const update = await state.history().record(label, async (change) => {
        for (const id of sourceIds) {
          await change.editSource(id, (source) => {
            // Read again inside the change: what is pending now, not when the call came.
            for (const mark of pendingNoteMarks(source, codes)) {
              source.codings = applyCoding(source.codings, source.text, {
                id: randomUUID(),
                ...mark,
                coderId: session.evaluator.id,
                createdAt: new Date().toISOString(),
              });
              coded += 1;
            }
          });
        }
      });
      return { ...update, coded };
    },

    async codingUpdate({ sourceId, codingId, patch, baseRev }) {
      const session = state.requireSession();
      const before = findById((await session.readSource(sourceId)).codings, codingId, 'coding');
      const code = session.project.codes.find((c) => c.id === before.codeId);
      const label = code?.name ?? '';
      return state.history().record(label, async (change) => {
        await change.editSource(sourceId, (source) => {
          const index = source.codings.findIndex((coding) => coding.id === codingId);
          if (index < 0) throw staleChange(label, ['coding']);
          source.codings[index] = session.rebaseItem(
            source.codings[index]!,
            baseRev,
            label,
            (draft) => {
              if (patch.start !== undefined || patch.end !== undefined) {
                const start = patch.start ?? draft.start;
                const end = patch.end ?? draft.end;
                checkSpan(source, start, end);
                Object.assign(draft, adjustCoding(draft, source.text, start, end));
              }
              if (patch.memo !== undefined) draft.memo = patch.memo;
              if (patch.key !== undefined) draft.key = patch.key;
            },
          );
        });
      });
    },

    async codingRemove({ sourceId, codingId }) {
      const session = state.requireSession();
      const coding = findById((await session.readSource(sourceId)).codings, codingId, 'coding');
      const code = session.project.codes.find((c) => c.id === coding.codeId);
      return state.history().record(`− ${code?.name ?? ''}`, async (change) => {
        await change.editSource(sourceId, (source) => {
          source.codings = source.codings.filter((other) => other.id !== codingId);
        });
      });
    },

    codingUndo: () => state.history().undo(),
    codingRedo: () => state.history().redo(),
    codingHistory: async () => state.history().state,

    async sourceMemoSave({ sourceId, memoId, text, baseRev }) {
      const session = state.requireSession();
      const now = new Date().toISOString();
      return session.mutateSource(sourceId, (source) => {
        // An upsert by id: a memo typed in a new field is created under the id the field chose,
        // so the saves that follow while the user types update it instead of adding more.
        const index = memoId ? source.memos.findIndex((m) => m.id === memoId) : -1;
        if (index >= 0) {
          if (text.trim() === '') source.memos = source.memos.filter((m) => m.id !== memoId);
          else {
            source.memos[index] = session.rebaseItem(
              source.memos[index]!,
              baseRev,
              source.title,
              (draft) => {
                draft.text = text;
                draft.updatedAt = now;
              },
            );
          }
        } else if (text.trim() !== '') {
          source.memos.push({
            id: memoId ?? randomUUID(),
            text,
            coderId: session.evaluator.id,
            createdAt: now,
            updatedAt: now,
          });
        }
        return source.memos;
      });
    },

    async sourceTextUpdate({ sourceId, text, baseRev }) {
      const session = state.requireSession();
      let before = '';
      let edits: TextEdit[] = [];
      const result = await session.mutateSource(sourceId, (source) => {
        // A text is not merged: a correction made on an older version is refused.
        if (baseRev !== undefined && baseRev !== (source.rev ?? 0)) {
          throw staleChange(source.title, ['text']);
        }
        before = source.text;
        edits = textEdits(source.text, text);
        const moved = reanchorCodings(source.codings, source.text, text, edits);
        source.turns = reanchorTurns(source.turns, source.text, text, edits);
        source.codings = moved.codings;
        source.text = text;
        return { moved: moved.moved, flagged: moved.flagged };
      });
      await followTextCorrection(state, session, { sourceId, before, after: text, edits });
      return result;
    },
  };
}
