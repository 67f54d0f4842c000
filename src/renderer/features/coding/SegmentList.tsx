import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef } from 'react';
import { quotation } from '../../../shared/domain/coding-analysis';
import { quotationByVoice } from '../../../shared/domain/passage-voices';
import { turnLabelText } from '../../../shared/domain/turn-labels';
import type { Translate } from '../../../shared/i18n';
import { coderDisplay } from '../../../shared/domain/team';
import { anonymiser } from '../../../shared/report/anonymise';
import type { SegmentView } from '../../../shared/ipc/types';
import type { Code } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useCodingStore } from '../../stores/coding-store';
import { usePrivacyStore } from '../../stores/privacy-store';
import { useProjectStore } from '../../stores/project-store';

/** The citation of a segment: its pseudonyms, or the interview code when nobody is known. */
export function citationOf(segment: SegmentView): string {
  return segment.pseudonyms.join(', ') || segment.sourceTitle;
}

/**
 * Copies a segment as a quotation to paste in a draft or an e-mail: with the participants' names
 * replaced by their pseudonyms, as the report quotes it, unless the names are shown on screen.
 */
async function copyQuotation(
  segment: SegmentView,
  anonymise: ((text: string) => string) | null,
  t: Translate,
): Promise<void> {
  const plain = (value: string) => (anonymise ? anonymise(value) : value);
  // A passage across turns is quoted voice by voice: one person never says another's words.
  const text =
    segment.voices.length > 1
      ? quotationByVoice(
          segment.text,
          segment.start,
          segment.voices,
          (label) => turnLabelText(label, t),
          { words: plain },
        )
      : quotation(plain(segment.text), plain(citationOf(segment)));
  try {
    await navigator.clipboard.writeText(text);
    useAppStore.getState().notify('success', { key: 'retrieval.copied', params: { text } });
  } catch {
    useAppStore.getState().notify('error', { key: 'retrieval.copyFailed' });
  }
}

/**
 * Coded segments with their context, speaker and source; each can be copied as a quotation,
 * marked as a key quotation, or opened in its source. Only the rows on screen are rendered.
 */
export function SegmentList({
  segments,
  codes,
  onOpen,
  onChanged,
}: {
  segments: readonly SegmentView[];
  codes: ReadonlyMap<string, Code>;
  onOpen?(sourceId: string, at: number): void;
  onChanged?(): void;
}) {
  const t = useT();
  const updateCoding = useCodingStore((state) => state.updateCoding);
  // The file's speaker labels are often real names: beside the pseudonym only when revealed.
  const revealNames = usePrivacyStore((state) => state.revealNames);
  const team = useProjectStore((state) => state.snapshot?.project.evaluators);
  const participants = useProjectStore((state) => state.snapshot?.project.participants);
  const anonymise = useMemo(
    () => (revealNames ? null : anonymiser(participants ?? [])),
    [revealNames, participants],
  );
  // With two coders or more, each passage says whose coding it is (a consensus copy included).
  const manyCoders = useMemo(
    () => new Set(segments.map((segment) => segment.coderId)).size > 1,
    [segments],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // Sizes are kept by passage, as React keeps the rows: by position, a filtered list laid its
  // rows at the heights of the rows shown there before (walk-through 9: passages overlapped).
  const itemKey = useCallback((index: number) => segments[index]!.codingId, [segments]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: segments.length,
    getItemKey: itemKey,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 4,
  });
  return (
    <div ref={scroller} className="segment-scroller" data-testid="segments">
      <ol className="segments" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const segment = segments[item.index]!;
          const code = codes.get(segment.codeId);
          const citation = citationOf(segment);
          return (
            <li
              key={segment.codingId}
              data-index={item.index}
              ref={virtualizer.measureElement}
              className="segment"
              style={{ transform: `translateY(${item.start}px)` }}
              aria-label={citation}
            >
              <header>
                <strong>{citation}</strong>
                <span className="muted">
                  {/* Not twice: without pseudonyms the citation is the source's title. */}
                  {citation !== segment.sourceTitle && segment.sourceTitle}
                  {revealNames && segment.speaker && ` · ${segment.speaker}`}
                </span>
                {manyCoders && (
                  <span className="muted">
                    {t('retrieval.codedBy', {
                      coder: coderDisplay(team ?? [], segment.coderId, t('agreement.consensus'))
                        .name,
                    })}
                  </span>
                )}
                <span className="code-chip" style={{ borderColor: code?.colour }}>
                  {code?.name}
                </span>
              </header>
              <p className="segment-text">
                <span className="context">{segment.before}</span>
                <mark>{segment.text}</mark>
                <span className="context">{segment.after}</span>
              </p>
              {segment.voices.length > 1 && (
                <p className="hint segment-voices">
                  {t('retrieval.voices', {
                    list: segment.voices.map((voice) => turnLabelText(voice.label, t)).join(' → '),
                  })}
                </p>
              )}
              {segment.memo && <p className="segment-memo">{segment.memo}</p>}
              {segment.textChanged && (
                <p className="notice-warning">{t('coding.textChangedShort')}</p>
              )}
              <div className="button-row">
                <button type="button" onClick={() => void copyQuotation(segment, anonymise, t)}>
                  {t('retrieval.copy')}
                </button>
                <label className="key-toggle">
                  <input
                    type="checkbox"
                    checked={segment.key}
                    onChange={(event) =>
                      void updateCoding(
                        segment.codingId,
                        { key: event.target.checked },
                        segment.sourceId,
                      ).then((done) => done && onChanged?.())
                    }
                  />
                  {t('coding.keyQuotation')}
                </label>
                {onOpen && (
                  <button type="button" onClick={() => onOpen(segment.sourceId, segment.start)}>
                    {t('retrieval.open')}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
