import { useEffect } from 'react';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n/language';
import { updateWords } from './update-words';

/** How long "オフラインでも使えるようになりました" stays. */
export const OFFLINE_READY_MS = 4000;

/** Tells the user a new version is ready; reloading is their choice, so nothing typed is lost. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  const t = useT(updateWords);
  // "Ready offline" is news, not a question: it goes by itself (issue 22). An update waits for an answer.
  const passing = offlineReady && !needRefresh;
  useEffect(() => {
    if (!passing) return;
    const timer = setTimeout(() => setOfflineReady(false), OFFLINE_READY_MS);
    return () => clearTimeout(timer);
  }, [passing, setOfflineReady]);

  if (!needRefresh && !offlineReady) return null;
  return (
    <div className={passing ? 'toast toast--note' : 'toast'} role="status">
      {needRefresh ? (
        <>
          <span>{t.update.ready}</span>
          <button type="button" className="button button--primary" onClick={() => void updateServiceWorker(true)}>
            {t.update.reload}
          </button>
          <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
            {t.update.later}
          </button>
        </>
      ) : (
        <>
          <span>{t.update.offlineReady}</span>
          <button type="button" className="button" onClick={() => setOfflineReady(false)}>
            {t.update.close}
          </button>
        </>
      )}
    </div>
  );
}
