import { create } from 'zustand';
import type { Decision, RecordMatch } from '../../shared/domain/team-merge';
import { matchedByDefault } from '../../shared/domain/team-match';
import type { TeamMergePreview, TeamOrigin } from '../../shared/ipc/contract-team';
import type { ProjectSnapshot } from '../../shared/ipc/types';
import type { Evaluator } from '../../shared/model/project';
import { api } from '../api/client';
import { downloadBase64, OFFICE_MIME } from '../api/files';
import { useAppStore } from './app-store';
import { useCodingStore } from './coding-store';
import { attempt } from './core-calls';
import { useProjectStore } from './project-store';
import { useSourcesStore } from './sources-store';
import { isCurrent, projectToken, resetOnProjectChange } from './project-scope';

/** Where a picked package comes from: the browser's upload, or a path from the native dialog. */
export type PackagePick = { fileName: string; data: string } | { fileName: string; path: string };

interface TeamState {
  /** The merge under way in the dialog: its preview, the confirmed matches, the decisions. */
  preview: TeamMergePreview | null;
  matches: RecordMatch[];
  /** Name matches confirmed (the step before the conflicts). */
  matchesConfirmed: boolean;
  decisions: Record<string, Decision>;
  busy: boolean;
  /** The merge just applied, shown as its report. */
  mergedId: string | null;
  /** The package the project was opened from (null: started here; undefined: not asked yet). */
  origin: TeamOrigin | null | undefined;
  loadOrigin(): Promise<void>;
  setIdentity(name: string, initials: string): Promise<boolean>;
  updateMember(
    member: Evaluator,
    patch: { name?: string; initials?: string; colour?: string; role?: Evaluator['role'] },
  ): Promise<void>;
  makePackage(input: {
    sourceIds: string[] | null;
    blind: boolean;
    forEvaluatorId: string | null;
    withNames: boolean;
  }): Promise<boolean>;
  makeReturn(): Promise<boolean>;
  openPackage(pick: PackagePick): Promise<boolean>;
  previewMerge(pick: PackagePick): Promise<boolean>;
  toggleMatch(match: RecordMatch, on: boolean): void;
  confirmMatches(): Promise<void>;
  decide(key: string, decision: Decision): void;
  applyMerge(): Promise<boolean>;
  cancelMerge(): void;
  undoMerge(mergeId: string): Promise<boolean>;
  exportReport(mergeId: string): Promise<void>;
}

const nativeDialogs = () => Boolean(useAppStore.getState().info?.nativeDialogs);

/** Saves a package or report: a path from the native dialog, or a browser download. */
async function deliver(
  fileName: string,
  extension: 'campopkg' | 'xlsx',
  run: (
    target: string | null,
  ) => Promise<{ fileName: string; path: string | null; data: string | null }>,
): Promise<string | null> {
  let target: string | null = null;
  if (nativeDialogs()) {
    target = await attempt(() => api().dialogSavePath({ fileName, extension }));
    if (!target) return null;
  }
  const result = await attempt(() => run(target));
  if (!result) return null;
  if (result.data)
    downloadBase64(
      result.fileName,
      result.data,
      extension === 'xlsx' ? OFFICE_MIME.xlsx : 'application/zip',
    );
  return result.path ?? result.fileName;
}

/** After the core reopened the project (a merge, its undo): every view reads it again. */
async function replaced(snapshot: ProjectSnapshot): Promise<void> {
  useProjectStore.setState({ snapshot });
  await useSourcesStore.getState().reloadLoaded();
  const coding = useCodingStore.getState();
  useCodingStore.setState({ version: coding.version + 1 });
  await Promise.all([coding.loadCounts(), coding.loadHistory()]);
}

const title = () => useProjectStore.getState().snapshot?.project.meta.title ?? 'Campo';

