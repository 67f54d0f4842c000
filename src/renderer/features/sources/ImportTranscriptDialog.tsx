import { useRef, useState } from 'react';
import type { HandlerArgs } from '../../../shared/ipc/contract';
import type { TranscriptPreview } from '../../../shared/ipc/types';
import { translator } from '../../../shared/i18n';
import { readFileForUpload, textAsUpload, type FileUpload } from '../../api/files';
import { Dialog } from '../../components/Dialog';
import { messageText, useLanguage, useT } from '../../i18n/use-t';
import { toWireError } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';
import { TranscriptPreviewForm } from './TranscriptPreviewForm';
import { nextNewCode } from './transcript-plan';

type Outcome = { file: string; ok: boolean; text: string };
type Pending = { name: string; read(): Promise<FileUpload> };

/**
 * Imports transcripts (.txt, .vtt, .srt, .docx, or pasted text) into a project, optionally into
 * an interview or focus group. Each file is previewed (TranscriptPreviewForm): what its speaker
 * labels are, lines to leave out, a warning when it was imported before. Nothing is saved until
 * the user imports it; new participants are created in the same save as the transcript.
 */
export function ImportTranscriptDialog({
  sessionId,
  onClose,
}: {
  sessionId?: string;
  onClose(): void;
}) {
  const t = useT();
  const language = useLanguage();
  const project = useProjectStore((state) => state.snapshot?.project);
  const { readTranscript, importTranscript } = useSourcesStore();
  const [queue, setQueue] = useState<Pending[]>([]);
  const [index, setIndex] = useState(0);
  const [preview, setPreview] = useState<TranscriptPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [pasted, setPasted] = useState('');
  const participants = project?.participants ?? [];
  const session = project?.sessions.find((s) => s.id === sessionId);
  const done = queue.length > 0 && index >= queue.length;
  /** Bumped when the user stops waiting for a file: what that read answers later is dropped. */
  const round = useRef(0);

  async function readAt(items: Pending[], at: number, results: Outcome[]) {
    const mine = round.current;
    setIndex(at);
    setOutcomes(results);
    setPreview(null);
    if (at >= items.length) return;
    setBusy(true);
    try {
      const upload = await items[at]!.read();
      const read = await readTranscript(upload);
      if (round.current === mine) setPreview(read);
    } catch (error) {
      if (round.current !== mine) return;
      // The reason shows in the dialog, beside the file (a notification would be behind it).
      const next = [
        ...results,
        {
          file: items[at]!.name,
          ok: false,
          text: messageText({ error: toWireError(error) }, t, language),
        },
      ];
      setOutcomes(next);
      await readAt(items, at + 1, next);
    } finally {
      if (round.current === mine) setBusy(false);
    }
  }

  /** Back to choosing files: after the results, or while a file is still being read. */
  function again() {
    round.current += 1;
    setQueue([]);
    setIndex(0);
    setOutcomes([]);
    setPreview(null);
    setBusy(false);
  }

  function start(items: Pending[]) {
    setQueue(items);
    setOutcomes([]);
    void readAt(items, 0, []);
  }

  async function importCurrent(input: HandlerArgs<'transcriptImport'>) {
    setBusy(true);
    const summary = await importTranscript(input);
    setBusy(false);
    if (!summary) return; // The reason is shown; the preview stays so nothing is lost.
    const next = [
      ...outcomes,
      { file: queue[index]!.name, ok: true, text: t('import.imported', { turns: summary.turns }) },
    ];
    setOutcomes(next);
    await readAt(queue, index + 1, next);
  }

  function skipCurrent(duplicateOf?: string) {
    const text = duplicateOf
      ? t('import.skippedDuplicate', { title: duplicateOf })
      : t('import.skipped');
    void readAt(queue, index + 1, [...outcomes, { file: queue[index]!.name, ok: false, text }]);
  }

  return (
    <Dialog
      title={
        session
          ? t('import.transcriptTitleFor', { code: session.code })
          : t('import.transcriptTitle')
      }
      onClose={onClose}
      wide
    >
      {queue.length === 0 && (
        <div className="form">
          <p>{t('import.transcriptIntro')}</p>
          <label>
            {t('import.chooseFiles')}
            <input
              type="file"
              multiple
              accept=".txt,.vtt,.srt,.docx"
              onChange={(e) =>
                start(
                  [...(e.target.files ?? [])].map((file) => ({
                    name: file.name,
                    read: () => readFileForUpload(file),
                  })),
                )
              }
            />
          </label>
          <label>
            {t('import.pasteLabel')}
            <textarea
              aria-label={t('import.pasteLabel')}
              rows={6}
              value={pasted}
              placeholder={t('import.pastePlaceholder')}
              onChange={(e) => setPasted(e.target.value)}
            />
          </label>
          <div className="form-actions">
            <button
              type="button"
              disabled={!pasted.trim()}
              onClick={() =>
                start([
                  {
                    name: t('import.pastedName'),
                    read: async () => textAsUpload(pasted, `${t('import.pastedName')}.txt`),
                  },
                ])
              }
            >
              {t('import.usePasted')}
            </button>
          </div>
        </div>
      )}
      {queue.length > 0 && !done && (
        <div className="form">
          <p role="status">
            {t('import.progress', {
              n: index + 1,
              total: queue.length,
              file: queue[index]?.name ?? '',
            })}
          </p>
          {/* One file has no progress to show: an empty bar only looked like something stuck. */}
          {queue.length > 1 && (
            <progress max={queue.length} value={index} aria-label={t('import.progressLabel')} />
          )}
          {busy && !preview && (
            <div className="import-reading">
              <p className="muted">{t('import.reading')}</p>
              <progress aria-label={t('import.reading')} />
              <button type="button" onClick={again}>
                {t('import.stopReading')}
              </button>
            </div>
          )}
          {preview && (
            <TranscriptPreviewForm
              key={index}
              preview={preview}
              participants={participants}
              focusGroupCode={session?.kind === 'focusGroup' ? session.code : undefined}
              interview={
                session?.kind === 'interview'
                  ? {
                      participantIds: session.participantIds,
                      newCode: nextNewCode(participants, {}, undefined),
                    }
                  : undefined
              }
              evaluatorNames={[
                ...(project?.evaluators ?? []).map((evaluator) => evaluator.name),
                ...(project?.meta.evaluators ?? []),
                session?.interviewer ?? '',
              ]}
              evaluatorRole={translator(project?.meta.language ?? language)(
                'import.evaluatorVoice',
              )}
              sessionId={sessionId}
              busy={busy}
              onImport={(input) => void importCurrent(input)}
              onSkip={skipCurrent}
            />
          )}
        </div>
      )}
      {(done || outcomes.length > 0) && (
        <section aria-label={t('import.resultsLabel')}>
          <ul className="import-results">
            {outcomes.map((outcome, i) => (
              <li key={i} className={outcome.ok ? 'ok' : 'refused'}>
                {/* A refusal that names its file already («Il file x.docx è danneggiato»). */}
                {outcome.text.includes(outcome.file) ? (
                  outcome.text
                ) : (
                  <>
                    <strong>{outcome.file}</strong>: {outcome.text}
                  </>
                )}
              </li>
            ))}
          </ul>
          {done && (
            <div className="dialog-actions">
              <button type="button" onClick={again}>
                {t('import.chooseOthers')}
              </button>
              <button type="button" className="primary" onClick={onClose}>
                {t('app.close')}
              </button>
            </div>
          )}
        </section>
      )}
    </Dialog>
  );
}
