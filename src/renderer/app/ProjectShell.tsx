import { useEffect, type ReactNode } from 'react';
import type { MessageKey } from '../../shared/i18n';
import type { SessionKind } from '../../shared/model/constants';
import { IndicatorsScreen } from '../features/indicators/IndicatorsScreen';
import { OverviewScreen } from '../features/overview/OverviewScreen';
import { ParticipantsScreen } from '../features/participants/ParticipantsScreen';
import { QuestionsScreen } from '../features/questions/QuestionsScreen';
import { LiveNotes } from '../features/live-notes/LiveNotes';
import { SessionsScreen } from '../features/sessions/SessionsScreen';
import { CodingScreen } from '../features/coding/CodingScreen';
import { MatrixScreen } from '../features/matrix/MatrixScreen';
import { NgtScreen } from '../features/ngt/NgtScreen';
import { ReportScreen } from '../features/report/ReportScreen';
import { TeamScreen } from '../features/team/TeamScreen';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';
import { SCREENS, useNavigationStore, type ScreenId } from '../stores/navigation-store';
import { useProjectStore } from '../stores/project-store';
import { useSessionsStore } from '../stores/sessions-store';
import { SaveIndicator } from './SaveIndicator';

/** The screens listing interviews or focus groups, whose sidebar item closes the open record. */
const SESSION_SCREENS: Partial<Record<ScreenId, SessionKind>> = {
  interviews: 'interview',
  focusGroups: 'focusGroup',
};

const SCREEN_VIEWS: Record<ScreenId, () => ReactNode> = {
  overview: () => <OverviewScreen />,
  questions: () => <QuestionsScreen />,
  participants: () => <ParticipantsScreen />,
  interviews: () => <SessionsScreen key="interview" kind="interview" />,
  focusGroups: () => <SessionsScreen key="focusGroup" kind="focusGroup" />,
  ngt: () => <NgtScreen />,
  coding: () => <CodingScreen />,
  matrix: () => <MatrixScreen />,
  indicators: () => <IndicatorsScreen />,
  report: () => <ReportScreen />,
  team: () => <TeamScreen />,
};

/**
 * Alt+1 … Alt+0 switch between the screens, in navigation order; not during live notes, where
 * Alt+1…9 mark a note with a DV, nor when a view has already used the key.
 */
function useScreenShortcuts(go: (screen: ScreenId) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented) return;
      if (useSessionsStore.getState().liveNotesFor) return;
      const index = '1234567890'.indexOf(event.key);
      const screen = SCREENS[index];
      if (index >= 0 && screen) {
        event.preventDefault();
        go(screen);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);
}

/** The open project: navigation on the left, the current screen, the save state on top. */
export function ProjectShell() {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot?.project);
  const close = useProjectStore((state) => state.close);
  const screen = useNavigationStore((state) => state.screen);
  const go = useNavigationStore((state) => state.go);
  const openDialog = useAppStore((state) => state.openDialog);
  const liveNotesFor = useSessionsStore((state) => state.liveNotesFor);
  useScreenShortcuts(go);
  // Live notes this window had open in this project (a reload in mid-interview) open again.
  useEffect(() => {
    const sessions = useProjectStore.getState().snapshot?.project.sessions ?? [];
    useSessionsStore.getState().resumeLiveNotes(sessions);
  }, []);
  // Another screen opens at its top, not scrolled as far as the last one was.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [screen]);
  if (!project) return null;
  const liveSession = project.sessions.find((s) => s.id === liveNotesFor);
  if (liveSession) return <LiveNotes session={liveSession} />;
  return (
    <div className="shell">
      <a
        href="#main-content"
        className="skip-link"
        onClick={(event) => {
          // Focus, not the address: the browser-mode address must not change.
          event.preventDefault();
          document.getElementById('main-content')?.focus();
        }}
      >
        {t('nav.skipToContent')}
      </a>
      <nav className="sidebar" aria-label={t('nav.label')}>
        <p className="brand sidebar-brand">
          <span className="brand-mark" aria-hidden="true">
            ◆
          </span>{' '}
          {t('app.name')}
        </p>
        <ul>
          {SCREENS.map((id, index) => (
            <li key={id}>
              <button
                type="button"
                aria-current={screen === id ? 'page' : undefined}
                title={index < 10 ? `Alt+${(index + 1) % 10}` : undefined}
                onClick={() => {
                  // The sidebar item shows the list; the detail reopens only from other paths.
                  const kind = SESSION_SCREENS[id];
                  if (kind) useSessionsStore.getState().open(kind, null);
                  go(id);
                }}
              >
                {t(`nav.${id}` as MessageKey)}
              </button>
            </li>
          ))}
        </ul>
        <div className="sidebar-footer">
          <button type="button" onClick={() => openDialog({ kind: 'settings' })}>
            {t('nav.settings')}
          </button>
          <button type="button" onClick={() => openDialog({ kind: 'backups' })}>
            {t('nav.backups')}
          </button>
          <button type="button" onClick={() => void close()}>
            {t('nav.closeProject')}
          </button>
        </div>
      </nav>
      <div className="main">
        <header className="topbar">
          <div className="topbar-title">
            <strong>{project.meta.title}</strong>
            {project.meta.programme && <span className="muted">{project.meta.programme}</span>}
          </div>
          <SaveIndicator />
        </header>
        <main id="main-content" className="content" tabIndex={-1}>
          {SCREEN_VIEWS[screen]()}
        </main>
      </div>
    </div>
  );
}
