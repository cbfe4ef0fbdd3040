export interface HubspotApiRequest { method: string | undefined; path: string; host: string | string[] | undefined; token: string | null; cookie: string | null; body: string }
export type HubspotApiFailure = 'unavailable' | 'limit' | 'session' | 'scopes' | 'drop' | 'down';
export interface HubspotNote {
  id: string;
  properties: { hs_note_body?: string; hs_timestamp?: string; hubspot_owner_id?: string };
  companies: string[];
  createdAt: string;
  updatedAt: string;
  byApi: boolean;
}
export interface HubspotApi {
  origin: string;
  notes: Map<string, HubspotNote>;
  /** The notes written through the API (the CSM's). */
  apiNotes(): HubspotNote[];
  requests: HubspotApiRequest[];
  fail(kind: HubspotApiFailure, count?: number): void;
  addTeamNote(note: { companyId: string; body: string; ownerId?: string; createdAt?: string }): string;
  close(): Promise<void>;
}
export function startHubspotApi(options?: { tokens?: string[]; ownerId?: string }): Promise<HubspotApi>;
