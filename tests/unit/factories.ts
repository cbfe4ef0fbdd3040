import type { RecordReading } from '@/lib/model/account';
import { EMPTY_QUICK_LOG, type QuickLogForm } from '@/lib/model/quick-log';

/** Globex in the `acme` org (lib/model/account-key.ts). */
export const ACCOUNT_KEY = 'salesforce:acme:001Dn00000ABCDEAA1';
/** The same account as keyed before database version 7 (no org). */
export const LEGACY_ACCOUNT_KEY = 'salesforce:001Dn00000ABCDEAA1';

export function reading(overrides: Partial<RecordReading> = {}): RecordReading {
  return {
    accountKey: ACCOUNT_KEY,
    crm: 'salesforce',
    recordId: '001Dn00000ABCDEAA1',
    url: 'https://acme.lightning.force.com/lightning/r/Account/001Dn00000ABCDEAA1/view',
    name: 'Globex Corporation',
    fields: [
      { key: 'Name', label: 'Account Name', value: 'Globex Corporation' },
      { key: 'Industry', label: 'Industry', value: 'Manufacturing' },
    ],
    visitId: 'visit-1',
    ...overrides,
  };
}

export function quickLogForm(overrides: Partial<QuickLogForm> = {}): QuickLogForm {
  return { ...EMPTY_QUICK_LOG, occurredAt: '2026-11-20T10:00:00.000Z', tone: 'positive', notes: 'Kickoff went well', ...overrides };
}

let counter = 0;
export const sequentialIds = () => `id-${++counter}`;
export const uniqueDbName = () => `test-${Date.now()}-${Math.random().toString(36).slice(2)}`;
