import { randomUUID } from 'node:crypto';
import { reanchorCodings, textEdits, type TextEdit } from '../../../shared/domain/reanchor';
import { notesToSource } from '../../../shared/domain/live-notes';
import { suggestSpeakerMapping } from '../../../shared/domain/speaker-mapping';
import { summariseLabels } from '../../../shared/domain/transcript-draft';
import { translator } from '../../../shared/i18n';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';
import { followTextCorrection } from '../coding/text-correction';
import { readTranscriptFile } from '../import/transcript-file';
import { addTranscript, findDuplicateSources, findSession } from '../sources';
import { staleChange } from '../store/rebase';
import type { CoreState } from './context';

type SourceHandlers = Pick<
  Handlers,
  | 'sourceGet'
  | 'sourceRename'
  | 'sourceDelete'
  | 'transcriptRead'
  | 'transcriptImport'
  | 'notesStart'
  | 'notesSave'
>;

/** Sources: reading, renaming, deleting, importing transcripts, and live notes. */
export function sourceHandlers(state: CoreState): SourceHandlers {
  return {
    sourceGet: ({ id }) => state.requireSession().readSource(id),

    async sourceRename({ id, title, baseRev }) {
      const session = state.requireSession();
      const summary = session.project.sources.find((candidate) => candidate.id === id);
      // A title is one value: renamed meanwhile elsewhere, this rename is refused, not merged.
      if (summary && session.changedSince('source', summary, baseRev, 'title')) {
        throw staleChange(summary.title, ['title']);
      }
      await session.mutateSource(id, (source) => {
        source.title = title;
      });
      return session.project.sources.find((summary) => summary.id === id)!;
    },

    async sourceDelete({ id }) {
      await state.requireSession().deleteSource(id);
      return null;
    },

    /** Reads a transcript file for the preview; nothing is written until transcriptImport. */
    async transcriptRead({ fileName, data }) {
      const session = state.requireSession();
      const parsed = await readTranscriptFile(Buffer.from(data, 'base64'), fileName);
      const labels = summariseLabels(parsed.draft);
      return {
        format: parsed.format,
        title: parsed.title,
        draft: parsed.draft,
        text: parsed.text,
        turns: parsed.turns,
        labels,
        mapping: suggestSpeakerMapping(
          labels.map((label) => label.label),
          session.project.participants,
        ),
        duplicates: await findDuplicateSources(session, parsed.title, parsed.text),
      };
    },

    transcriptImport: (input) => addTranscript(state.requireSession(), input),

    async notesStart({ sessionId }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        const field = findSession(project.sessions, sessionId);
        field.notesStartedAt ??= new Date().toISOString();
      });
      return findSession(session.project.sessions, sessionId);
    },

    /** Saves the live notes of a session (the whole set, replacing the previous save). */
    async notesSave({ sessionId, entries }) {
      const session = state.requireSession();
      const field = findSession(session.project.sessions, sessionId);
      const guideIds = new Set(field.guide.map((g) => g.id));
      const questionIds = new Set(session.project.questions.map((q) => q.id));
      const unknown = entries.find(
        (e) =>
          (e.guideQuestionId && !guideIds.has(e.guideQuestionId)) ||
          e.questionIds.some((q) => !questionIds.has(q)),
      );
      if (unknown)
        throw new CampoError('NOT_FOUND', `Unknown reference in note ${unknown.id}`, {
          id: unknown.id,
        });
      const { text, turns } = notesToSource(entries);
      if (field.notesSourceId) {
        const sourceId = field.notesSourceId;
        let before = '';
        let edits: TextEdit[] = [];
        await session.mutateSource(sourceId, (source) => {
          // Notes coded after the session keep their codings; edited notes flag them.
          before = source.text;
          edits = textEdits(source.text, text);
          source.codings = reanchorCodings(source.codings, source.text, text, edits).codings;
          source.text = text;
          source.turns = turns;
        });
        await followTextCorrection(state, session, { sourceId, before, after: text, edits });
        return session.project.sources.find((summary) => summary.id === field.notesSourceId)!;
      }
      const now = new Date().toISOString();
      const id = randomUUID();
      const title = translator(session.project.meta.language)('notes.sourceTitle', {
        code: field.code,
      });
      return session.addSource(
        {
          schemaVersion: CURRENT_SCHEMA_VERSION,
          id,
          title,
          kind: 'notes',
          origin: 'typed',
          fictional: false,
          text,
          turns,
          codings: [],
          memos: [],
          createdAt: now,
          updatedAt: now,
        },
        field.participantIds,
        (project) => {
          const linked = findSession(project.sessions, sessionId);
          linked.notesSourceId = id;
          linked.sourceIds.push(id);
          if (linked.status === 'planned') linked.status = 'done';
        },
      );
    },
  };
}
