import { useEffect, useId, useState } from 'react';
import { descendantIds } from '../../../shared/domain/codebook';
import type { CodeLinks } from '../../../shared/ipc/types';
import type { Code } from '../../../shared/model/project';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { attempt } from '../../stores/core-calls';
import { useProjectStore } from '../../stores/project-store';
import { CodeOptions } from './CodeOptions';
import { baseRevOf } from '../../stores/base-revision';

/** New code (with `parentId`) or edit of `code`: name, description, colour, place, DV, key. */
export function CodeEditorDialog({
  code,
  parentId = null,
  onClose,
}: {
  code?: Code;
  parentId?: string | null;
  onClose(): void;
}) {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot!.project);
  const run = useCodingStore((state) => state.run);
  const [name, setName] = useState(code?.name ?? '');
  const [description, setDescription] = useState(code?.description ?? '');
  const [colour, setColour] = useState(code?.colour ?? '');
  const [parent, setParent] = useState(code?.parentId ?? parentId ?? '');
  const [questionId, setQuestionId] = useState(code?.questionId ?? '');
  const [quickKey, setQuickKey] = useState(code?.quickKey ? String(code.quickKey) : '');
  const ids = { name: useId(), description: useId(), colour: useId(), parent: useId() };
  const qid = useId();
  const kid = useId();
  const locked = code?.followsQuestion ?? false;
  const excluded = code ? descendantIds(project.codes, code.id) : new Set<string>();

  const save = async () => {
    const fields = {
      description,
      ...(colour ? { colour } : {}),
      quickKey: quickKey ? Number(quickKey) : null,
      ...(locked ? {} : { name: name.trim(), questionId: questionId || null }),
    };
    if (!code) {
      const added = await run(() =>
        api().codeAdd({ ...fields, name: name.trim(), parentId: parent || null }),
      );
      if (added) onClose();
      return;
    }
    const baseRev = baseRevOf('code', code.id);
    const updated = await run(() => api().codeUpdate({ id: code.id, patch: fields, baseRev }));
    if (!updated) return;
    if ((code.parentId ?? '') !== parent) {
      const moved = await run(() =>
        api().codeMove({ id: code.id, parentId: parent || null, beforeId: null }),
      );
      if (!moved) return;
    }
    onClose();
  };

  return (
    <Dialog title={code ? t('codebook.editTitle') : t('codebook.newTitle')} onClose={onClose}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={ids.name}>{t('codebook.name')}</label>
          <input
            id={ids.name}
            value={name}
            required
            readOnly={locked}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
          {locked && <p className="hint">{t('codebook.followsQuestion')}</p>}
        </div>
        <div className="field">
          <label htmlFor={ids.description}>{t('codebook.description')}</label>
          <textarea
            id={ids.description}
            rows={3}
            value={description}
            onChange={(event) => setDescription(event.target.value)}
          />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor={ids.colour}>{t('codebook.colour')}</label>
            <input
              id={ids.colour}
              type="color"
              value={colour || '#4e79a7'}
              onChange={(event) => setColour(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={kid}>{t('codebook.quickKey')}</label>
            <select id={kid} value={quickKey} onChange={(event) => setQuickKey(event.target.value)}>
              <option value="">{t('codebook.noQuickKey')}</option>
              {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((key) => (
                <option key={key} value={key}>
                  {key}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={ids.parent}>{t('codebook.parent')}</label>
          <select
            id={ids.parent}
            value={parent}
            onChange={(event) => setParent(event.target.value)}
          >
            <option value="">{t('codebook.topLevel')}</option>
            <CodeOptions codes={project.codes} exclude={excluded} />
          </select>
        </div>
        {!locked && (
          <div className="field">
            <label htmlFor={qid}>{t('codebook.question')}</label>
            <select id={qid} value={questionId} onChange={(e) => setQuestionId(e.target.value)}>
              <option value="">{t('codebook.noQuestion')}</option>
              {project.questions.map((question) => (
                <option key={question.id} value={question.id}>
                  {question.code} – {question.text.slice(0, 70)}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {t('app.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** The counts of what a delete or a merge affects, loaded when the dialog opens. */
function useCodeLinks(id: string): CodeLinks | null {
  const [links, setLinks] = useState<CodeLinks | null>(null);
  useEffect(() => {
    void attempt(() => api().codeLinks({ id })).then(setLinks);
  }, [id]);
  return links;
}

/** Merges `code` into another code chosen here, saying how many codings move. */
export function MergeCodeDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const t = useT();
  const codes = useProjectStore((state) => state.snapshot!.project.codes);
  const run = useCodingStore((state) => state.run);
  const links = useCodeLinks(code.id);
  const [into, setInto] = useState('');
  const id = useId();
  const excluded = descendantIds(codes, code.id);
  return (
    <Dialog title={t('codebook.mergeTitle', { name: code.name })} onClose={onClose}>
      <div className="field">
        <label htmlFor={id}>{t('codebook.mergeInto')}</label>
        <select id={id} value={into} onChange={(event) => setInto(event.target.value)}>
          <option value="">{t('codebook.chooseCode')}</option>
          <CodeOptions codes={codes} exclude={excluded} />
        </select>
      </div>
      {links && <p>{t('codebook.mergeExplain', { n: links.codings, subcodes: links.subcodes })}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!into}
          onClick={() =>
            void run(() => api().codeMerge({ fromId: code.id, intoId: into })).then(
              (done) => done && onClose(),
            )
          }
        >
          {t('codebook.merge')}
        </button>
      </div>
    </Dialog>
  );
}

/** Asks before deleting a code, with the number of codings and sub-codes that go with it. */
export function DeleteCodeDialog({ code, onClose }: { code: Code; onClose(): void }) {
  const t = useT();
  const run = useCodingStore((state) => state.run);
  const links = useCodeLinks(code.id);
  return (
    <ConfirmDialog
      title={t('codebook.deleteTitle', { name: code.name })}
      confirmLabel={t('app.delete')}
      danger
      onCancel={onClose}
      onConfirm={() =>
        void run(() => api().codeDelete({ id: code.id })).then((done) => done && onClose())
      }
    >
      {links ? (
        <p>
          {t('codebook.deleteExplain', {
            n: links.codings,
            sources: links.sources,
            subcodes: links.subcodes,
          })}
        </p>
      ) : (
        <p className="muted">{t('app.loading')}</p>
      )}
      <p className="hint">{t('codebook.deleteUndo')}</p>
    </ConfirmDialog>
  );
}
