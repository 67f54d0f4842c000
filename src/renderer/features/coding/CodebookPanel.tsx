import { useMemo, useRef, useState } from 'react';
import { decodeText } from '../../../shared/domain/text-decoding';
import { codeTreeOrder } from '../../../shared/domain/codebook';
import { foldAccents } from '../../../shared/domain/folding';
import { formatNumber } from '../../../shared/i18n';
import type { CodebookImportPreview } from '../../../shared/ipc/contract-exchange';
import type { Code } from '../../../shared/model/project';
import { api } from '../../api/client';
import { deliverFile, readFileForUpload, type FileUpload } from '../../api/files';
import { FilePickButton } from '../../components/FilePickButton';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useCodingStore } from '../../stores/coding-store';
import { attempt } from '../../stores/core-calls';
import { useProjectStore } from '../../stores/project-store';
import { CodebookImportDialog } from './CodebookImportDialog';
import { CodeEditorDialog, DeleteCodeDialog, MergeCodeDialog } from './CodeDialogs';
import { codebookActions } from '../../stores/codebook-actions';
import { rovingStep } from '../../components/roving-step';

const NO_CODES: Code[] = [];

type Editing =
  | { kind: 'new'; parentId: string | null }
  | { kind: 'edit' | 'merge' | 'delete'; code: Code }
  | { kind: 'import'; upload: FileUpload; preview: CodebookImportPreview }
  | null;

/**
 * The codebook as a tree with the number of codings of each code. Drag a code onto another to
 * put it below, or onto "top level"; the selected code's actions are under the tree.
 */
