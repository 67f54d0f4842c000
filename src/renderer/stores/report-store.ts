import { create } from 'zustand';
import type { ReportOutline } from '../../shared/ipc/contract-export';
import { defaultReportSettings, type ReportSettings } from '../../shared/report/model';
import { api } from '../api/client';
import { downloadBase64, OFFICE_MIME } from '../api/files';
import { useAppStore } from './app-store';
import { attempt } from './core-calls';
import { useProjectStore } from './project-store';
import { markSaved, markUnsaved, trackSave } from './pending-edits';
import { onProjectChange, resetOnProjectChange } from './project-scope';
import { reportRev } from './base-revision';

type ExportKind = 'docx' | 'xlsx' | 'qdpx' | 'qdc';

interface ReportState {
  /** The composer's choices (from project.json, else the defaults). */
  settings: ReportSettings;
  outline: ReportOutline | null;
  /** The export running, with its progress 0…1. */
  exporting: { kind: ExportKind; fraction: number } | null;
  /** Whether `settings` are the open project's (loaded since it opened). */
  loaded: boolean;
  /** Loads the project's saved choices (and the preview outline, unless `outline` is false). */
  load(options?: { outline?: boolean }): void;
  /**
   * Changes the choices: saved in the project (names never), outline refreshed. Typing is
   * saved after a pause; `flush` (on blur, before an export) saves what is pending now.
   */
  change(patch: Partial<ReportSettings>, typing?: boolean): void;
  flush(): Promise<void>;
  /**
   * Sets which matrices' rating agreement the annex reports (from Codifica ▸ Accordo ▸
   * Valutazioni), saved at once; the composer refreshes its outline when it opens.
   */
  setRatingGroups(groups: string[][]): Promise<void>;
  exportFile(kind: ExportKind): Promise<void>;
}

/** What the user is told once each kind of file is written. */
const DONE_MESSAGE = {
  docx: 'report.composer.docxDone',
  xlsx: 'report.composer.xlsxDone',
  qdpx: 'exchange.exported',
  qdc: 'exchange.codebookExported',
} as const;

let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** The composer's place in the list of unsaved edits. */
const PENDING = {};
const SAVE_DELAY_MS = 400;

/** The report composer: choices, preview outline, and the exports with their progress. */
export const useReportStore = create<ReportState>((set, get) => {
  async function refreshOutline() {
    const outline = await attempt(() => api().reportOutline({ settings: get().settings }));
    if (outline) set({ outline });
  }
  async function save() {
    const saved = await attempt(() =>
      api().reportSettingsSave({ settings: get().settings, baseRev: reportRev() }),
    );
    if (saved)
      useProjectStore.getState().patchProject((project) => ({ ...project, report: saved }));
  }
  return {
    settings: defaultReportSettings('it'),
    loaded: false,
    outline: null,
    exporting: null,
    load({ outline = true } = {}) {
      const project = useProjectStore.getState().snapshot?.project;
      if (!project) return;
      set({
        settings: project.report
          ? { ...project.report, includeNames: false }
          : defaultReportSettings(project.meta.language),
        loaded: true,
        outline: null,
      });
      if (outline) void refreshOutline();
    },
    change(patch, typing = false) {
      set({ settings: { ...get().settings, ...patch } });
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      if (typing) {
        saveTimer = setTimeout(() => void get().flush(), SAVE_DELAY_MS);
        markUnsaved(PENDING, () => get().flush());
      } else {
        markSaved(PENDING);
        void trackSave(save());
      }
      void refreshOutline();
    },
    async flush() {
      markSaved(PENDING);
      if (!saveTimer) return;
      clearTimeout(saveTimer);
      saveTimer = null;
      await trackSave(save());
    },
    async setRatingGroups(ratingGroups) {
      if (!get().loaded) get().load({ outline: false });
      // Shown at once; a composer edit still waiting to be saved goes with it.
      set({ settings: { ...get().settings, ratingGroups }, outline: null });
      await get().flush();
      await trackSave(save());
    },
    async exportFile(kind) {
      if (get().exporting) return;
      await get().flush();
      const { settings } = get();
      const native = Boolean(useAppStore.getState().info?.nativeDialogs);
      set({ exporting: { kind, fraction: 0 } });
      try {
        let target: string | null = null;
        if (native) {
          const project = useProjectStore.getState().snapshot?.project;
          const title =
            (kind === 'docx' && settings.title.trim()) || project?.meta.title || 'Campo';
          target = await attempt(() =>
            api().dialogSavePath({ fileName: `${title}.${kind}`, extension: kind }),
          );
          if (!target) return;
        }
        const result = await attempt(() => {
          if (kind === 'docx') return api().reportExport({ settings, target });
          if (kind === 'xlsx') return api().workbookExport({ language: settings.language, target });
          if (kind === 'qdpx') return api().qdpxExport({ target });
          return api().qdcExport({ target });
        });
        if (!result) return;
        if (result.data) downloadBase64(result.fileName, result.data, OFFICE_MIME[kind]);
        useAppStore.getState().notify('success', {
          key: DONE_MESSAGE[kind],
          params: { file: result.path ?? result.fileName },
        });
      } finally {
        set({ exporting: null });
      }
    },
  };
});

/** Follows the core's progress events while the app runs (see main.tsx). */
export function subscribeReportProgress(): () => void {
  return api().on('exportProgress', ({ kind, fraction }) => {
    const current = useReportStore.getState().exporting;
    if (current && current.kind === kind)
      useReportStore.setState({ exporting: { kind, fraction } });
  });
}

resetOnProjectChange(useReportStore);
onProjectChange(() => {
  // Flushed before the project changed (project-store): nothing of it may be saved into the next.
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  markSaved(PENDING);
});
