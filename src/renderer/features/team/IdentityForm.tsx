import { useState } from 'react';
import { initialsOf } from '../../../shared/domain/team';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useTeamStore } from '../../stores/team-store';

/**
 * Who the user is for the team: a name and initials (the stable id is kept by Campo). Shown on
 * first use (start screen) and in Impostazioni; every coding and change carries it.
 */
export function IdentityForm({ onSaved }: { onSaved?(): void }) {
  const t = useT();
  const settings = useAppStore((state) => state.info?.settings);
  // Before the first save the name is only the computer account's: not offered as initials.
  const evaluator = settings?.identityConfirmed ? settings.evaluator : undefined;
  const setIdentity = useTeamStore((state) => state.setIdentity);
  const [name, setName] = useState(evaluator?.name ?? '');
  const [initials, setInitials] = useState(evaluator?.initials ?? '');
  return (
    <form
      className="identity-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) return;
        void setIdentity(name, initials).then((ok) => ok && onSaved?.());
      }}
    >
      <label className="field">
        <span>{t('team.identity.name')}</span>
        <input
          value={name}
          maxLength={200}
          required
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <label className="field field-short">
        <span>{t('team.identity.initials')}</span>
        <input
          value={initials}
          maxLength={4}
          placeholder={initialsOf(name)}
          onChange={(event) => setInitials(event.target.value.toUpperCase())}
        />
      </label>
      <button type="submit" className="primary" disabled={!name.trim()}>
        {t('team.identity.save')}
      </button>
      <p className="hint">{t('team.identity.hint')}</p>
    </form>
  );
}
