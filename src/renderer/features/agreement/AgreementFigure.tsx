import { alphaBand, kappaBand } from '../../../shared/domain/agreement-interpretation';
import type { UndefinedReason } from '../../../shared/domain/agreement-layers';
import type { MessageKey } from '../../../shared/i18n';
import { formatAgreement, undefinedReasonText } from '../../../shared/i18n/agreement-lines';
import { useLanguage, useT } from '../../i18n/use-t';

/** A statistic as printed, "n.d." with its reason as a tooltip, and its conventional reading. */
export function Figure(props: {
  value: number | null;
  kind: 'coefficient' | 'percent';
  reason?: UndefinedReason | null;
  band?: 'kappa' | 'alpha';
}) {
  const t = useT();
  const language = useLanguage();
  const text = formatAgreement(props.value, language, props.kind);
  const band =
    props.band === 'kappa'
      ? kappaBand(props.value)
      : props.band === 'alpha'
        ? alphaBand(props.value)
        : null;
  const reason =
    props.value === null && props.reason ? undefinedReasonText(props.reason, language) : undefined;
  return (
    <span className="agreement-figure" title={reason}>
      {text}
      {band && <span className="muted"> ({t(`agreement.band.${band}` as MessageKey)})</span>}
    </span>
  );
}
