import { useEffect, useRef } from 'react';
import { useAppStore } from '../stores/app-store';
import { messageText, useLanguage, useT } from '../i18n/use-t';

/**
 * Toasts in the corner: errors stay until dismissed, the rest fade after a few seconds. The
 * screens keep room below their last controls for the toasts shown (`--notifications-height`),
 * so a button a toast covers can always be scrolled clear of it.
 */
export function Notifications() {
  const notifications = useAppStore((state) => state.notifications);
  const dismiss = useAppStore((state) => state.dismiss);
  const t = useT();
  const language = useLanguage();
  const stack = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = stack.current;
    if (!element) return;
    const root = document.documentElement;
    const follow = () =>
      root.style.setProperty('--notifications-height', `${element.offsetHeight}px`);
    follow();
    const observer = new ResizeObserver(follow);
    observer.observe(element);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--notifications-height');
    };
  }, []);
  return (
    <section
      ref={stack}
      className="notifications"
      aria-live="polite"
      aria-label={t('app.notifications')}
    >
      {notifications.map((notification) => (
        <div
          key={notification.id}
          className={`notification notification-${notification.kind}`}
          role={notification.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{messageText(notification.message, t, language)}</p>
          <button
            type="button"
            className="notification-dismiss"
            aria-label={t('app.dismiss')}
            title={t('app.dismiss')}
            onClick={() => dismiss(notification.id)}
          >
            ×
          </button>
          {notification.actions.length > 0 && (
            <div className="notification-actions">
              {notification.actions.map((action) => (
                <button
                  key={action.label}
                  type="button"
                  onClick={() => {
                    dismiss(notification.id);
                    action.run();
                  }}
                >
                  {t(action.label, action.params)}
                </button>
              ))}
            </div>
          )}
        </div>
      ))}
    </section>
  );
}
