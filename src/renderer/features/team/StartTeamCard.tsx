import { api } from '../../api/client';
import { readFileForUpload } from '../../api/files';
import { FilePickButton } from '../../components/FilePickButton';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useTeamStore } from '../../stores/team-store';
import { IdentityForm } from './IdentityForm';

/** On the start screen: who you are (first use) and opening a work package from a colleague. */
export function StartTeamCard() {
  const t = useT();
  const confirmed = useAppStore((state) => state.info?.settings.identityConfirmed ?? true);
  const native = useAppStore((state) => Boolean(state.info?.nativeDialogs));
  const team = useTeamStore();
  return (
    <section className="card start-team" aria-labelledby="start-team-title">
      {!confirmed && (
        <>
          <h2 id="start-team-title">{t('team.identity.firstUse')}</h2>
          <IdentityForm />
        </>
      )}
      {confirmed && <h2 id="start-team-title">{t('team.title')}</h2>}
      {native ? (
        <button
          type="button"
          disabled={team.busy}
          onClick={() =>
            void api()
              .dialogOpenFile({ extensions: ['campopkg'] })
              .then((path) => (path ? team.openPackage({ fileName: path, path }) : null))
          }
        >
          {t('team.package.openFile')}
        </button>
      ) : (
        <FilePickButton
          label={t('team.package.openFile')}
          accept=".campopkg,.zip"
          disabled={team.busy}
          onFile={(file) => void readFileForUpload(file).then((upload) => team.openPackage(upload))}
        />
      )}
      <p className="hint">{t('team.package.openHint')}</p>
    </section>
  );
}
