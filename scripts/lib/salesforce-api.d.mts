export const API_PREFIX: string;
export interface SalesforceApiRequest { method: string | undefined; path: string; query: string | null; host: string | undefined; body: string }
export type SalesforceApiFailure = 'unavailable' | 'limit' | 'session' | 'blocked' | 'drop' | 'down';
export interface SalesforceTask { Id: string; WhatId?: string; Subject?: string; Description?: string; ActivityDate?: string; Status?: string; Type?: string; TaskSubtype?: string; CreatedDate: string; CreatedById: string; CreatedBy: { Name: string } }
export interface SalesforceApi {
  origin: string;
  tasks: Map<string, SalesforceTask>;
  requests: SalesforceApiRequest[];
  fail(kind: SalesforceApiFailure, count?: number): void;
  recover(): void;
  addTeamTask(task: { whatId: string; subject: string; description: string; by: string; createdAt?: string }): string;
  close(): Promise<void>;
}
export function startSalesforceApi(options?: { sessions?: string[]; user?: { id: string; name: string } }): Promise<SalesforceApi>;
