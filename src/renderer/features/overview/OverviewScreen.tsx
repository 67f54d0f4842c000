import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n/use-t';
import { useNavigationStore, type ScreenId } from '../../stores/navigation-store';
import { useProjectStore } from '../../stores/project-store';
import { FirstSteps } from './FirstSteps';
import { MetaForm } from './MetaForm';

/** Counts of what the project holds, and its descriptive data. */
export function OverviewScreen() {
  const t = useT();
  const snapshot = useProjectStore((state) => state.snapshot);
  const go = useNavigationStore((state) => state.go);
  if (!snapshot) return null;
  const { project } = snapshot;
  const tiles: Array<{ key: MessageKey; n: number; screen: ScreenId }> = [
    { key: 'overview.questions', n: project.questions.length, screen: 'questions' },
    { key: 'overview.participants', n: project.participants.length, screen: 'participants' },
    { key: 'overview.sources', n: project.sources.length, screen: 'interviews' },
    { key: 'overview.indicators', n: project.indicators.length, screen: 'indicators' },
    { key: 'overview.codes', n: project.codes.length, screen: 'coding' },
  ];
  return (
    <div className="screen">
      <h1>{t('overview.title')}</h1>
      <FirstSteps project={project} />
      <section aria-label={t('overview.counts')}>
        <ul className="tiles">
          {tiles.map((tile) => (
            <li key={tile.key}>
              <button
                type="button"
                className="tile"
                onClick={() => go(tile.screen)}
                data-testid={`count-${tile.screen}`}
              >
                <span className="tile-number">{tile.n}</span>
                <span className="tile-label">
                  {t(tile.key, { n: tile.n }).replace(/^\d+\s*/, '')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card">
        <h2>{t('overview.details')}</h2>
        <MetaForm key={project.id} />
        <p className="hint path">{t('overview.folder', { path: snapshot.path })}</p>
      </section>
    </div>
  );
}
