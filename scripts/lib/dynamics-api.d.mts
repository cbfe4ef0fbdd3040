import type { IncomingHttpHeaders } from 'node:http';

export const API_PREFIX: string;
export interface DynamicsApiRequest { method: string | undefined; path: string; search: string; host: string | string[] | undefined; cookie: string | null; headers: IncomingHttpHeaders; body: string }
export type DynamicsApiFailure = 'unavailable' | 'limit' | 'session' | 'privilege' | 'drop' | 'down';
export interface DynamicsActivity {
  activityid: string;
  activitytypecode: string;
  statecode: number;
  statuscode: number;
  subject?: string;
  description?: string;
  actualend?: string;
  scheduledend?: string;
  directioncode?: boolean;
  _regardingobjectid_value: string | null;
  createdon: string;
  _createdby_value: string;
  createdByName: string;
  version: number;
}
export interface DynamicsApi {
  origin: string;
  activities: Map<string, DynamicsActivity>;
  /** The phone calls the CSM's session wrote. */
  phoneCalls(): DynamicsActivity[];
  requests: DynamicsApiRequest[];
  fail(kind: DynamicsApiFailure, count?: number): void;
  addTeamPhoneCall(call: { accountId: string; subject: string; description: string; by: string; createdAt?: string }): string;
  close(): Promise<void>;
}
export function startDynamicsApi(options?: { sessionCookie?: string; user?: { id: string; name: string } }): Promise<DynamicsApi>;
