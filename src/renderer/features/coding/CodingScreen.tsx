import { useEffect, useState } from 'react';
import { AgreementPanel } from '../agreement/AgreementPanel';
import { CacheProgress } from './CacheProgress';
import { isTypingTarget } from '../../components/keyboard';
import { RevealNamesToggle } from '../../components/RevealNames';
import { TabStrip } from '../../components/TabStrip';
import { useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { CodebookPanel } from './CodebookPanel';
import { CodingSidePanel } from './CodingSidePanel';
import { CodingSourceView } from './CodingSourceView';
import { MatricesPanel } from './MatricesPanel';
import { RetrievalPanel } from './RetrievalPanel';
import { SearchPanel } from './SearchPanel';
import { selectionOnScreen } from './selection-visibility';
import { recallFromTab, rememberInTab } from '../../stores/tab-memory';

const TABS = ['code', 'retrieve', 'search', 'matrices', 'agreement'] as const;
type Tab = (typeof TABS)[number];

/**
 * The coding workbench: the codebook on the left, and tabs for coding a source, retrieving
 * coded segments, searching the texts and the matrices. Ctrl+Z / Ctrl+Shift+Z undo and redo
 * coding changes; 1–9 apply the pinned codes to the selection.
 */
export function CodingScreen() {
  const t = useT();
  // After a reload, the tab this window showed.
  const [tab, setTab] = useState<Tab>(() => {
    const shown = recallFromTab('coding-tab');
    return TABS.find((name) => name === shown) ?? 'code';
  });
  const { loadCounts, loadHistory, history, undo, redo, openSource, sourceId, clearSelection } =
    useCodingStore();
  const sources = useProjectStore((state) => state.snapshot?.project.sources);

  useEffect(() => {
    void loadCounts();
    void loadHistory();
  }, [loadCounts, loadHistory]);

  useEffect(() => {
    if (sourceId || !sources?.[0]) return;
    // After a reload, the transcript this window showed (found by a newcomer walk-through).
    const shown = recallFromTab('coding-source');
    openSource(sources.some((source) => source.id === shown) ? shown! : sources[0].id);
  }, [sourceId, sources, openSource]);

  useEffect(() => rememberInTab('coding-source', sourceId), [sourceId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.altKey) return;
      const key = event.key.toLowerCase();
      if ((event.ctrlKey || event.metaKey) && (key === 'z' || key === 'y')) {
        event.preventDefault();
        void (key === 'y' || event.shiftKey ? redo() : undo());
        return;
      }
      if (event.ctrlKey || event.metaKey || !/^[1-9]$/.test(event.key)) return;
      const { selection } = useCodingStore.getState();
      const codes = useProjectStore.getState().snapshot?.project.codes ?? [];
      const code = codes.find((c) => c.quickKey === Number(event.key));
      if (selection && code && selectionOnScreen()) {
        event.preventDefault();
        void useCodingStore.getState().apply(code.id);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const show = (next: Tab, sourceToOpen?: { id: string; at: number }) => {
    if (sourceToOpen) openSource(sourceToOpen.id, sourceToOpen.at);
    // A selection ends with the view it was made in.
    if (next !== tab) clearSelection();
    setTab(next);
    rememberInTab('coding-tab', next);
  };

  /** The skip link: past the codebook (dozens of Tab stops) straight into the text. */
  const skipToText = () => {
    if (tab !== 'code') show('code');
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>('[data-testid="coding-text"]')?.focus(),
    );
  };

  return (
    <div className="coding-screen">
      <a
        href="#coding-text"
        className="skip-link"
        onClick={(event) => {
          event.preventDefault();
          skipToText();
        }}
      >
        {t('coding.skipToText')}
      </a>
      <CodebookPanel />
      <div className="coding-main">
        <div className="tabs-bar">
          <h1 className="tabs-title">{t('nav.coding')}</h1>
          <TabStrip
            items={TABS}
            selected={tab}
            onSelect={show}
            labelOf={(name) => t(`coding.tab.${name}`)}
            label={t('coding.tabs')}
          />
          <RevealNamesToggle />
          <CacheProgress />
          <div className="undo-buttons">
            <button
              type="button"
              disabled={!history.undo}
              title={history.undo ? t('coding.undoWhat', { label: history.undo }) : undefined}
              aria-keyshortcuts="Control+Z"
              onClick={() => void undo()}
            >
              {t('coding.undo')}
            </button>
            <button
              type="button"
              disabled={!history.redo}
              title={history.redo ? t('coding.redoWhat', { label: history.redo }) : undefined}
              aria-keyshortcuts="Control+Shift+Z"
              onClick={() => void redo()}
            >
              {t('coding.redo')}
            </button>
          </div>
        </div>
        <div role="tabpanel" className="coding-tabpanel">
          {tab === 'code' && (
            <div className="coding-workspace">
              <CodingSourceView />
              <CodingSidePanel />
            </div>
          )}
          {tab === 'retrieve' && <RetrievalPanel onOpen={(id, at) => show('code', { id, at })} />}
          {tab === 'search' && <SearchPanel onOpen={(id, at) => show('code', { id, at })} />}
          {tab === 'matrices' && <MatricesPanel />}
          {tab === 'agreement' && <AgreementPanel onOpen={(id, at) => show('code', { id, at })} />}
        </div>
      </div>
    </div>
  );
}
