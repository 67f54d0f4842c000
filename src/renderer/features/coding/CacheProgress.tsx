import { useT } from '../../i18n/use-t';
import { useCacheProgress } from '../../stores/remote-changes';

/**
 * While the project's counts or search index are rebuilt in the background (after a crash, a
 * migration, a deleted cache), a quiet progress line: the screen works meanwhile.
 */
export function CacheProgress() {
  const t = useT();
  const progress = useCacheProgress((state) => state.progress);
  if (!progress) return null;
  const percent = Math.round(progress.fraction * 100);
  return (
    <p className="cache-progress muted" role="status">
      <progress max={100} value={percent} aria-hidden="true" /> {t('store.indexing', { percent })}
    </p>
  );
}
