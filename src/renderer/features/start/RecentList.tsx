import { formatDateTime } from '../../../shared/i18n';
import { useLanguage, useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';

/** Recently opened projects; a vanished folder is shown as such and can be removed. */
export function RecentList() {
  const t = useT();
  const language = useLanguage();
  const recent = useProjectStore((state) => state.recent);
  const open = useProjectStore((state) => state.open);
  const forget = useProjectStore((state) => state.forgetRecent);
  if (recent.length === 0) return <p className="muted">{t('start.recentEmpty')}</p>;
  return (
    <ul className="recent-list">
      {recent.map((project) => (
        <li key={project.path} className={project.exists ? undefined : 'missing'}>
          <button
            type="button"
            className="recent-open"
            disabled={!project.exists}
            onClick={() => void open(project.path)}
          >
            <strong>{project.title}</strong>
            <span className="path">{project.path}</span>
            <span className="muted">
              {project.exists
                ? t('start.openedAt', { at: formatDateTime(project.openedAt, language) })
                : t('start.recentMissing')}
            </span>
          </button>
          <button type="button" className="link-button" onClick={() => void forget(project.path)}>
            {t('start.forget')}
          </button>
        </li>
      ))}
    </ul>
  );
}
