import { useEffect, useRef } from 'react';
import type { Resolution } from '../../../shared/domain/agreement-disagreements';
import type { Span } from '../../../shared/domain/agreement-spans';
import { turnLabelText } from '../../../shared/domain/turn-labels';
import type { DisagreementView } from '../../../shared/ipc/contract-agreement';
import { isTypingTarget } from '../../components/keyboard';
import { useT } from '../../i18n/use-t';
import { disagreementKey, useAgreementStore } from '../../stores/agreement-store';
import { useAppStore } from '../../stores/app-store';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { codeLabel, coderLabel } from './agreement-labels';

/** Keys that accept the first, second … coder's version (E and N are taken by both / neither). */
const CODER_KEYS = ['a', 'b', 'c', 'd', 'f', 'g'];

/** The passage with `spans` (absolute offsets) marked. */
function MarkedPassage({
  item,
  spans,
  colour,
}: {
  item: DisagreementView;
  spans: Span[];
  colour: string;
}) {
  const t = useT();
  const parts: Array<{ text: string; marked: boolean }> = [];
  let at = item.start;
  for (const span of spans) {
    if (span.start > at)
      parts.push({
        text: item.text.slice(at - item.start, span.start - item.start),
        marked: false,
      });
    parts.push({
      text: item.text.slice(span.start - item.start, span.end - item.start),
      marked: true,
    });
    at = span.end;
  }
  if (at < item.end) parts.push({ text: item.text.slice(at - item.start), marked: false });
  // A pseudonym, a role («Intervistatore») or «Voce n»: never a name from the file.
  const speaker = turnLabelText(item.speaker, t);
  return (
    <p className="disagreement-text">
      {speaker && <strong className="disagreement-speaker">{speaker}: </strong>}
      <span className="muted">{item.before}</span>
      {parts.map((part, i) =>
        part.marked ? (
          <mark key={i} style={{ background: `${colour}40`, borderBottom: `2px solid ${colour}` }}>
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
      <span className="muted">{item.after}</span>
    </p>
  );
}

/**
 * The passages where the chosen coders differ, one at a time, each coder's version side by side
 * with the consensus so far. A, B … accept a coder's version, E all of them, N neither; ↑ ↓ move;
 * O opens the passage in the text. A decision moves on to the next passage still to decide.
 * Every decision is a change of the consensus layer, undone by Ctrl+Z.
 */
export function DisagreementBrowser({
  onOpen,
}: {
  onOpen: (sourceId: string, at: number) => void;
}) {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot!.project);
  const { disagreements, total, index, loadDisagreements, move, advance, select, resolve } =
    useAgreementStore();
  const version = useCodingStore((state) => state.version);
  const notify = useAppStore((state) => state.notify);
  const listRef = useRef<HTMLOListElement>(null);
  const label = coderLabel(project, t);
  const code = codeLabel(project);
  const colours = new Map(project.codes.map((c) => [c.id, c.colour]));
  const item = disagreements[index];

  useEffect(() => {
    void loadDisagreements();
  }, [loadDisagreements, version]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const decide = async (resolution: Resolution) => {
    if (!item) return;
    const done = await resolve(resolution);
    if (!done) return;
    notify('info', {
      key: item.decided ? 'agreement.ui.redecided' : 'agreement.ui.decided',
      params: { code: code(item.codeId) },
    });
    advance();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const pressed = event.key.toLowerCase();
      const current =
        useAgreementStore.getState().disagreements[useAgreementStore.getState().index];
      let handled = true;
      if (pressed === 'arrowdown' || pressed === 'j') move(1);
      else if (pressed === 'arrowup' || pressed === 'k') move(-1);
      else if (pressed === 'e') void decide('all');
      else if (pressed === 'n') void decide('none');
      else if (pressed === 'o' && current) onOpen(current.sourceId, current.start);
      else if (CODER_KEYS.includes(pressed) && current) {
        const version = current.versions[CODER_KEYS.indexOf(pressed)];
        if (version) void decide({ accept: version.coderId });
        else handled = false;
      } else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (disagreements.length === 0) return <p className="empty">{t('agreement.ui.none')}</p>;
  const colour = item ? (colours.get(item.codeId) ?? '#0b6e69') : '#0b6e69';
  const keys = (item?.versions ?? [])
    .map((v, i) => `${CODER_KEYS[i]?.toUpperCase()} ${label(v.coderId)}`)
    .join(', ');

  return (
    <div className="disagreements">
      <nav className="disagreement-list" aria-label={t('agreement.ui.list')}>
        <p className="muted">{t('agreement.ui.count', { shown: disagreements.length, total })}</p>
        <ol ref={listRef} role="listbox" aria-label={t('agreement.ui.list')}>
          {disagreements.map((d, i) => (
            <li
              key={disagreementKey(d)}
              role="option"
              aria-selected={i === index}
              className={d.decided ? 'decided' : undefined}
              onClick={() => select(i)}
            >
              <strong>{code(d.codeId)}</strong> <span className="muted">· {d.sourceTitle}</span>
              <br />
              <span className="disagreement-snippet">{d.text.slice(0, 80)}</span>
              <span className="chip-status">
                {d.decided ? t('agreement.ui.status.decided') : t('agreement.ui.status.open')}
              </span>
            </li>
          ))}
        </ol>
      </nav>
      {item && (
        <article className="disagreement-detail" aria-live="polite">
          <header>
            <h3>
              {t('agreement.ui.position', { n: index + 1, total: disagreements.length })} ·{' '}
              {code(item.codeId)} · {item.sourceTitle}
            </h3>
            <p className="muted">
              {t(
                item.kind === 'presence'
                  ? 'agreement.disagreement.presence'
                  : 'agreement.disagreement.extent',
              )}
            </p>
            {/* The same passage under another code: the other half of a «DV1 or DV2» choice. */}
            {item.otherCodes.length > 0 && (
              <p className="hint">
                {t('agreement.ui.otherCodes', {
                  list: item.otherCodes
                    .map((other) => `${label(other.coderId)}: ${code(other.codeId)}`)
                    .join(' · '),
                })}
              </p>
            )}
          </header>
          <div className="disagreement-columns">
            {item.versions.map((version, i) => (
              <section
                key={version.coderId}
                className="disagreement-version"
                aria-label={label(version.coderId)}
              >
                <h4>
                  {label(version.coderId)}
                  {version.coverage.length === 0 && (
                    <span className="muted"> · {t('agreement.ui.notCoded')}</span>
                  )}
                </h4>
                <MarkedPassage item={item} spans={version.coverage} colour={colour} />
                <button
                  type="button"
                  aria-keyshortcuts={CODER_KEYS[i]?.toUpperCase()}
                  onClick={() => void decide({ accept: version.coderId })}
                >
                  {t('agreement.ui.accept', { coder: label(version.coderId) })} (
                  {CODER_KEYS[i]?.toUpperCase()})
                </button>
              </section>
            ))}
            <section
              className="disagreement-version consensus"
              aria-label={t('agreement.ui.consensusColumn')}
            >
              <h4>{t('agreement.ui.consensusColumn')}</h4>
              {item.consensus.length > 0 ? (
                <MarkedPassage item={item} spans={item.consensus} colour={colour} />
              ) : (
                <p className="muted">
                  {t(item.decided ? 'agreement.ui.consensusNone' : 'agreement.ui.consensusEmpty')}
                </p>
              )}
            </section>
          </div>
          <div className="toolbar">
            <button type="button" aria-keyshortcuts="E" onClick={() => void decide('all')}>
              {t('agreement.ui.acceptAll', { count: item.versions.length })} (E)
            </button>
            <button type="button" aria-keyshortcuts="N" onClick={() => void decide('none')}>
              {t('agreement.ui.acceptNone')} (N)
            </button>
            <button
              type="button"
              aria-keyshortcuts="O"
              onClick={() => onOpen(item.sourceId, item.start)}
            >
              {t('agreement.ui.openInText')} (O)
            </button>
          </div>
          <p className="hint">{t('agreement.ui.resolveHelp')}</p>
          <p className="hint">
            {t('agreement.ui.keys', {
              keys,
              allKey: t('agreement.ui.acceptAll', { count: item.versions.length }).toLowerCase(),
            })}
          </p>
        </article>
      )}
    </div>
  );
}
