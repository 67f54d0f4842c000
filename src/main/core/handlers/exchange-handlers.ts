import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import { IMPORT_LIMITS, checkSize } from '../import/limits';
import { toUserFsError } from '../store/fs-errors';
import type { Handlers } from '../../../shared/ipc/contract';
import {
  importQdpx,
  inspectQdpx,
  mergeRefiCodebook,
  previewRefiCodebook,
  type CodebookImportResult,
} from '../exchange/qdpx-import';
import { readCodebook } from '../exchange/qdpx-read';
import { qdcFile, qdpxArchive } from '../exchange/qdpx-export';
import { deliverExport, exportFileName } from '../export/export-files';
import type { CoreState } from './context';
import { grantedOpenFile, grantedParentFolder, grantedSaveTarget } from './path-grants';

type ExchangeHandlers = Pick<
  Handlers,
  | 'qdpxExport'
  | 'qdcExport'
  | 'qdpxInspect'
  | 'qdpxImport'
  | 'qdcInspect'
  | 'qdcImport'
  | 'dialogOpenFile'
>;

/** A file the user picked in the native dialog, size-checked before it is read. */
async function readUpload(path: string): Promise<Buffer> {
  const info = await stat(path).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
  checkSize(basename(path), info.size, IMPORT_LIMITS.archiveBytes);
  return readFile(path).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
}

/** An uploaded file's bytes, refused above the archive cap like a file read from a path. */
function uploaded(fileName: string, data: string): Buffer {
  const bytes = Buffer.from(data, 'base64');
  checkSize(basename(fileName), bytes.length, IMPORT_LIMITS.archiveBytes);
  return bytes;
}

/** REFI-QDA: the open project out as .qdpx/.qdc, a .qdpx in as a new project, a .qdc merged. */
export function exchangeHandlers(state: CoreState): ExchangeHandlers {
  const { host } = state;
  return {
    async qdpxExport({ target }) {
      const session = state.requireSession();
      const path = grantedSaveTarget(state, target);
      host.emit('exportProgress', { kind: 'qdpx', fraction: 0 });
      const { bytes } = await qdpxArchive({
        project: session.project,
        readSource: (id) => session.scanSource(id),
        userName:
          session.project.evaluators.find((member) => member.id === session.evaluator.id)?.name ??
          '',
        onProgress: (done, total) =>
          host.emit('exportProgress', { kind: 'qdpx', fraction: (0.95 * done) / total }),
      });
      const name = exportFileName(session.project.meta.title, 'qdpx');
      const result = await deliverExport(bytes, name, path);
      host.emit('exportProgress', { kind: 'qdpx', fraction: 1 });
      return result;
    },
    async qdcExport({ target }) {
      const session = state.requireSession();
      const path = grantedSaveTarget(state, target);
      const name = exportFileName(session.project.meta.title, 'qdc');
      return deliverExport(qdcFile(session.project), name, path);
    },
    async qdpxInspect({ fileName, data, path, unit }) {
      const bytes = path
        ? await readUpload(grantedOpenFile(state, path, { keep: true }))
        : uploaded(fileName, data ?? '');
      return inspectQdpx({ bytes, fileName, ...(unit ? { unit } : {}) });
    },
    async qdpxImport({ fileName, data, path, parentDir, unit }) {
      const bytes = path
        ? await readUpload(grantedOpenFile(state, path))
        : uploaded(fileName, data ?? '');
      const { session, summary } = await importQdpx(
        {
          bytes,
          fileName,
          parentDir: grantedParentFolder(state, parentDir ?? host.defaultProjectsDir),
          ...(unit ? { unit } : {}),
          onProgress: (fraction) => host.emit('exportProgress', { kind: 'qdpx-import', fraction }),
        },
        state.storeOptions,
      );
      const previous = state.session;
      if (previous && previous !== session) await previous.close();
      const snapshot = await state.adopt(session);
      const { units: _units, projectPath: _path, ...shown } = summary;
      return { snapshot, summary: shown };
    },
    async dialogOpenFile({ extensions }) {
      if (!host.pickOpenFile)
        throw new CampoError('UNSUPPORTED', 'This host has no native dialogs');
      const picked = await host.pickOpenFile(extensions);
      if (picked) state.grants.grant('open-file', picked);
      return picked;
    },
    async qdcInspect({ fileName, data }) {
      const session = state.requireSession();
      const codebook = await readCodebook(Buffer.from(data, 'base64'), fileName);
      return previewRefiCodebook(session.project, codebook);
    },
    async qdcImport({ fileName, data }) {
      const session = state.requireSession();
      const codebook = await readCodebook(Buffer.from(data, 'base64'), fileName);
      let result: CodebookImportResult = { added: 0, existing: 0, groups: [] };
      // One undoable step: Ctrl+Z takes the whole import back.
      await state.history().record(fileName, async (change) => {
        await change.editProject((draft) => {
          result = mergeRefiCodebook(draft, codebook);
        });
      });
      return { ...result, codes: session.project.codes };
    },
  };
}
