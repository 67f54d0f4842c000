import { Dialog } from '../../components/Dialog';
import { LANGUAGES, type Language } from '../../../shared/model/constants';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { IdentityForm } from '../team/IdentityForm';

const LABELS = { it: 'settings.languageIt', en: 'settings.languageEn' } as const;

/** Preferences that belong to the user, not the project: for now the interface language. */
export function SettingsDialog() {
  const t = useT();
  const { language, setLanguage, closeDialog, info } = useAppStore();
  return (
    <Dialog title={t('settings.title')} onClose={closeDialog}>
      <fieldset className="radio-group">
        <legend>{t('settings.language')}</legend>
        {LANGUAGES.map((code: Language) => (
          <label key={code} className="checkbox">
            <input
              type="radio"
              name="language"
              value={code}
              checked={language === code}
              onChange={() => void setLanguage(code)}
            />
            {t(LABELS[code])}
          </label>
        ))}
      </fieldset>
      <fieldset className="settings-identity">
        <legend>{t('team.identity.legend')}</legend>
        <IdentityForm />
      </fieldset>
      {info && (
        <p className="hint">
          {t('settings.about', {
            version: info.version,
            host: t(info.host === 'electron' ? 'settings.hostElectron' : 'settings.hostBrowser'),
          })}
        </p>
      )}
    </Dialog>
  );
}
