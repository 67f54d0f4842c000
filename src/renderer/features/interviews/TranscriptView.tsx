import { useEffect, useState } from 'react';
import type { SourceFile } from '../../../shared/model/source';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';

/** "01:02:03" from seconds. */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

/** A transcript read turn by turn: speaker (by pseudonym), time, what was said. */
export function TranscriptView({ sourceId, onBack }: { sourceId: string; onBack(): void }) {
  const t = useT();
  const notifyError = useAppStore((state) => state.notifyError);
  const participants = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  const [source, setSource] = useState<SourceFile | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .sourceGet({ id: sourceId })
      .then((loaded) => live && setSource(loaded))
      .catch((error: unknown) => {
        notifyError(error);
        onBack();
      });
    return () => {
      live = false;
    };
  }, [sourceId, notifyError, onBack]);
  if (!source) return <p className="muted">{t('app.loading')}</p>;
  const codeOf = new Map(participants.map((p) => [p.id, p.code]));
  const turns = source.turns.length
    ? source.turns
    : [
        {
          id: 'all',
          start: 0,
          end: source.text.length,
          speaker: '',
          participantId: null,
          time: null,
        },
      ];
  return (
    <article className="transcript" aria-label={source.title}>
      <button type="button" className="link-button" onClick={onBack}>
        ← {t('interviews.back')}
      </button>
      <h2>{source.title}</h2>
      {source.fictional && <p className="notice-fictional">{t('interviews.fictionalNote')}</p>}
      <ol className="turns">
        {turns.map((turn) => (
          <li key={turn.id} className="turn">
            <p className="turn-meta">
              <strong>
                {(turn.participantId && codeOf.get(turn.participantId)) ||
                  turn.speaker ||
                  t('interviews.unknownSpeaker')}
              </strong>
              {turn.time !== null && <time>{formatClock(turn.time)}</time>}
            </p>
            <p className="turn-text">{source.text.slice(turn.start, turn.end)}</p>
          </li>
        ))}
      </ol>
    </article>
  );
}
