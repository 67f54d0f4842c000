import type { Handlers } from '../../../shared/ipc/contract';
import { CampoError } from '../../../shared/ipc/errors';
import { buildReport } from '../../../shared/report/build-report';
import { readExportCorpus, refuseUnreadable } from '../coding/export-corpus';
import {
  deliverExport,
  exportFileName,
  renderReport,
  renderWorkbook,
  todayIso,
} from '../export/export-files';
import type { CoreState } from './context';
import { grantedSaveTarget } from './path-grants';

type ExportHandlers = Pick<
  Handlers,
  'reportSettingsSave' | 'reportOutline' | 'reportExport' | 'workbookExport' | 'dialogSavePath'
>;

/** Report drafts and workbooks of the open project, written to a path or handed back as bytes. */
export function exportHandlers(state: CoreState): ExportHandlers {
  const { host } = state;
  return {
    async reportSettingsSave({ settings, baseRev }) {
      const session = state.requireSession();
      const kept = { ...settings, includeNames: false };
      await session.mutate((draft) => {
        const current = draft.report as (typeof draft.report & { id: string }) | null;
        if (!current) draft.report = kept;
        else {
          session.rebase('report', current, baseRev, draft.meta.title, (report) => {
            Object.assign(report, kept);
          });
        }
      });
      return session.project.report ?? kept;
    },
    async reportOutline({ settings }) {
      const session = state.requireSession();
      const { corpus, agreementInput, unreadable } = await readExportCorpus(session, 'key');
      const model = buildReport({
        project: session.project,
        corpus,
        agreementInput,
        settings,
        today: todayIso(),
      });
      const count = (kind: string) => model.blocks.filter((block) => block.kind === kind).length;
      return {
        headings: model.blocks.flatMap((block) =>
          block.kind === 'heading' ? [{ level: block.level, text: block.text }] : [],
        ),
        tables: count('table'),
        figures: count('chart'),
        quotations: count('quotation'),
        unreadable,
      };
    },
    async reportExport({ settings, target }) {
      const session = state.requireSession();
      const path = grantedSaveTarget(state, target);
      const progress = (fraction: number) =>
        host.emit('exportProgress', { kind: 'docx', fraction });
      progress(0);
      // Reading the sources is the longer half at 3,000 transcripts; writing is the other.
      const { corpus, agreementInput, unreadable } = await readExportCorpus(
        session,
        'key',
        (done, total) => progress((0.5 * done) / total),
      );
      refuseUnreadable(unreadable);
      const bytes = await renderReport(
        { project: session.project, corpus, agreementInput },
        settings,
        (fraction) => progress(0.5 + 0.5 * fraction),
      );
      const title = settings.title.trim() || session.project.meta.title;
      const result = await deliverExport(bytes, exportFileName(title, 'docx'), path);
      progress(1);
      return result;
    },
    async workbookExport({ language, target }) {
      const session = state.requireSession();
      const path = grantedSaveTarget(state, target);
      const progress = (fraction: number) =>
        host.emit('exportProgress', { kind: 'xlsx', fraction });
      progress(0);
      // At 3,000 transcripts reading takes about two thirds of the time, writing the rest.
      const { corpus, agreementInput, unreadable } = await readExportCorpus(
        session,
        'all',
        (done, total) => progress((0.65 * done) / total),
      );
      refuseUnreadable(unreadable);
      const bytes = await renderWorkbook(
        { project: session.project, corpus, agreementInput },
        language,
        (fraction) => progress(0.65 + 0.35 * fraction),
      );
      const result = await deliverExport(
        bytes,
        exportFileName(session.project.meta.title, 'xlsx'),
        path,
      );
      progress(1);
      return result;
    },
    async dialogSavePath({ fileName, extension }) {
      if (!host.pickSavePath) {
        throw new CampoError('UNSUPPORTED', 'This host has no native dialogs');
      }
      const picked = await host.pickSavePath(fileName, extension);
      if (picked) state.grants.grant('save-file', picked);
      return picked;
    },
  };
}
