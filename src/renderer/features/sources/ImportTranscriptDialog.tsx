import { useState } from 'react';
import { nextParticipantCode } from '../../../shared/domain/pseudonyms';
import type { TranscriptPreview } from '../../../shared/ipc/types';
import { readFileForUpload, textAsUpload, type FileUpload } from '../../api/files';
import { Dialog } from '../../components/Dialog';
import { messageText, useLanguage, useT } from '../../i18n/use-t';
import { toWireError } from '../../stores/app-store';
import { useParticipantsStore } from '../../stores/participants-store';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';
import { formatClock } from './SourceView';

const NEW_PARTICIPANT = '__new';
type Outcome = { file: string; ok: boolean; text: string };
type Pending = { name: string; read(): Promise<FileUpload> };

/**
 * Imports transcripts (.txt, .vtt, .srt, .docx, or pasted text) into a project, optionally into
 * an interview or focus group. Each file is previewed: its speakers are matched to participants
 * (or to a new one with the next pseudonym) before anything is saved.
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
  const addParticipant = useParticipantsStore((state) => state.add);
  const [queue, setQueue] = useState<Pending[]>([]);
  const [index, setIndex] = useState(0);
  const [preview, setPreview] = useState<TranscriptPreview | null>(null);
  const [title, setTitle] = useState('');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcomes, setOutcomes] = useState<Outcome[]>([]);
  const [pasted, setPasted] = useState('');
  const participants = project?.participants ?? [];
  const session = project?.sessions.find((s) => s.id === sessionId);
  const done = queue.length > 0 && index >= queue.length;

  async function readAt(items: Pending[], at: number, results: Outcome[]) {
    setIndex(at);
    setPreview(null);
    if (at >= items.length) return;
    setBusy(true);
    try {
      const upload = await items[at]!.read();
      const read = await readTranscript(upload);
      if (!read) {
        // The reason is already shown as a notification; note the refusal and go on.
        const next = [
          ...results,
          { file: items[at]!.name, ok: false, text: t('import.refusedSeeMessage') },
        ];
        setOutcomes(next);
        await readAt(items, at + 1, next);
        return;
      }
      setPreview(read);
      setTitle(read.title);
      setMapping(
        Object.fromEntries(Object.entries(read.mapping).map(([label, id]) => [label, id ?? ''])),
      );
    } catch (error) {
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
      setBusy(false);
    }
  }

  function start(items: Pending[]) {
    setQueue(items);
    setOutcomes([]);
    void readAt(items, 0, []);
  }

  async function importCurrent() {
    if (!preview) return;
    setBusy(true);
    const resolved: Record<string, string | null> = {};
    for (const [label, target] of Object.entries(mapping)) {
      if (target === NEW_PARTICIPANT) {
        const created = await addParticipant({ ...(sessionId ? { sessionId } : {}) });
        resolved[label] = created?.id ?? null;
      } else resolved[label] = target || null;
    }
    const summary = await importTranscript({
      title: title.trim() || preview.title,
      origin: preview.format,
      text: preview.text,
      turns: preview.turns.map((turn) => ({
        ...turn,
        participantId: resolved[turn.speaker] ?? null,
      })),
      sessionId: sessionId ?? null,
    });
    const next = [
      ...outcomes,
      {
        file: queue[index]!.name,
        ok: summary !== null,
        text: summary
          ? t('import.imported', { turns: summary.turns })
          : t('import.refusedSeeMessage'),
      },
    ];
    setOutcomes(next);
    setBusy(false);
    await readAt(queue, index + 1, next);
  }

  const nextCode = nextParticipantCode(
    participants,
    session?.kind === 'focusGroup' ? session.code : undefined,
  );
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
          <progress max={queue.length} value={index} aria-label={t('import.progressLabel')} />
          {busy && !preview && <p className="muted">{t('import.reading')}</p>}
          {preview && (
            <>
              <label>
                {t('sources.title')}
                <input value={title} onChange={(e) => setTitle(e.target.value)} />
              </label>
              <p className="hint">
                {preview.format.toUpperCase()} ·{' '}
                {t('interviews.turns', { n: preview.turns.length })} ·{' '}
                {t('interviews.characters', { n: preview.text.length })}
              </p>
              <table className="table compact">
                <caption>{t('import.speakersCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('import.speaker')}</th>
                    <th scope="col">{t('import.turnCount')}</th>
                    <th scope="col">{t('import.isParticipant')}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.speakers.map((speaker) => (
                    <tr key={speaker.label}>
                      <th scope="row">{speaker.label || t('interviews.unknownSpeaker')}</th>
                      <td>{speaker.turns}</td>
                      <td>
                        <select
                          aria-label={t('import.speakerIs', {
                            speaker: speaker.label || t('interviews.unknownSpeaker'),
                          })}
                          value={mapping[speaker.label] ?? ''}
                          onChange={(e) =>
                            setMapping({ ...mapping, [speaker.label]: e.target.value })
                          }
                        >
                          <option value="">{t('import.notParticipant')}</option>
                          {participants.map((p) => (
                            <option key={p.id} value={p.id}>
                              {p.code}
                              {p.role ? ` – ${p.role}` : ''}
                            </option>
                          ))}
                          <option value={NEW_PARTICIPANT}>
                            {t('import.newParticipant', { code: nextCode })}
                          </option>
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <ol className="turns-preview" aria-label={t('import.firstTurns')}>
                {preview.turns.slice(0, 4).map((turn, i) => (
                  <li key={i}>
                    <strong>{turn.speaker || t('interviews.unknownSpeaker')}</strong>
                    {turn.time !== null && <time> {formatClock(turn.time)}</time>}:{' '}
                    {preview.text.slice(turn.start, Math.min(turn.end, turn.start + 160))}
                  </li>
                ))}
              </ol>
              <div className="dialog-actions">
                <button
                  type="button"
                  disabled={busy}
                  onClick={() =>
                    void readAt(queue, index + 1, [
                      ...outcomes,
                      { file: queue[index]!.name, ok: false, text: t('import.skipped') },
                    ])
                  }
                >
                  {t('import.skip')}
                </button>
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() => void importCurrent()}
                >
                  {t('import.confirmTranscript')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {(done || outcomes.length > 0) && (
        <section aria-label={t('import.resultsLabel')}>
          <ul className="import-results">
            {outcomes.map((outcome, i) => (
              <li key={i} className={outcome.ok ? 'ok' : 'refused'}>
                <strong>{outcome.file}</strong>: {outcome.text}
              </li>
            ))}
          </ul>
          {done && (
            <div className="dialog-actions">
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
