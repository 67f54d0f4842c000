import { useEffect, useRef, useState } from 'react';
import type { FolderListing } from '../../shared/ipc/types';
import { api } from '../api/client';
import { useT } from '../i18n/use-t';
import { useAppStore } from '../stores/app-store';

interface FolderBrowserProps {
  /** 'folder': pick where to create; 'project': pick a *.campo project to open. */
  mode: 'folder' | 'project';
  initialPath?: string;
  onPick(path: string): void;
}

/**
 * An in-app folder browser for browser mode, where the page cannot show the system's dialog.
 * Campo projects are marked and open with one click in 'project' mode.
 */
export function FolderBrowser({ mode, initialPath, onPick }: FolderBrowserProps) {
  const t = useT();
  const notifyError = useAppStore((state) => state.notifyError);
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [path, setPath] = useState(initialPath);
  const [typed, setTyped] = useState(initialPath ?? '');
  // The latest `onPick`, without listing the folder again when the parent renders anew.
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });

  useEffect(() => {
    let live = true;
    api()
      .foldersList(path ? { path } : {})
      .then((next) => {
        if (!live) return;
        // A project's own path, typed: opened, not browsed into.
        if (mode === 'project' && next.isProject) {
          pick.current(next.path);
          return;
        }
        setListing(next);
        setTyped(next.path);
      }, notifyError);
    return () => {
      live = false;
    };
  }, [path, notifyError, mode]);
  const load = (next: string) => setPath(next);

  return (
    <div className="folder-browser">
      <form
        className="folder-path"
        onSubmit={(event) => {
          event.preventDefault();
          load(typed);
        }}
      >
        <label>
          {t('folders.pathLabel')}
          <input
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            spellCheck={false}
          />
        </label>
        <button type="submit">{t('folders.go')}</button>
        <button
          type="button"
          disabled={!listing?.parent}
          onClick={() => listing?.parent && load(listing.parent)}
        >
          ↑ {t('folders.up')}
        </button>
      </form>
      <ul className="folder-list" aria-label={listing?.path}>
        {listing?.entries.length === 0 && <li className="muted">{t('folders.empty')}</li>}
        {listing?.entries.map((entry) => (
          <li key={entry.path}>
            <button
              type="button"
              className={entry.isProject ? 'folder folder-project' : 'folder'}
              onClick={() =>
                mode === 'project' && entry.isProject ? onPick(entry.path) : load(entry.path)
              }
            >
              <span aria-hidden="true">{entry.isProject ? '◆' : '▸'}</span> {entry.name}
              {entry.isProject && <span className="badge">{t('folders.project')}</span>}
            </button>
          </li>
        ))}
      </ul>
      {mode === 'folder' && listing && (
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => onPick(listing.path)}>
            {t('folders.choose')}
          </button>
        </div>
      )}
    </div>
  );
}
