import { useRegisterSW } from 'virtual:pwa-register/react';
import { useT } from '../i18n/language';
import { updateWords } from './update-words';

/** Tells the user a new version is ready; reloading is their choice, so nothing typed is lost. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();
  const t = useT(updateWords);

  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="toast" role="status">
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
