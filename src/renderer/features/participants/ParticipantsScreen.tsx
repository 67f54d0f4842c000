import { useMemo, useState } from 'react';
import { formatUserDate } from '../../../shared/domain/dates';
import { foldAccents } from '../../../shared/domain/folding';
import type { MessageKey } from '../../../shared/i18n';
import type { ParticipantLinks } from '../../../shared/ipc/types';
import { PARTNERSHIP_TYPES } from '../../../shared/model/constants';
import type { Participant } from '../../../shared/model/project';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { RevealNamesToggle } from '../../components/RevealNames';
import { useT } from '../../i18n/use-t';
import { useParticipantsStore } from '../../stores/participants-store';
import { usePrivacyStore } from '../../stores/privacy-store';
import { useProjectStore } from '../../stores/project-store';
import { ImportParticipantsDialog } from './ImportParticipantsDialog';
import { ParticipantEditor } from './ParticipantEditor';

type SortKey = 'code' | 'role' | 'organisation' | 'territory' | 'partnershipType';
const COLUMNS: Array<{ key: SortKey; label: MessageKey }> = [
  { key: 'code', label: 'participants.code' },
  { key: 'role', label: 'participants.role' },
  { key: 'organisation', label: 'participants.organisation' },
  { key: 'territory', label: 'participants.territory' },
  { key: 'partnershipType', label: 'participants.partnership' },
];

/** Participants by pseudonym: filter, sort, edit, import a list. Names stay hidden unless asked. */
export function ParticipantsScreen() {
  const t = useT();
  const participants = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  const { add, links, remove } = useParticipantsStore();
  const showNames = usePrivacyStore((state) => state.revealNames);
  const [query, setQuery] = useState('');
  const [partnership, setPartnership] = useState('');
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'code',
    descending: false,
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [deleting, setDeleting] = useState<{
    participant: Participant;
    links: ParticipantLinks;
  } | null>(null);

  const shown = useMemo(() => {
    const wanted = foldAccents(query.trim());
    const rows = participants.filter((p) => {
      if (partnership && p.partnershipType !== partnership) return false;
      if (!wanted) return true;
      const haystack = [
        p.code,
        p.role,
        p.organisation,
        p.territory,
        showNames ? p.name : '',
        ...p.attributes.map((a) => String(a.value)),
      ];
      return haystack.some((value) => foldAccents(value).includes(wanted));
    });
    const value = (p: Participant) =>
      sort.key === 'partnershipType' ? (p.partnershipType ?? '') : p[sort.key];
    rows.sort(
      (a, b) =>
        value(a).localeCompare(value(b), 'it', { numeric: true }) * (sort.descending ? -1 : 1),
    );
    return rows;
  }, [participants, query, partnership, sort, showNames]);
  const selected = participants.find((p) => p.id === selectedId) ?? null;

  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t('participants.title')}</h1>
        <div className="toolbar">
          <button type="button" onClick={() => setImporting(true)}>
            {t('participants.import')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void add({}).then((p) => p && setSelectedId(p.id))}
          >
            {t('participants.new')}
          </button>
        </div>
      </div>
      <p className="intro">{t('participants.intro')}</p>
      <div className="filters" role="search">
        <input
          type="search"
          aria-label={t('participants.search')}
          placeholder={t('participants.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={t('participants.partnership')}
          value={partnership}
          onChange={(e) => setPartnership(e.target.value)}
        >
          <option value="">{t('participants.allPartnerships')}</option>
          {PARTNERSHIP_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`partnership.${type}` as MessageKey)}
            </option>
          ))}
        </select>
        <RevealNamesToggle />
      </div>
      {participants.length === 0 ? (
        <p className="empty">{t('participants.empty')}</p>
      ) : (
        <table className="table">
          <caption className="visually-hidden">
            {t('participants.count', { shown: shown.length, total: participants.length })}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  aria-sort={
                    sort.key === column.key
                      ? sort.descending
                        ? 'descending'
                        : 'ascending'
                      : undefined
                  }
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      setSort({
                        key: column.key,
                        descending: sort.key === column.key && !sort.descending,
                      })
                    }
                  >
                    {t(column.label)} {sort.key === column.key ? (sort.descending ? '▼' : '▲') : ''}
                  </button>
                </th>
              ))}
              <th scope="col">{t('participants.name')}</th>
              <th scope="col">{t('participants.consent')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.id} className={p.id === selectedId ? 'selected' : undefined}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => setSelectedId(p.id === selectedId ? null : p.id)}
                  >
                    {p.code}
                  </button>
                </th>
                <td>{p.role || t('app.none')}</td>
                <td>{p.organisation || t('app.none')}</td>
                <td>{p.territory || t('app.none')}</td>
                <td>
                  {p.partnershipType
                    ? t(`partnership.${p.partnershipType}` as MessageKey)
                    : t('app.none')}
                </td>
                <td className={showNames ? undefined : 'muted'}>
                  {p.name ? (showNames ? p.name : t('participants.hiddenName')) : t('app.none')}
                </td>
                <td>
                  {p.consent.given
                    ? p.consent.date
                      ? t('participants.consentGiven', { date: formatUserDate(p.consent.date) })
                      : t('participants.consentGivenUndated')
                    : p.consent.given === false
                      ? t('app.no')
                      : t('participants.consentMissing')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <ParticipantEditor
          key={selected.id}
          participant={selected}
          onDelete={() =>
            void links(selected.id).then(
              (found) => found && setDeleting({ participant: selected, links: found }),
            )
          }
        />
      )}
      {importing && <ImportParticipantsDialog onClose={() => setImporting(false)} />}
      {deleting && (
        <ConfirmDialog
          title={t('participants.deleteTitle', { code: deleting.participant.code })}
          confirmLabel={t('app.delete')}
          danger
          onCancel={() => setDeleting(null)}
          onConfirm={() =>
            void remove(deleting.participant).then(() => (setDeleting(null), setSelectedId(null)))
          }
        >
          {deleting.links.sessions.length + deleting.links.sources.length === 0 ? (
            <p>{t('participants.deleteNoLinks')}</p>
          ) : (
            <>
              <p>{t('participants.deleteLinks')}</p>
              <ul>
                {deleting.links.sessions.length > 0 && (
                  <li>
                    {t('participants.linkSessions', { codes: deleting.links.sessions.join(', ') })}
                  </li>
                )}
                {deleting.links.sources.map((title) => (
                  <li key={title}>{t('participants.linkSource', { title })}</li>
                ))}
              </ul>
            </>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
