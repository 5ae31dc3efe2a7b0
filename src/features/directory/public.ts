/** What the directory offers other features: its search (the worker and its index), for pickers of people. */
export { useSearch } from './use-search';
