import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/use-t';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  /**
   * The dialog holds edits not yet saved: Esc and × ask before throwing them away (a
   * transcript correction can be minutes of work, and Esc is easy to hit).
   */
  dirty?: boolean;
}

/** Form fields a dialog starts on (rather than its ×, which a typed space would press). */
const FIRST_FIELD = [
  '.dialog-body [autofocus]',
  '.dialog-body input:not([type="hidden"]):not([disabled])',
  '.dialog-body textarea:not([disabled])',
  '.dialog-body select:not([disabled])',
].join(', ');

/**
 * A modal dialog on the native <dialog> element: focus is trapped and starts on its first field,
 * Esc closes it (asking first when it holds unsaved edits), and the focus goes back to the
 * control that opened it.
 */
export function Dialog({ title, onClose, children, wide, dirty = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const t = useT();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    const dialog = ref.current;
    // The control that opened the dialog gets the focus back when it closes (Esc, ×, a button):
    // the dialog leaves the page before it closes, so the browser cannot do it.
    const opener = document.activeElement;
    if (dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLElement>(FIRST_FIELD)?.focus();
    }
    return () => {
      dialog?.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  const requestClose = () => {
    if (!dirty) onClose();
    else setAsking(true);
  };
  // Esc while asking means: keep editing.
  const escape = () => (asking ? setAsking(false) : requestClose());
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby="dialog-title"
      onKeyDown={(event) => {
        // Handled here rather than by the dialog's cancel event: Chromium lets a page refuse
        // that event only once between two user activations, and closes the dialog the next time.
        if (event.key !== 'Escape' || event.defaultPrevented) return;
        event.preventDefault();
        escape();
      }}
      onCancel={(event) => {
        event.preventDefault();
        escape();
      }}
    >
      <header className="dialog-header">
        <h2 id="dialog-title">{title}</h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('app.close')}
          onClick={requestClose}
        >
          ×
        </button>
      </header>
      {asking && (
        <div className="discard-bar" role="alert">
          <p>{t('dialog.discardQuestion')}</p>
          <button type="button" autoFocus onClick={() => setAsking(false)}>
            {t('dialog.keepEditing')}
          </button>
          <button type="button" className="danger" onClick={onClose}>
            {t('dialog.discard')}
          </button>
        </div>
      )}
      <div className="dialog-body">{children}</div>
    </dialog>
  );
}
