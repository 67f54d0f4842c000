import { useEffect, useState } from 'react';
import { TabStrip } from '../../components/TabStrip';
import { useT } from '../../i18n/use-t';
import { useAgreementStore } from '../../stores/agreement-store';
import { useProjectStore } from '../../stores/project-store';
import { AgreementFigures } from './AgreementFigures';
import { DisagreementBrowser } from './DisagreementBrowser';
import { RatingAgreementView } from './RatingAgreementView';

const VIEWS = ['figures', 'disagreements', 'ratings'] as const;
const VIEW_LABELS = {
  figures: 'agreement.ui.figures',
  disagreements: 'agreement.ui.disagreements',
  ratings: 'agreement.ui.ratings',
} as const;
type View = (typeof VIEWS)[number];

/**
 * Intercoder agreement (issue 19), a tab of the coding workbench: the figures of the chosen
 * coders, sources and codes, and the disagreement browser where the lead builds the consensus
 * layer (undone with the workbench's Ctrl+Z, like any coding change).
 */
export function AgreementPanel({ onOpen }: { onOpen: (sourceId: string, at: number) => void }) {
  const t = useT();
  const [view, setView] = useState<View>('figures');
  const path = useProjectStore((state) => state.snapshot?.path ?? null);
  const forProject = useAgreementStore((state) => state.forProject);
  useEffect(() => {
    if (path) forProject(path);
  }, [path, forProject]);
  return (
    <section className="agreement" aria-label={t('coding.tab.agreement')}>
      <TabStrip
        items={VIEWS}
        selected={view}
        onSelect={setView}
        labelOf={(name) => t(VIEW_LABELS[name])}
        label={t('agreement.ui.views')}
        className="tabs tabs-small"
      />
      {view === 'figures' && <AgreementFigures />}
      {view === 'disagreements' && <DisagreementBrowser onOpen={onOpen} />}
      {view === 'ratings' && <RatingAgreementView />}
    </section>
  );
}
