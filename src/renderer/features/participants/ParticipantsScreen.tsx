import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';

/** Participants by pseudonym; names are personal data and stay hidden unless asked for. */
export function ParticipantsScreen() {
  const t = useT();
  const participants = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  const [showNames, setShowNames] = useState(false);
  return (
    <div className="screen">
      <h1>{t('participants.title')}</h1>
      <p className="intro">{t('participants.intro')}</p>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={showNames}
          onChange={(e) => setShowNames(e.target.checked)}
        />
        {t('participants.showNames')}
      </label>
      {participants.length === 0 ? (
        <p className="empty">{t('participants.empty')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('participants.code')}</th>
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('participants.role')}</th>
              <th scope="col">{t('participants.organisation')}</th>
              <th scope="col">{t('participants.territory')}</th>
              <th scope="col">{t('participants.partnership')}</th>
              <th scope="col">{t('participants.consent')}</th>
            </tr>
          </thead>
          <tbody>
            {participants.map((p) => (
              <tr key={p.id}>
                <th scope="row">{p.code}</th>
                <td className={showNames ? undefined : 'muted'}>
                  {p.name ? (showNames ? p.name : t('participants.hiddenName')) : t('app.none')}
                </td>
                <td>{p.role || t('app.none')}</td>
                <td>{p.organisation || t('app.none')}</td>
                <td>{p.territory || t('app.none')}</td>
                <td>
                  {p.partnershipType
                    ? t(`partnership.${p.partnershipType}` as MessageKey)
                    : t('app.none')}
                </td>
                <td>
                  {p.consent.given
                    ? t('participants.consentGiven', { date: p.consent.date ?? '' })
                    : t('participants.consentMissing')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
