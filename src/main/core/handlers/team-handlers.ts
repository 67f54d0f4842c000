import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { translator } from '../../../shared/i18n';
import type { TeamMergeReport } from '../../../shared/domain/team-merge';
import { mergeReportSheets } from '../../../shared/report/merge-report-sheets';
import { deliverExport, exportFileName } from '../export/export-files';
import { workbookToXlsx } from '../export/xlsx-writer';
import { checkSize } from '../import/limits';
import { toUserFsError } from '../store/fs-errors';
import { projectFolderName } from '../store/layout';
import { openProject } from '../store/project-store';
import type { ProjectSession } from '../store/project-session';
import { restoreBackup } from '../store/recovery';
import { applyMerge, previewMerge } from '../team/merge-run';
import {
  makeReturnPackage,
  makeWorkPackage,
  packageOrigin,
  readPackage,
  readProjectFolder,
  unpackWorkPackage,
  type ReadPackage,
} from '../team/packages';
import { findById, type CoreState } from './context';
import {
  grantedOpenFile,
  grantedParentFolder,
  grantedProjectFolder,
  grantedSaveTarget,
} from './path-grants';

type TeamHandlers = Pick<
  Handlers,
  | 'identitySet'
  | 'teamMemberUpdate'
  | 'teamPackageMake'
  | 'teamOrigin'
  | 'teamReturnMake'
  | 'teamPackageOpen'
  | 'teamMergePreview'
  | 'teamMergeApply'
  | 'teamMergeUndo'
  | 'teamMergeUndoable'
  | 'teamMerges'
  | 'teamMergeReportExport'
>;

const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

/** A picked package: its bytes, from the upload or the path (a folder is another project). */
async function packageFrom(
  state: CoreState,
  args: {
    fileName: string;
    data?: string | undefined;
    path?: string | undefined;
  },
): Promise<ReadPackage> {
  if (args.data !== undefined) return readPackage(Buffer.from(args.data, 'base64'), args.fileName);
  const asked = resolve(args.path!);
  const info = await stat(asked).catch((error: unknown) => {
    throw toUserFsError(error, asked);
  });
  // A path from the renderer is read only when the user chose it in a dialog (path-grants.ts).
  if (info.isDirectory()) return readProjectFolder(await grantedProjectFolder(state, asked));
  return readPackage(await packageFileBytes(state, asked), basename(asked));
}

/**
 * The bytes of a package file the user chose in the open dialog, refused before it is read when
 * it is larger than a package can be.
 */
async function packageFileBytes(state: CoreState, asked: string): Promise<Buffer> {
  const path = grantedOpenFile(state, asked);
  const info = await stat(path).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
  checkSize(basename(path), info.size, MAX_PACKAGE_BYTES);
  return readFile(path).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
}

