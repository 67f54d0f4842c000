import { useState } from 'react';
import { formatUserDate, parseUserDate } from '../../../shared/domain/dates';
import type { MessageKey } from '../../../shared/i18n';
import { PARTNERSHIP_TYPES } from '../../../shared/model/constants';
import type { Participant } from '../../../shared/model/project';
import { DateField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/fields';
import { useRevealOnOpen } from '../../components/use-reveal';
import { useT } from '../../i18n/use-t';
import { useParticipantsStore } from '../../stores/participants-store';
import { usePrivacyStore } from '../../stores/privacy-store';

type Attribute = Participant['attributes'][number];
const ATTRIBUTE_TYPES = ['text', 'number', 'date', 'boolean'] as const;

/** Converts what the user typed into a typed attribute value, or null if it does not fit. */
function typedValue(type: Attribute['type'], raw: string): Attribute['value'] | null {
  if (type === 'text') return raw;
  if (type === 'number') {
    const n = Number(raw.replace(/\./g, '').replace(',', '.'));
    return raw.trim() !== '' && Number.isFinite(n) ? n : null;
  }
  if (type === 'date') {
    const date = parseUserDate(raw);
    return date === 'invalid' ? null : date;
  }
  return raw === 'true';
}

/** Free attributes (key → typed value), used later to filter coded passages. */
function AttributesField({
  attributes,
  onCommit,
}: {
  attributes: Attribute[];
  onCommit(a: Attribute[]): void;
}) {
  const t = useT();
  const [key, setKey] = useState('');
  const [type, setType] = useState<Attribute['type']>('text');
  const [value, setValue] = useState('');
  const typed = typedValue(type, value);
  const add = () => {
    if (!key.trim() || typed === null) return;
    onCommit([
      ...attributes.filter((a) => a.key !== key.trim()),
      { key: key.trim(), type, value: typed } as Attribute,
    ]);
    setKey('');
    setValue('');
  };
  return (
    <fieldset className="field">
      <legend>{t('participants.attributes')}</legend>
      {attributes.length > 0 && (
        <ul className="attribute-list">
          {attributes.map((attribute) => (
            <li key={attribute.key}>
              <strong>{attribute.key}</strong>:{' '}
              {attribute.type === 'boolean'
                ? t(attribute.value ? 'app.yes' : 'app.no')
                : attribute.type === 'date'
                  ? formatUserDate(attribute.value)
                  : String(attribute.value)}
              <span className="muted"> ({t(`attributeType.${attribute.type}` as MessageKey)})</span>
              <button
                type="button"
                className="link-button"
                onClick={() => onCommit(attributes.filter((a) => a !== attribute))}
              >
                {t('app.delete')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <input
          aria-label={t('participants.attributeKey')}
          placeholder={t('participants.attributeKey')}
          value={key}
          onChange={(e) => setKey(e.target.value)}
        />
        <select
          aria-label={t('participants.attributeType')}
          value={type}
          onChange={(e) => setType(e.target.value as Attribute['type'])}
        >
          {ATTRIBUTE_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`attributeType.${option}` as MessageKey)}
            </option>
          ))}
        </select>
        {type === 'boolean' ? (
          <select
            aria-label={t('participants.attributeValue')}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          >
            <option value="">–</option>
            <option value="true">{t('app.yes')}</option>
            <option value="false">{t('app.no')}</option>
          </select>
        ) : (
          <input
            aria-label={t('participants.attributeValue')}
            placeholder={type === 'date' ? t('date.placeholder') : undefined}
            inputMode={type === 'number' ? 'decimal' : type === 'date' ? 'numeric' : undefined}
            value={value}
            onChange={(e) => setValue(e.target.value)}
          />
        )}
        <button
          type="button"
          onClick={add}
          disabled={!key.trim() || typed === null || (type === 'boolean' && value === '')}
        >
          {t('app.add')}
        </button>
      </div>
    </fieldset>
  );
}

/** One participant in full; every field saves on its own. The name is marked as personal data. */
export function ParticipantEditor({
  participant,
  onDelete,
  reveal = true,
}: {
  participant: Participant;
  onDelete(): void;
  /** Scroll to it and focus its first field when it opens (it opens below the list). */
  reveal?: boolean;
}) {
  const ref = useRevealOnOpen<HTMLElement>(reveal);
  const t = useT();
  const update = useParticipantsStore((state) => state.update);
  const revealNames = usePrivacyStore((state) => state.revealNames);
  // A name being typed stays in its field; a saved one shows only when asked for, here or for all.
  const [nameOpen, setNameOpen] = useState(participant.name === '');
  const save = (patch: Partial<Participant>) => update(participant.id, patch);
  const consentValue =
    participant.consent.given === null ? 'unknown' : participant.consent.given ? 'yes' : 'no';
  return (
    <section
      ref={ref}
      className="card editor"
      aria-label={t('participants.editorTitle', { code: participant.code })}
    >
      <div className="screen-header">
        <h2>{t('participants.editorTitle', { code: participant.code })}</h2>
        <button type="button" onClick={onDelete}>
          {t('app.delete')}
        </button>
      </div>
      <div className="editor-grid">
        <TextField
          label={t('participants.code')}
          value={participant.code}
          required
          onCommit={(code) => save({ code })}
        />
        <div className="personal-data">
          {!nameOpen && !revealNames ? (
            <div className="field">
              <span className="field-label">{t('participants.name')}</span>
              <p className="hidden-name">
                <span className="muted">{t('privacy.hiddenName')}</span>{' '}
                <button type="button" className="link-button" onClick={() => setNameOpen(true)}>
                  {t('privacy.showName')}
                </button>
              </p>
            </div>
          ) : (
            <TextField
              label={t('participants.name')}
              hint={t('participants.nameHint')}
              value={participant.name}
              onCommit={(name) => save({ name })}
            />
          )}
        </div>
        <TextField
          label={t('participants.role')}
          value={participant.role}
          onCommit={(role) => save({ role })}
        />
        <TextField
          label={t('participants.organisation')}
          value={participant.organisation}
          onCommit={(organisation) => save({ organisation })}
        />
        <TextField
          label={t('participants.territory')}
          value={participant.territory}
          placeholder={t('participants.territoryPlaceholder')}
          onCommit={(territory) => save({ territory })}
        />
        <SelectField
          label={t('participants.partnership')}
          value={participant.partnershipType ?? ''}
          options={[
            { value: '', label: t('app.none') },
            ...PARTNERSHIP_TYPES.map((type) => ({
              value: type,
              label: t(`partnership.${type}` as MessageKey),
            })),
          ]}
          onCommit={(value) =>
            save({
              partnershipType: value === '' ? null : (value as Participant['partnershipType']),
            })
          }
        />
      </div>
      <AttributesField
        attributes={participant.attributes}
        onCommit={(attributes) => save({ attributes })}
      />
      <fieldset className="field">
        <legend>{t('participants.consent')}</legend>
        <div className="editor-grid">
          <SelectField
            label={t('participants.consentGivenLabel')}
            value={consentValue}
            options={[
              { value: 'unknown', label: t('participants.consentMissing') },
              { value: 'yes', label: t('app.yes') },
              { value: 'no', label: t('app.no') },
            ]}
            onCommit={(value) =>
              save({
                consent: {
                  ...participant.consent,
                  given: value === 'unknown' ? null : value === 'yes',
                },
              })
            }
          />
          <DateField
            label={t('participants.consentDate')}
            value={participant.consent.date}
            onCommit={(date) => save({ consent: { ...participant.consent, date } })}
          />
        </div>
        <TextField
          label={t('participants.consentScope')}
          value={participant.consent.scope}
          onCommit={(scope) => save({ consent: { ...participant.consent, scope } })}
        />
        <TextField
          label={t('participants.consentNote')}
          value={participant.consent.note}
          onCommit={(note) => save({ consent: { ...participant.consent, note } })}
        />
      </fieldset>
    </section>
  );
}
