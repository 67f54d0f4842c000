import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n/use-t';

type Upcoming = 'ngt' | 'coding' | 'matrix' | 'report';

/** A screen whose capability is not built yet: says plainly what it will do. */
export function UpcomingScreen({ screen }: { screen: Upcoming }) {
  const t = useT();
  return (
    <div className="screen">
      <h1>{t(`nav.${screen}` as MessageKey)}</h1>
      <div className="empty upcoming">
        <p className="badge">{t('upcoming.title')}</p>
        <p>{t(`upcoming.${screen}` as MessageKey)}</p>
      </div>
    </div>
  );
}
