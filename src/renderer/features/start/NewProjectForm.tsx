import { useState } from 'react';
import { coreFailures } from '../../api/failures';
import { Dialog } from '../../components/Dialog';
import { FolderBrowser } from '../../components/FolderBrowser';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';
import { pickParentFolder } from './open-actions';

/** Name, programme and folder of a new project; creates it and opens it. */
export function NewProjectForm() {
  const t = useT();
  const info = useAppStore((state) => state.info);
  const create = useProjectStore((state) => state.create);
  const busy = useProjectStore((state) => state.busy);
  const [name, setName] = useState('');
  const [programme, setProgramme] = useState('');
  const [parentDir, setParentDir] = useState(info?.defaultProjectsDir ?? '');
  const [browsing, setBrowsing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const separator = parentDir.includes('\\') ? '\\' : '/';
  const preview = name.trim()
    ? `${parentDir.replace(/[\\/]+$/, '')}${separator}${name.trim()}.campo`
    : null;

  return (
    <form
      className="form"
      aria-label={t('start.newProject')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!name.trim()) {
          setError(t('start.nameRequired'));
          return;
        }
        setError(null);
        void create({
          name: name.trim(),
          parentDir,
          ...(programme.trim() ? { programme: programme.trim() } : {}),
        }).then((created) => {
          // Said beside the name too, where the new name is typed.
          if (!created && coreFailures().code === 'PROJECT_EXISTS') setError(t('start.nameTaken'));
        });
      }}
    >
      <label>
        {t('start.nameLabel')}
        <input
          name="name"
          value={name}
          placeholder={t('start.namePlaceholder')}
          onChange={(event) => {
            setName(event.target.value);
            setError(null);
          }}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'new-project-error' : undefined}
        />
      </label>
      {error && (
        <p id="new-project-error" className="field-error">
          {error}
        </p>
      )}
      <label>
        {t('start.programmeLabel')}
        <input
          name="programme"
          value={programme}
          placeholder={t('start.programmePlaceholder')}
          onChange={(event) => setProgramme(event.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="grow">
          {t('start.folderLabel')}
          <input
            name="parentDir"
            value={parentDir}
            spellCheck={false}
            onChange={(event) => setParentDir(event.target.value)}
          />
        </label>
        <button
          type="button"
          onClick={() =>
            void pickParentFolder().then((picked) => {
              if (picked) setParentDir(picked);
              else if (!info?.nativeDialogs) setBrowsing(true);
            })
          }
        >
          {t('start.browse')}
        </button>
      </div>
      {preview && !error && <p className="hint">{t('start.createdIn', { path: preview })}</p>}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('start.create')}
        </button>
      </div>
      {browsing && (
        <Dialog title={t('folders.title')} onClose={() => setBrowsing(false)} wide>
          <FolderBrowser
            mode="folder"
            initialPath={parentDir}
            onPick={(path) => {
              setParentDir(path);
              setBrowsing(false);
            }}
          />
        </Dialog>
      )}
    </form>
  );
}
