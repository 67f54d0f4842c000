import { useCallback, useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { TranscriptView } from './TranscriptView';

/** The project's transcripts; one opens in a reader. */
export function InterviewsScreen() {
  const t = useT();
  const sources = useProjectStore((state) => state.snapshot?.project.sources ?? []);
  const [openId, setOpenId] = useState<string | null>(null);
  const back = useCallback(() => setOpenId(null), []);
  if (openId)
    return (
      <div className="screen">
        <TranscriptView sourceId={openId} onBack={back} />
      </div>
    );
  return (
    <div className="screen">
      <h1>{t('interviews.title')}</h1>
      <p className="intro">{t('interviews.intro')}</p>
      <h2>{t('interviews.sources')}</h2>
      {sources.length === 0 ? (
        <p className="empty">{t('interviews.empty')}</p>
      ) : (
        <ul className="source-list">
          {sources.map((source) => (
            <li key={source.id}>
              <button type="button" onClick={() => setOpenId(source.id)}>
                <strong>{source.title}</strong>
                {source.fictional && <span className="badge">{t('app.fictional')}</span>}
                <span className="muted">
                  {t('interviews.turns', { n: source.turns })} ·{' '}
                  {t('interviews.characters', { n: source.characters })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
