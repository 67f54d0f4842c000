import type { SourceSummary } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';

/** Sources as a list of buttons: title, kind, fictional mark, size. */
export function SourceList({
  sources,
  onOpen,
}: {
  sources: SourceSummary[];
  onOpen(id: string): void;
}) {
  const t = useT();
  return (
    <ul className="source-list">
      {sources.map((source) => (
        <li key={source.id}>
          <button type="button" onClick={() => onOpen(source.id)}>
            <strong>{source.title}</strong>
            <span className="badge">
              {t(source.kind === 'notes' ? 'sources.kindNotes' : 'sources.kindTranscript')}
            </span>
            {source.fictional && <span className="badge">{t('app.fictional')}</span>}
            <span className="muted">
              {t('interviews.turns', { n: source.turns })} ·{' '}
              {t('interviews.characters', { n: source.characters })}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
