import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { SearchHit, SearchResult } from '../../../shared/ipc/types';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { attempt } from '../../stores/core-calls';
import { usePrivacyStore } from '../../stores/privacy-store';
import { useProjectStore } from '../../stores/project-store';
import { CodeOptions } from './CodeOptions';
import { codebookActions } from '../../stores/codebook-actions';

type Scope = 'match' | 'sentence' | 'turn';
const hitKey = (hit: SearchHit) => `${hit.sourceId}:${hit.start}`;

/**
 * Full-text search across every source (accents and case ignored, whole words optionally), and
 * "code all results": the hits ticked in the list, as found or widened to their sentence or
 * speaker turn, all coded in one step that one Ctrl+Z undoes.
 */
export function SearchPanel({ onOpen }: { onOpen(sourceId: string, at: number): void }) {
  const t = useT();
  const codes = useProjectStore((state) => state.snapshot!.project.codes);
  const revealNames = usePrivacyStore((state) => state.revealNames);
  const [query, setQuery] = useState('');
  const [wholeWord, setWholeWord] = useState(false);
  const [result, setResult] = useState<SearchResult | null>(null);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [codeId, setCodeId] = useState('');
  const [scope, setScope] = useState<Scope>('match');
  const scroller = useRef<HTMLDivElement>(null);
  const ids = { query: useId(), code: useId(), scope: useId(), capped: useId() };

  const hits = useMemo(() => result?.hits ?? [], [result]);
  const chosen = hits.filter((hit) => !excluded.has(hitKey(hit)));
  const sourcesChosen = new Set(chosen.map((hit) => hit.sourceId)).size;

  // Sizes kept by row, as React keeps the rows (by position they go stale when rows move).
  const itemKey = useCallback((index: number) => hitKey(hits[index]!), [hits]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: hits.length,
    getItemKey: itemKey,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 6,
  });

  const search = async () => {
    if (query.trim() === '') return;
    const found = await attempt(() => api().textSearch({ query, wholeWord }));
    if (found) {
      setResult(found);
      setExcluded(new Set());
    }
  };

  const codeAll = async () => {
    const code = codes.find((c) => c.id === codeId);
    if (!code || chosen.length === 0) return;
    const done = await codebookActions.codeHits({
      codeId,
      scope,
      hits: chosen.map(({ sourceId, start, end }) => ({ sourceId, start, end })),
    });
    if (done) {
      useAppStore.getState().notify('success', {
        key: 'search.coded',
        params: { n: chosen.length, code: code.name },
      });
    }
  };

  return (
    <section className="search" aria-label={t('coding.tab.search')}>
      <form
        className="filters"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <div className="field">
          <label htmlFor={ids.query}>{t('search.query')}</label>
          <input
            id={ids.query}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={wholeWord}
            onChange={(event) => setWholeWord(event.target.checked)}
          />
          {t('search.wholeWord')}
        </label>
        <button type="submit" className="primary">
          {t('search.run')}
        </button>
      </form>
      {result && (
        <>
          <p role="status">
            {result.truncated
              ? t('search.countCapped', { shown: hits.length })
              : t('search.count', { n: hits.length })}
          </p>
          {hits.length > 0 && (
            <div className="code-all" aria-label={t('search.codeAllTitle')}>
              <div className="field">
                <label htmlFor={ids.code}>{t('search.codeWith')}</label>
                <select id={ids.code} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
                  <option value="">{t('codebook.chooseCode')}</option>
                  <CodeOptions codes={codes} />
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.scope}>{t('search.scope')}</label>
                <select
                  id={ids.scope}
                  value={scope}
                  onChange={(e) => setScope(e.target.value as Scope)}
                >
                  <option value="match">{t('search.scopeMatch')}</option>
                  <option value="sentence">{t('search.scopeSentence')}</option>
                  <option value="turn">{t('search.scopeTurn')}</option>
                </select>
              </div>
              <button
                type="button"
                className="primary"
                disabled={!codeId || chosen.length === 0 || result.truncated}
                aria-describedby={result.truncated ? ids.capped : undefined}
                onClick={() => void codeAll()}
              >
                {t('search.codeAll', { n: chosen.length, sources: sourcesChosen })}
              </button>
              {result.truncated && (
                <p className="hint" id={ids.capped}>
                  {t('search.codeAllCapped')}
                </p>
              )}
            </div>
          )}
          <div ref={scroller} className="segment-scroller" data-testid="search-hits">
            <ol className="segments" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const hit = hits[item.index]!;
                const key = hitKey(hit);
                return (
                  <li
                    key={key}
                    data-index={item.index}
                    ref={virtualizer.measureElement}
                    className="segment search-hit"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={!excluded.has(key)}
                        aria-label={t('search.include', { source: hit.sourceTitle })}
                        onChange={(event) => {
                          const next = new Set(excluded);
                          if (event.target.checked) next.delete(key);
                          else next.add(key);
                          setExcluded(next);
                        }}
                      />
                      <strong>{hit.sourceTitle}</strong>
                      {(hit.speaker || (revealNames && hit.speakerLabel)) && (
                        <span className="muted"> · {hit.speaker || hit.speakerLabel}</span>
                      )}
                    </label>
                    <p className="segment-text">
                      <span className="context">{hit.before}</span>
                      <mark>{hit.match}</mark>
                      <span className="context">{hit.after}</span>
                    </p>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => onOpen(hit.sourceId, hit.start)}
                    >
                      {t('retrieval.open')}
                    </button>
                  </li>
                );
              })}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}
