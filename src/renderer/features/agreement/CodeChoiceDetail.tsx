import { codersOf } from '../../../shared/domain/agreement-pairs';
import type { DisagreementView } from '../../../shared/ipc/contract-agreement';
import { useT } from '../../i18n/use-t';
import { ConsensusColumn, MarkedPassage } from './MarkedPassage';

/**
 * A passage one coder put under one code and another coder under another: one column per coder
 * with the code they gave, and the consensus so far on each code. Accepting a coder keeps their
 * code and decides «none» on the other.
 */
export function CodeChoiceDetail({
  items,
  coders,
  keys,
  label,
  code,
  colour,
  onAccept,
}: {
  items: DisagreementView[];
  /** The coders in key order (A, B …). */
  coders: string[];
  keys: string[];
  label: (coderId: string) => string;
  code: (codeId: string) => string;
  colour: (codeId: string) => string;
  onAccept: (coderId: string) => void;
}) {
  const t = useT();
  const codedBy = items.map((item) => new Set(codersOf(item)));
  return (
    <div className="disagreement-columns">
      {coders.map((coderId, i) => {
        const at = codedBy.findIndex((set) => set.has(coderId));
        const item = items[at];
        const version = item?.versions.find((v) => v.coderId === coderId);
        return (
          <section key={coderId} className="disagreement-version" aria-label={label(coderId)}>
            <h4>
              {label(coderId)} · {item ? code(item.codeId) : t('agreement.ui.notCoded')}
            </h4>
            {item && version && (
              <MarkedPassage item={item} spans={version.coverage} colour={colour(item.codeId)} />
            )}
            {item && (
              <button
                type="button"
                aria-keyshortcuts={keys[i]?.toUpperCase()}
                onClick={() => onAccept(coderId)}
              >
                {t('agreement.ui.keepCode', { code: code(item.codeId), coder: label(coderId) })} (
                {keys[i]?.toUpperCase()})
              </button>
            )}
          </section>
        );
      })}
      <ConsensusColumn items={items} code={code} colour={colour} />
    </div>
  );
}
