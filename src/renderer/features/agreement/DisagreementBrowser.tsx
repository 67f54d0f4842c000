import { useEffect, useRef } from 'react';
import type { Resolution } from '../../../shared/domain/agreement-disagreements';
import type { DisagreementView } from '../../../shared/ipc/contract-agreement';
import { isTypingTarget } from '../../components/keyboard';
import { useT } from '../../i18n/use-t';
import {
  disagreementKey,
  entryDecided,
  entryItems,
  useAgreementStore,
} from '../../stores/agreement-store';
import { useAppStore } from '../../stores/app-store';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { codeLabel, coderLabel } from './agreement-labels';
import { CodeChoiceDetail } from './CodeChoiceDetail';
import { ConsensusColumn, MarkedPassage } from './MarkedPassage';

/** Keys that accept the first, second … coder's version (E and N are taken by both / neither). */
const CODER_KEYS = ['a', 'b', 'c', 'd', 'f', 'g'];

/** The coders of an entry's versions, in order, once each (the keys A, B … follow it). */
const codersOfItems = (items: readonly DisagreementView[]) => [
  ...new Set(items.flatMap((item) => item.versions.map((version) => version.coderId))),
];

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
  const store = useAgreementStore();
  const { disagreements, entries, total, index, loadDisagreements, move, advance, select } = store;
  const version = useCodingStore((state) => state.version);
  const notify = useAppStore((state) => state.notify);
  const listRef = useRef<HTMLOListElement>(null);
  const label = coderLabel(project, t);
  const code = codeLabel(project);
  const colours = new Map(project.codes.map((c) => [c.id, c.colour]));
  const colour = (codeId: string) => colours.get(codeId) ?? '#0b6e69';
  const entry = entries[index];
  const items = entry ? entryItems(store, entry) : [];
  const item = items[0];
  const coders = codersOfItems(items);
  const choice = items.length > 1;

  useEffect(() => {
    void loadDisagreements();
  }, [loadDisagreements, version]);

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [index]);

  const decide = async (resolution: Resolution) => {
    if (!entry) return;
    const decided = entryDecided(store, entry);
    const done = await store.resolve(resolution);
    if (!done) return;
    notify('info', {
      key: decided ? 'agreement.ui.redecided' : 'agreement.ui.decided',
      params: { code: items.map((one) => code(one.codeId)).join(', ') },
    });
    advance();
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTypingTarget(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      const pressed = event.key.toLowerCase();
      let handled = true;
      if (pressed === 'arrowdown' || pressed === 'j') move(1);
      else if (pressed === 'arrowup' || pressed === 'k') move(-1);
      else if (pressed === 'e') void decide('all');
      else if (pressed === 'n') void decide('none');
      else if (pressed === 'o' && item) onOpen(item.sourceId, item.start);
      else if (CODER_KEYS.includes(pressed) && item) {
        const coderId = coders[CODER_KEYS.indexOf(pressed)];
        if (coderId) void decide({ accept: coderId });
        else handled = false;
      } else handled = false;
      if (handled) event.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  if (disagreements.length === 0) return <p className="empty">{t('agreement.ui.none')}</p>;
  const keys = coders.map((coderId, i) => `${CODER_KEYS[i]?.toUpperCase()} ${label(coderId)}`);
  const allLabel = choice
    ? t('agreement.ui.bothCodes')
    : t('agreement.ui.acceptAll', { count: coders.length });
  const noneLabel = choice ? t('agreement.ui.neitherCode') : t('agreement.ui.acceptNone');
  const heading = (list: readonly DisagreementView[]) =>
    list.length > 1
      ? t('agreement.ui.choiceTitle', {
          first: code(list[0]!.codeId),
          second: code(list[1]!.codeId),
        })
      : code(list[0]!.codeId);

  return (
    <div className="disagreements">
      <nav className="disagreement-list" aria-label={t('agreement.ui.list')}>
        <p className="muted">{t('agreement.ui.count', { shown: disagreements.length, total })}</p>
        <ol ref={listRef} role="listbox" aria-label={t('agreement.ui.list')}>
          {entries.map((one, i) => {
            const listed = entryItems(store, one);
            const decided = entryDecided(store, one);
            return (
              <li
                key={listed.map(disagreementKey).join('+')}
                role="option"
                aria-selected={i === index}
                className={decided ? 'decided' : undefined}
                onClick={() => select(i)}
              >
                <strong>{heading(listed)}</strong>{' '}
                <span className="muted">· {listed[0]!.sourceTitle}</span>
                <br />
                <span className="disagreement-snippet">{listed[0]!.text.slice(0, 80)}</span>
                <span className="chip-status">
                  {decided ? t('agreement.ui.status.decided') : t('agreement.ui.status.open')}
                </span>
              </li>
            );
          })}
        </ol>
      </nav>
      {item && (
        <article className="disagreement-detail" aria-live="polite">
          <header>
            <h3>
              {t('agreement.ui.position', { n: index + 1, total: entries.length })} ·{' '}
              {heading(items)} · {item.sourceTitle}
            </h3>
            <p className="muted">
              {choice
                ? t('agreement.ui.choiceHelp')
                : t(
                    item.kind === 'presence'
                      ? 'agreement.disagreement.presence'
                      : 'agreement.disagreement.extent',
                  )}
            </p>
            {/* The same passage under another code, not paired (three or more ways). */}
            {!choice && item.otherCodes.length > 0 && (
              <p className="hint">
                {t('agreement.ui.otherCodes', {
                  list: item.otherCodes
                    .map((other) => `${label(other.coderId)}: ${code(other.codeId)}`)
                    .join(' · '),
                })}
              </p>
            )}
          </header>
          {choice ? (
            <CodeChoiceDetail
              items={items}
              coders={coders}
              keys={CODER_KEYS}
              label={label}
              code={code}
              colour={colour}
              onAccept={(coderId) => void decide({ accept: coderId })}
            />
          ) : (
            <VersionColumns
              item={item}
              label={label}
              colour={colour(item.codeId)}
              onAccept={(coderId) => void decide({ accept: coderId })}
            />
          )}
          <div className="toolbar">
            <button type="button" aria-keyshortcuts="E" onClick={() => void decide('all')}>
              {allLabel} (E)
            </button>
            <button type="button" aria-keyshortcuts="N" onClick={() => void decide('none')}>
              {noneLabel} (N)
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
            {t(choice ? 'agreement.ui.choiceKeys' : 'agreement.ui.keys', {
              keys: keys.join(', '),
              allKey: allLabel.toLowerCase(),
            })}
          </p>
        </article>
      )}
    </div>
  );
}

/** One code's passage: each coder's version side by side with the consensus so far. */
function VersionColumns({
  item,
  label,
  colour,
  onAccept,
}: {
  item: DisagreementView;
  label: (coderId: string) => string;
  colour: string;
  onAccept: (coderId: string) => void;
}) {
  const t = useT();
  return (
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
            onClick={() => onAccept(version.coderId)}
          >
            {t('agreement.ui.accept', { coder: label(version.coderId) })} (
            {CODER_KEYS[i]?.toUpperCase()})
          </button>
        </section>
      ))}
      <ConsensusColumn items={[item]} colour={() => colour} />
    </div>
  );
}