/** Teamwork without a server (issue 18). */
export function teamHandlers(state: CoreState): TeamHandlers {
  const { host } = state;
  /** The package read by the last preview, for the apply step. */
  let pending: { token: string; pkg: ReadPackage; projectDir: string } | null = null;
  /**
   * The last merge, the session it reopened the project in and that session's save count right
   * after it (for undo). Only that session, with no save since, may undo it: a project closed
   * and opened again may have been changed meanwhile (walk-through 9: its work was lost).
   */
  let lastMerge: { mergeId: string; saves: number; session: ProjectSession } | null = null;

  /** The merge that can still be undone: the last one, with nothing saved after it. */
  function undoableMerge(session: ProjectSession): string | null {
    const last = session.project.merges.at(-1);
    const untouched =
      lastMerge?.session === session &&
      session.saveCount === lastMerge.saves &&
      last?.id === lastMerge.mergeId &&
      Boolean(last.backupId);
    return untouched ? lastMerge!.mergeId : null;
  }

  async function reopen(dir: string) {
    const session = await openProject(dir, state.storeOptions);
    return state.adopt(session);
  }

  return {
    async identitySet({ name, initials }) {
      const settings = await host.settings.setIdentity(name, initials);
      const session = state.session;
      if (session && !session.isClosed) {
        const { id } = settings.evaluator;
        // Packages made from now on name the evaluator as they now call themselves.
        if (session.evaluator.id === id) session.renameEvaluator(settings.evaluator.name);
        await session.mutate((project) => {
          const member = project.evaluators.find((evaluator) => evaluator.id === id);
          if (member) {
            member.name = settings.evaluator.name;
            member.initials = settings.evaluator.initials;
          }
        });
      }
      return settings;
    },

    async teamMemberUpdate({ id, patch, baseRev }) {
      const session = state.requireSession();
      await session.mutate((project) => {
        const member = findById(project.evaluators, id, 'evaluator');
        session.rebase('evaluator', member, baseRev, member.name || member.id, (draft) => {
          Object.assign(
            draft,
            Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)),
          );
        });
      });
      return session.project.evaluators;
    },

    async teamPackageMake({ sourceIds, blind, forEvaluatorId, withNames, target }) {
      const session = state.requireSession();
      const { bytes } = await makeWorkPackage(session, {
        sourceIds,
        blind,
        forEvaluatorId,
        withNames,
      });
      const name = exportFileName(`${session.project.meta.title} – pacchetto`, 'campopkg');
      return deliverExport(bytes, name, grantedSaveTarget(state, target));
    },

    async teamOrigin() {
      const session = state.requireSession();
      const origin = await packageOrigin(session.dir);
      return origin ? { from: origin.createdBy.name, at: origin.createdAt } : null;
    },

    async teamReturnMake({ target }) {
      const session = state.requireSession();
      if (!(await packageOrigin(session.dir))) {
        throw new CampoError('NOT_RECEIVED', 'The project was opened from no work package');
      }
      const { bytes } = await makeReturnPackage(session);
      const who = session.evaluator.name || session.evaluator.id.slice(0, 8);
      const name = exportFileName(`${session.project.meta.title} – ${who}`, 'campopkg');
      return deliverExport(bytes, name, grantedSaveTarget(state, target));
    },

    async teamPackageOpen({ fileName, data, path, parentDir }) {
      const bytes =
        data !== undefined
          ? Buffer.from(data, 'base64')
          : await packageFileBytes(state, resolve(path!));
      const parent = grantedParentFolder(state, parentDir ?? host.defaultProjectsDir);
      const read = await readPackage(bytes, fileName);
      const title = `${read.manifest.title} – ${host.settings.evaluator.name || 'pacchetto'}`;
      let dir = join(parent, projectFolderName(title));
      for (
        let n = 2;
        await stat(dir).then(
          () => true,
          () => false,
        );
        n += 1
      ) {
        dir = join(parent, projectFolderName(`${title} (${n})`));
      }
      await unpackWorkPackage(bytes, fileName, dir);
      const session = await openProject(dir, state.storeOptions);
      const previous = state.session;
      if (previous && previous !== session) await previous.close();
      return state.adopt(session);
    },

    async teamMergePreview({ fileName, data, path, token, matches }) {
      const session = state.requireSession();
      let pkg: ReadPackage;
      if (token && pending?.token === token && pending.projectDir === session.dir)
        pkg = pending.pkg;
      else if (data !== undefined || path !== undefined)
        pkg = await packageFrom(state, { fileName, data, path });
      else throw new CampoError('NOT_FOUND', 'No package', { id: fileName });
      const next = pending?.pkg === pkg ? pending.token : randomUUID();
      pending = { token: next, pkg, projectDir: session.dir };
      const preview = await previewMerge(session, pkg, { matches });
      return { ...preview, token: next };
    },

    async teamMergeApply({ token, matches, decisions }) {
      const session = state.requireSession();
      if (pending?.token !== token || pending.projectDir !== session.dir) {
        throw new CampoError('NOT_FOUND', 'The package is no longer open', { id: token });
      }
      const outcome = await applyMerge(session, pending.pkg, { matches, decisions });
      pending = null;
      if (!outcome.written) {
        return {
          snapshot: { path: session.dir, project: session.project, notices: [] },
          report: outcome.report,
          mergeId: null,
        };
      }
      state.session = null;
      const snapshot = await reopen(session.dir);
      lastMerge = {
        mergeId: outcome.mergeId!,
        saves: state.session!.saveCount,
        session: state.session!,
      };
      return { snapshot, report: outcome.report, mergeId: outcome.mergeId };
    },

    async teamMergeUndo({ mergeId }) {
      const session = state.requireSession();
      const merge = findById(session.project.merges, mergeId, 'merge');
      if (undoableMerge(session) !== mergeId)
        throw new CampoError('MERGE_UNDO_REFUSED', 'Changed since the merge', { mergeId });
      await state.closeCurrent();
      await restoreBackup(session.dir, merge.backupId!, state.storeOptions);
      lastMerge = null;
      return reopen(session.dir);
    },

    async teamMergeUndoable() {
      return undoableMerge(state.requireSession());
    },

    async teamMerges() {
      const session = state.requireSession();
      return [...session.project.merges].reverse();
    },

    async teamMergeReportExport({ mergeId, target }) {
      const session = state.requireSession();
      const merge = findById(session.project.merges, mergeId, 'merge');
      const language = host.settings.settings.language;
      const t = translator(language);
      const sheets = mergeReportSheets(merge.report as unknown as TeamMergeReport, t);
      const bytes = await workbookToXlsx(sheets, language, { title: t('team.xlsx.title') });
      const name = exportFileName(
        `${session.project.meta.title} – ${t('team.xlsx.title')} ${merge.mergedAt.slice(0, 10)}`,
        'xlsx',
      );
      return deliverExport(bytes, name, grantedSaveTarget(state, target));
    },
  };
}
