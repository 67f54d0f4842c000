import { useAppStore } from '../stores/app-store';
import { messageText, useLanguage, useT } from '../i18n/use-t';

/** Toasts in the corner: errors stay until dismissed, the rest fade after a few seconds. */
export function Notifications() {
  const notifications = useAppStore((state) => state.notifications);
  const dismiss = useAppStore((state) => state.dismiss);
  const t = useT();
  const language = useLanguage();
  return (
    <section className="notifications" aria-live="polite" aria-label={t('app.notifications')}>
      {notifications.map((notification) => (
        <div
          key={notification.id}
          className={`notification notification-${notification.kind}`}
          role={notification.kind === 'error' ? 'alert' : 'status'}
        >
          <p>{messageText(notification.message, t, language)}</p>
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
            <button type="button" className="link-button" onClick={() => dismiss(notification.id)}>
              {t('app.dismiss')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