/** Teamwork: identity, team list, packages and merges (issue 18). */
export const useTeamStore = create<TeamState>((set, get) => {
  const app = () => useAppStore.getState();
  return {
    preview: null,
    matches: [],
    matchesConfirmed: false,
    decisions: {},
    busy: false,
    mergedId: null,
    origin: undefined,

    async loadOrigin() {
      const token = projectToken();
      try {
        const origin = await api().teamOrigin({});
        if (isCurrent(token)) set({ origin });
      } catch (error) {
        app().notifyError(error);
      }
    },

    async setIdentity(name, initials) {
      const settings = await attempt(() => api().identitySet({ name, initials }));
      if (!settings) return false;
      const info = app().info;
      if (info) useAppStore.setState({ info: { ...info, settings } });
      const snapshot = await api().projectCurrent();
      if (snapshot) useProjectStore.setState({ snapshot: { ...snapshot, notices: [] } });
      app().notify('success', {
        key: 'team.identity.saved',
        params: { name: settings.evaluator.name },
      });
      return true;
    },

    async updateMember(member, patch) {
      const evaluators = await attempt(() =>
        api().teamMemberUpdate({ id: member.id, patch, baseRev: member.rev }),
      );
      if (evaluators)
        useProjectStore.getState().patchProject((project) => ({ ...project, evaluators }));
    },

    async makePackage(input) {
      const saved = await deliver(`${title()} – pacchetto.campopkg`, 'campopkg', (target) =>
        api().teamPackageMake({ ...input, target }),
      );
      if (saved) app().notify('success', { key: 'team.package.saved', params: { file: saved } });
      return saved !== null;
    },

    async makeReturn() {
      const saved = await deliver(`${title()}.campopkg`, 'campopkg', (target) =>
        api().teamReturnMake({ target }),
      );
      if (saved) app().notify('success', { key: 'team.return.saved', params: { file: saved } });
      return saved !== null;
    },

    async openPackage(pick) {
      set({ busy: true });
      try {
        const snapshot = await attempt(() => api().teamPackageOpen({ ...pick, parentDir: null }));
        if (!snapshot) return false;
        useProjectStore.setState({ snapshot, saveState: null });
        app().notify('success', {
          key: 'team.package.opened',
          params: { title: snapshot.project.meta.title },
        });
        void useProjectStore.getState().loadRecent();
        return true;
      } finally {
        set({ busy: false });
      }
    },

    async previewMerge(pick) {
      set({
        busy: true,
        preview: null,
        matches: [],
        decisions: {},
        matchesConfirmed: false,
        mergedId: null,
      });
      try {
        const preview = await attempt(() => api().teamMergePreview({ ...pick, matches: [] }));
        if (!preview) return false;
        set({
          preview,
          matches: preview.proposals.filter(matchedByDefault),
          matchesConfirmed: preview.proposals.length === 0,
          // Decided in an earlier merge, the colleague's value unchanged: proposed again.
          decisions: { ...preview.remembered },
        });
        return true;
      } finally {
        set({ busy: false });
      }
    },

    toggleMatch(match, on) {
      const others = get().matches.filter((entry) => entry.theirId !== match.theirId);
      set({ matches: on ? [...others, match] : others });
    },

    async confirmMatches() {
      const { preview, matches } = get();
      if (!preview) return;
      set({ busy: true });
      try {
        const next = await attempt(() =>
          api().teamMergePreview({ fileName: preview.from, token: preview.token, matches }),
        );
        if (next) set({ preview: next, matchesConfirmed: true, decisions: { ...next.remembered } });
      } finally {
        set({ busy: false });
      }
    },

    decide(key, decision) {
      set({ decisions: { ...get().decisions, [key]: decision } });
    },

    async applyMerge() {
      const { preview, matches, decisions } = get();
      if (!preview) return false;
      set({ busy: true });
      try {
        const result = await attempt(() =>
          api().teamMergeApply({ token: preview.token, matches, decisions }),
        );
        if (!result) return false;
        await replaced(result.snapshot);
        set({ preview: null, mergedId: result.mergeId });
        app().notify('success', {
          key: result.mergeId ? 'team.merge.done' : 'team.report.alreadyMerged',
          params: { who: preview.fromEvaluator },
        });
        return true;
      } finally {
        set({ busy: false });
      }
    },

    cancelMerge() {
      set({ preview: null, matches: [], decisions: {}, matchesConfirmed: false, mergedId: null });
    },

    async undoMerge(mergeId) {
      set({ busy: true });
      try {
        const snapshot = await attempt(() => api().teamMergeUndo({ mergeId }));
        if (!snapshot) return false;
        await replaced(snapshot);
        set({ mergedId: null });
        app().notify('success', { key: 'team.merge.undone' });
        return true;
      } finally {
        set({ busy: false });
      }
    },

    async exportReport(mergeId) {
      const saved = await deliver(`${title()} – unione.xlsx`, 'xlsx', (target) =>
        api().teamMergeReportExport({ mergeId, target }),
      );
      if (saved) app().notify('success', { key: 'team.report.exported', params: { file: saved } });
    },
  };
});

// Chosen coders, figures and previews belong to the project they were made in.
resetOnProjectChange(useTeamStore);
