import { create } from 'zustand';
import { INITIAL_STATUS, type SyncStatus } from '../sync/sync-status';

/** UI, session-check and sync status only; directory rows live in Dexie and are read with useLiveQuery. */
interface UiState {
  online: boolean;
  sync: SyncStatus;
  setOnline(online: boolean): void;
  setSync(sync: SyncStatus): void;
}

export const useUi = create<UiState>()((set) => ({
  online: typeof navigator === 'undefined' ? true : navigator.onLine,
  sync: INITIAL_STATUS,
  setOnline: (online) => set({ online }),
  setSync: (sync) => set({ sync }),
}));
