import type { Span } from '../../../shared/domain/agreement-spans';
import { turnLabelText } from '../../../shared/domain/turn-labels';
import type { DisagreementView } from '../../../shared/ipc/contract-agreement';
import { useT } from '../../i18n/use-t';

/** A disagreement's passage with `spans` (absolute offsets) marked in the code's colour. */
export function MarkedPassage({
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
 * The consensus so far on a passage: each code's consensus coverage (named when the passage is
 * a choice between codes), else whether it was decided «none» or is still open.
 */
export function ConsensusColumn({
  items,
  code,
  colour,
}: {
  items: DisagreementView[];
  /** Names each code's part, on a choice between codes. */
  code?: (codeId: string) => string;
  colour: (codeId: string) => string;
}) {
  const t = useT();
  const decided = items.filter((item) => item.consensus.length > 0);
  return (
    <section
      className="disagreement-version consensus"
      aria-label={t('agreement.ui.consensusColumn')}
    >
      <h4>{t('agreement.ui.consensusColumn')}</h4>
      {decided.length > 0 ? (
        decided.map((item) => (
          <div key={item.codeId}>
            {items.length > 1 && code && <strong>{code(item.codeId)}</strong>}
            <MarkedPassage item={item} spans={item.consensus} colour={colour(item.codeId)} />
          </div>
        ))
      ) : (
        <p className="muted">
          {t(
            items.every((item) => item.decided)
              ? 'agreement.ui.consensusNone'
              : 'agreement.ui.consensusEmpty',
          )}
        </p>
      )}
    </section>
  );
}
