import { useRegisterSW } from 'virtual:pwa-register/react';

/** Tells the user a new version is ready; reloading is their choice, so nothing typed is lost. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW();

  if (!needRefresh && !offlineReady) return null;
  return (
    <div className="toast" role="status">
      {needRefresh ? (
        <>
          <span>新しいバージョンがあります</span>
          <button type="button" className="button button--primary" onClick={() => void updateServiceWorker(true)}>
            更新する
          </button>
          <button type="button" className="button" onClick={() => setNeedRefresh(false)}>
            あとで
          </button>
        </>
      ) : (
        <>
          <span>オフラインでも使えるようになりました</span>
          <button type="button" className="button" onClick={() => setOfflineReady(false)}>
            閉じる
          </button>
        </>
      )}
    </div>
  );
}
