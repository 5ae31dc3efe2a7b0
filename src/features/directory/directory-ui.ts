import { create } from 'zustand';
import { EMPTY_FILTER, type DirectoryFilter } from '../../domain/filters';

/** What the directory screen was showing, so coming back from a profile finds it unchanged. */
interface DirectoryUiState {
  query: string;
  filter: DirectoryFilter;
  view: 'grid' | 'list';
  setQuery(query: string): void;
  setFilter(filter: DirectoryFilter): void;
  setView(view: 'grid' | 'list'): void;
}

export const useDirectoryUi = create<DirectoryUiState>()((set) => ({
  query: '',
  filter: EMPTY_FILTER,
  view: 'grid',
  setQuery: (query) => set({ query }),
  setFilter: (filter) => set({ filter }),
  setView: (view) => set({ view }),
}));
