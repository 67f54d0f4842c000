import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import { checkSize } from '../import/limits';
import { toUserFsError } from '../store/fs-errors';
import type { Handlers } from '../../../shared/ipc/contract';
import type { SourceFile } from '../../../shared/model/source';
import { coderName } from '../coding/coder';
import { importCodebookInto, importQdpx } from '../exchange/qdpx-import';
import { qdcFile, qdpxArchive } from '../exchange/qdpx-export';
import { deliverExport, exportFileName } from '../export/export-files';
import type { ProjectSession } from '../store/project-session';
import type { CoreState } from './context';

type ExchangeHandlers = Pick<
  Handlers,
  'qdpxExport' | 'qdcExport' | 'qdpxImport' | 'qdcImport' | 'dialogOpenFile'
>;

/** Largest archive read from a path: what the contract lets a browser upload. */
const MAX_ARCHIVE_BYTES = 200 * 1024 * 1024;

/** A file the user picked in the native dialog, size-checked before it is read. */
async function readUpload(path: string): Promise<Buffer> {
  const info = await stat(path).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
  checkSize(basename(path), info.size, MAX_ARCHIVE_BYTES);
  return readFile(path).catch((error: unknown) => {
    throw toUserFsError(error, path);
  });
}

/** Every readable source of the project, in project order. */
export async function readAllSources(session: ProjectSession): Promise<SourceFile[]> {
  const sources: SourceFile[] = [];
  for (const summary of session.project.sources) {
    const source = await session.readSource(summary.id).catch(() => null);
    if (source) sources.push(source);
  }
  return sources;
}

/** REFI-QDA: the open project out as .qdpx/.qdc, a .qdpx in as a new project, a .qdc merged. */
export function exchangeHandlers(state: CoreState): ExchangeHandlers {
  const { host } = state;
  return {
    async qdpxExport({ target }) {
      const session = state.requireSession();
      host.emit('exportProgress', { kind: 'qdpx', fraction: 0 });
      const sources = await readAllSources(session);
      host.emit('exportProgress', { kind: 'qdpx', fraction: 0.5 });
      const { bytes } = await qdpxArchive({
        project: session.project,
        sources,
        userName: coderName(),
      });
      const name = exportFileName(session.project.meta.title, 'qdpx');
      const result = await deliverExport(bytes, name, target);
      host.emit('exportProgress', { kind: 'qdpx', fraction: 1 });
      return result;
    },
    async qdcExport({ target }) {
      const session = state.requireSession();
      const name = exportFileName(session.project.meta.title, 'qdc');
      return deliverExport(qdcFile(session.project), name, target);
    },
    async qdpxImport({ fileName, data, path, parentDir }) {
      const bytes = path ? await readUpload(path) : Buffer.from(data ?? '', 'base64');
      const { session, summary } = await importQdpx(
        {
          bytes,
          fileName,
          parentDir: resolve(parentDir ?? host.defaultProjectsDir),
          onProgress: (fraction) => host.emit('exportProgress', { kind: 'qdpx-import', fraction }),
        },
        state.storeOptions,
      );
      const previous = state.session;
      if (previous && previous !== session) await previous.close();
      const snapshot = await state.adopt(session);
      return {
        snapshot,
        summary: {
          codes: summary.codes,
          sources: summary.sources,
          codings: summary.codings,
          unplaced: summary.unplaced,
          cases: summary.cases,
          skippedSources: summary.skippedSources,
        },
      };
    },
    async dialogOpenFile({ extensions }) {
      if (!host.pickOpenFile)
        throw new CampoError('UNSUPPORTED', 'This host has no native dialogs');
      return host.pickOpenFile(extensions);
    },
    async qdcImport({ fileName, data }) {
      const session = state.requireSession();
      const result = await importCodebookInto(session, {
        bytes: Buffer.from(data, 'base64'),
        fileName,
      });
      return { ...result, codes: session.project.codes };
    },
  };
}
