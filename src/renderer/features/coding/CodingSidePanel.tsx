import { useMemo } from 'react';
import { codingsAt } from '../../../shared/domain/coding';
import { passageVoices } from '../../../shared/domain/passage-voices';
import { turnLabelText } from '../../../shared/domain/turn-labels';
import { formatDateTime } from '../../../shared/i18n';
import type { Code } from '../../../shared/model/project';
import type { Coding, SourceFile } from '../../../shared/model/source';
import { TextField } from '../../components/fields';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';
import { CodePicker } from './CodePicker';
import { SourceMemos } from './SourceMemos';

/** Back to the text, as after a quick key: the next passage, Ctrl+Z, are keys away. */
function focusText(): void {
  document.querySelector<HTMLElement>('[data-testid="coding-text"]')?.focus();
}

/** Right of the text: code the selection, or see and edit the codings under a click. */
export function CodingSidePanel() {
  const t = useT();
  const { sourceId, selection, inspectedAt, apply, inVivo, createAndApply } = useCodingStore();
  const source = useSourcesStore((state) => (sourceId ? state.loaded[sourceId] : undefined));
  const codes = useProjectStore((state) => state.snapshot?.project.codes) ?? [];
  if (!source) return <aside className="coding-side" aria-label={t('coding.sidePanel')} />;
  const inspected = inspectedAt === null ? [] : codingsAt(source.codings, inspectedAt);
  const pinned = codes
    .filter((code) => code.quickKey !== null)
    .sort((a, b) => a.quickKey! - b.quickKey!);
  return (
    <aside className="coding-side" aria-label={t('coding.sidePanel')}>
      {selection ? (
        <section aria-label={t('coding.selection')}>
          <h3>{t('coding.selection')}</h3>
          <blockquote className="selection-preview">
            {clip(source.text.slice(selection.start, selection.end))}
          </blockquote>
          <SelectionVoices source={source} start={selection.start} end={selection.end} />
          {pinned.length > 0 && (
            <p className="hint">
              {pinned.map((code) => (
                <span key={code.id} className="quick-key">
                  <kbd>{code.quickKey}</kbd> {code.name}
                </span>
              ))}
            </p>
          )}
          <CodePicker
            codes={codes}
            label={t('coding.applyCode')}
            onPick={(c) => void apply(c.id)}
            onCreate={(name) => void createAndApply(name)}
            onLeave={focusText}
          />
          <button type="button" onClick={() => void inVivo(null)}>
            {t('coding.inVivo')}
          </button>
        </section>
      ) : inspected.length === 0 ? (
        <p className="muted">{t('coding.selectHint')}</p>
      ) : null}
      {inspected.length > 0 && (
        <section aria-label={t('coding.details')}>
          <h3>{t('coding.details')}</h3>
          {inspected.map((coding) => (
            <CodingDetails
              key={coding.id}
              coding={coding}
              code={codes.find((c) => c.id === coding.codeId)}
              source={source}
            />
          ))}
        </section>
      )}
      <SourceMemos source={source} />
    </aside>
  );
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 400 ? `${flat.slice(0, 200)} … ${flat.slice(-180)}` : flat;
}

/** One coding under the click: code, coder, time, memo, key quotation, boundaries, uncode. */
function CodingDetails({
  coding,
  code,
  source,
}: {
  coding: Coding;
  code?: Code;
  source: SourceFile;
}) {
  const t = useT();
  const language = useLanguage();
  const { adjusting, startAdjust, updateCoding, removeCoding } = useCodingStore();
  const coderName = useProjectStore(
    (state) =>
      state.snapshot?.project.evaluators.find((evaluator) => evaluator.id === coding.coderId)?.name,
  );
  const current = source.text.slice(coding.start, coding.end);
  return (
    <article className="coding-card" aria-label={code?.name ?? ''}>
      <header>
        <strong>
          <span className="swatch" style={{ background: code?.colour }} />
          {code?.name ?? t('coding.unknownCode')}
        </strong>
        <label className="key-toggle">
          <input
            type="checkbox"
            checked={coding.key}
            onChange={(event) => void updateCoding(coding.id, { key: event.target.checked })}
          />
          {t('coding.keyQuotation')}
        </label>
      </header>
      <p className="muted">
        {t('coding.codedBy', {
          coder: coderName || '—',
          at: formatDateTime(coding.createdAt, language),
        })}
      </p>
      {coding.textChanged ? (
        <div className="notice-warning">
          <p>{t('coding.textChangedExplain', { old: coding.text, now: current })}</p>
          <button
            type="button"
            onClick={() => void updateCoding(coding.id, { start: coding.start, end: coding.end })}
          >
            {t('coding.acceptText')}
          </button>
        </div>
      ) : (
        <blockquote>{clip(coding.text)}</blockquote>
      )}
      {adjusting === coding.id && (
        <p className="hint" role="status">
          {t('coding.setBoundsHint')}
        </p>
      )}
      <TextField
        label={t('coding.memo')}
        value={coding.memo}
        multiline
        onCommit={(memo) => updateCoding(coding.id, { memo })}
      />
      <div className="button-row">
        <button
          type="button"
          aria-pressed={adjusting === coding.id}
          onClick={() => startAdjust(adjusting === coding.id ? null : coding.id)}
        >
          {t('coding.setBounds')}
        </button>
        <button type="button" className="danger" onClick={() => void removeCoding(coding.id)}>
          {t('coding.uncode')}
        </button>
      </div>
    </article>
  );
}

/**
 * A selection across speaker turns says whose words it holds: coded as one passage, it is one
 * passage of several voices (walk-through 11: a facilitator's question read as a participant's).
 */
function SelectionVoices({
  source,
  start,
  end,
}: {
  source: SourceFile;
  start: number;
  end: number;
}) {
  const t = useT();
  const participants = useProjectStore((state) => state.snapshot?.project.participants);
  const voices = useMemo(() => {
    const pseudonyms = new Map((participants ?? []).map((p) => [p.id, p.code]));
    return passageVoices(source.turns, start, end, pseudonyms);
  }, [participants, source.turns, start, end]);
  if (voices.length < 2) return null;
  return (
    <p className="hint selection-voices" role="note">
      {t('coding.selectionVoices', {
        count: voices.length,
        list: voices.map((voice) => turnLabelText(voice.label, t)).join(' → '),
      })}
    </p>
  );
}
