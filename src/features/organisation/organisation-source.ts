/** The organisation screen's calls (online, HR only): one POST, the server's JSON back. */
export interface OrganisationApi {
  post(path: string, body: unknown): Promise<unknown>;
}

/** Set by the app once firebase has loaded (src/app/connect.ts); until then the screen says it needs a connection. */
let api: OrganisationApi | null = null;

export function setOrganisationApi(next: OrganisationApi | null): void {
  api = next;
}

export function getOrganisationApi(): OrganisationApi | null {
  return api;
}
