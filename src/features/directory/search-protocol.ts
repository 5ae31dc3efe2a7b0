export type SearchRequest = { type: 'reload' } | { type: 'query'; seq: number; query: string };
export interface SearchResponse {
  seq: number;
  /** Matching people, best first. */
  ids: string[];
}