export function CodebookPanel() {
  const t = useT();
  const language = useLanguage();
  const codes = useProjectStore((state) => state.snapshot?.project.codes) ?? NO_CODES;
  const counts = useCodingStore((state) => state.counts);
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const selected = codes.find((code) => code.id === selectedId) ?? null;

  const rows = useMemo(() => {
    const wanted = foldAccents(filter.trim());
    return codeTreeOrder(codes).filter(
      ({ code }) => wanted === '' || foldAccents(code.name).includes(wanted),
    );
  }, [codes, filter]);
  // One Tab stop for the whole tree (the selected code, else the first); arrows move.
  const tabStopId = rows.some((row) => row.code.id === selectedId) ? selectedId : rows[0]?.code.id;

  const move = (id: string, parentId: string | null) => {
    setDragged(null);
    if (id !== parentId) void codebookActions.move(id, parentId);
  };

  const exportCsv = async () => {
    const file = await attempt(() => api().codebookExport({}));
    if (!file) return;
    const native = useAppStore.getState().info?.nativeDialogs ?? false;
    const saved = await attempt(() =>
      deliverFile(file.fileName, file.csv, native, (upload) => api().dialogSaveFile(upload)),
    );
    if (saved) useAppStore.getState().notify('success', { key: 'codebook.exported' });
  };

  // A REFI-QDA codebook is shown before it is merged (see CodebookImportDialog).
  const importQdc = async (file: File) => {
    const upload = await attempt(() => readFileForUpload(file));
    const preview = upload && (await attempt(() => api().qdcInspect(upload)));
    if (upload && preview) setEditing({ kind: 'import', upload, preview });
  };

  const importCsv = async (file: File) => {
    // Decoded as the transcripts are: Italian Excel saves CSV in Windows-1252, not UTF-8.
    const { text: csv } = decodeText(new Uint8Array(await file.arrayBuffer()));
    const result = await codebookActions.importCsv(csv);
    if (!result) return;
    const { added, updated, problems } = result;
    const count = (kind: string) => problems.filter((p) => p.problem === kind).length;
    if (count('no-header') > 0) {
      useAppStore.getState().notify('error', { key: 'codebook.importNoHeader' });
      return;
    }
    useAppStore.getState().notify('success', {
      key: 'codebook.imported',
      params: { added, updated },
    });
    if (problems.length > 0) {
      useAppStore.getState().notify('info', {
        key: 'codebook.importProblems',
        params: {
          unknown: count('unknown-question'),
          colour: count('bad-colour'),
          noName: count('missing-name'),
        },
      });
    }
  };

  return (
    <section className="codebook" aria-label={t('codebook.title')}>
      <header className="codebook-header">
        <h2>{t('codebook.title')}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => setEditing({ kind: 'new', parentId: null })}
        >
          {t('codebook.new')}
        </button>
      </header>
      <input
        type="search"
        aria-label={t('codebook.filter')}
        placeholder={t('codebook.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <div
        className={dragged ? 'codebook-root drop-target' : 'codebook-root'}
        onDragOver={(event) => dragged && event.preventDefault()}
        onDrop={() => dragged && move(dragged, null)}
      >
        {t('codebook.topLevel')}
      </div>
      {codes.length === 0 && <p className="hint">{t('codebook.empty')}</p>}
      {codes.length > 0 && rows.length === 0 && <p className="hint">{t('codebook.noMatch')}</p>}
      <ul className="code-tree" role="tree" aria-label={t('codebook.title')}>
        {rows.map(({ code, depth }, index) => {
          const count = counts[code.id];
          return (
            <li
              key={code.id}
              role="treeitem"
              aria-selected={code.id === selectedId}
              aria-level={depth + 1}
              tabIndex={code.id === tabStopId ? 0 : -1}
              draggable
              className={code.id === selectedId ? 'code-row selected' : 'code-row'}
              style={{ paddingLeft: 8 + depth * 16 }}
              onClick={() => setSelectedId(code.id)}
              onDoubleClick={() => setEditing({ kind: 'edit', code })}
              onKeyDown={(event) => {
                if (event.key === 'Enter') setEditing({ kind: 'edit', code });
                if (event.key === 'Delete') setEditing({ kind: 'delete', code });
                const target = rovingStep(event.key, index, rows.length, TREE_KEYS);
                if (target === null) return;
                event.preventDefault();
                setSelectedId(rows[target]!.code.id);
                const items = event.currentTarget.parentElement?.children;
                (items?.[target] as HTMLElement | undefined)?.focus();
              }}
              onDragStart={() => setDragged(code.id)}
              onDragEnd={() => setDragged(null)}
              onDragOver={(event) => dragged && dragged !== code.id && event.preventDefault()}
              onDrop={(event) => {
                event.stopPropagation();
                if (dragged) move(dragged, code.id);
              }}
            >
              <span className="swatch" style={{ background: code.colour }} />
              <span className="code-name" title={code.description || undefined}>
                {code.name}
              </span>
              {code.quickKey !== null && <kbd>{code.quickKey}</kbd>}
              <span className="count" title={t('codebook.countTitle')}>
                {formatNumber(count?.codingsWithChildren ?? 0, language)}
              </span>
            </li>
          );
        })}
      </ul>
      {selected && (
        <div className="button-row" aria-label={t('codebook.actionsFor', { name: selected.name })}>
          <button type="button" onClick={() => setEditing({ kind: 'edit', code: selected })}>
            {t('codebook.edit')}
          </button>
          <button type="button" onClick={() => setEditing({ kind: 'new', parentId: selected.id })}>
            {t('codebook.subcode')}
          </button>
          {!selected.followsQuestion && (
            <>
              <button type="button" onClick={() => setEditing({ kind: 'merge', code: selected })}>
                {t('codebook.merge')}
              </button>
              <button
                type="button"
                className="danger"
                onClick={() => setEditing({ kind: 'delete', code: selected })}
              >
                {t('app.delete')}
              </button>
            </>
          )}
        </div>
      )}
      <div className="button-row">
        <button type="button" onClick={() => void exportCsv()}>
          {t('codebook.export')}
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('codebook.import')}
        </button>
        <FilePickButton
          label={t('exchange.importQdc')}
          accept=".qdc,.qdpx"
          onFile={(file) => void importQdc(file)}
        />
        <input
          ref={fileInput}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label={t('codebook.import')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importCsv(file);
          }}
        />
      </div>
      {editing?.kind === 'new' && (
        <CodeEditorDialog parentId={editing.parentId} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'edit' && (
        <CodeEditorDialog code={editing.code} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'merge' && (
        <MergeCodeDialog code={editing.code} onClose={() => setEditing(null)} />
      )}
      {editing?.kind === 'import' && (
        <CodebookImportDialog
          upload={editing.upload}
          preview={editing.preview}
          onClose={() => setEditing(null)}
        />
      )}
      {editing?.kind === 'delete' && (
        <DeleteCodeDialog code={editing.code} onClose={() => setEditing(null)} />
      )}
    </section>
  );
}

/** A tree's rows run top to bottom, and stop at either end. */
const TREE_KEYS = { previous: 'ArrowUp', next: 'ArrowDown', wrap: false };
