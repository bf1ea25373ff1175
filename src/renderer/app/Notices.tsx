import { useTranslation } from 'react-i18next';
import type { Notice } from '../../shared/contract';
import { i18n } from '../i18n';
import { coreText } from '../i18n/core-text';
import { useAppStore } from '../store/app-store';

/**
 * The notice in the window's language: the app's catalogue entry for its key, else the core's
 * sentence for it (core-messages.ts), else as the core wrote it.
 */
function noticeText(notice: Notice): string {
  const key = `notices.${notice.key ?? ''}`;
  return notice.key && i18n.exists(key, { ns: 'app' })
    ? i18n.t(key as 'notices.keychainEncryptedFile', { ns: 'app', ...notice.params })
    : coreText(notice);
}

/** What the user must know now: what it means and what to do; the system's own words behind "Details". */
export function Notices() {
  const { notices, dismissNotice } = useAppStore();
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="notices">
      {notices.map((notice) => (
        <div key={notice.id} className={`notice notice-${notice.level}`} role={notice.level === 'info' ? 'status' : 'alert'}>
          <div className="notice-text">
            <span>{noticeText(notice)}</span>
            {notice.detail && (
              <details className="notice-details">
                <summary>{t('details')}</summary>
                <code>{notice.detail}</code>
              </details>
            )}
          </div>
          <button type="button" className="link" onClick={() => void dismissNotice(notice.id)} aria-label={t('dismiss')}>
            {t('dismiss')}
          </button>
        </div>
      ))}
    </div>
  );
}
