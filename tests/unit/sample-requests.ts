/** One well-formed request of every type, naming `accountKey` where the type names an account: for tests of the sender policy. */
import type { RequestOf, RequestType } from '@/lib/messaging/protocol';
import type { AccountKey } from '@/lib/model/account';
import { CsmSettings } from '@/lib/model/settings';
import { recordsFromQuickLog } from '@/lib/store/quick-log';
import { quickLogForm, reading } from './factories';
import { SiteDefinition } from '@/lib/model/site-definition';
import kintoneDefinition from '../fixtures/taught-sites/kintone-definition.json';

const NOW = new Date('2026-11-25T10:00:00Z');

export function sampleRequests(accountKey: AccountKey, idPrefix = 'sample'): { [T in RequestType]: RequestOf<T> } {
  let n = 0;
  const interaction = recordsFromQuickLog(quickLogForm(), accountKey, NOW, () => `${idPrefix}-${++n}`).interaction;
  const years = [{ id: 'y1', sourceAccountKey: 'src:1', account: { id: '1', domain: '', name: 'One' }, subscription: '', metric: 'activeUsers' as const, year: '2026', months: [...Array.from({ length: 9 }, () => null), Array.from({ length: 31 }, (_, d) => d), null, null], updatedAt: NOW.toISOString(), source: 'test' }];
  const { crm, recordId, url } = reading({ accountKey });
  const expected = { accountKey, crm, recordId, url };
  return {
    'page.opened': { type: 'page.opened' },
    'record.expected': { type: 'record.expected', account: expected },
    'record.missing': { type: 'record.missing', account: expected },
    'record.visited': { type: 'record.visited', reading: reading({ accountKey }) },
    'record.left': { type: 'record.left' },
    'quickLog.open': { type: 'quickLog.open' },
    'sidebar.frame': { type: 'sidebar.frame', key: '00000000-0000-4000-8000-000000000001' },
    'timeline.page': { type: 'timeline.page', query: { accountKey, kinds: ['interaction'], before: null, limit: 10 } },
    'account.overview': { type: 'account.overview', accountKey },
    'entry.save': { type: 'entry.save', entry: { store: 'interactions', record: interaction }, baseRevision: null },
    'entry.delete': { type: 'entry.delete', store: 'interactions', id: 'missing' },
    'entry.restore': { type: 'entry.restore', entry: { store: 'interactions', record: interaction } },
    'nextStep.complete': { type: 'nextStep.complete', interactionId: 'missing', stepId: 'step', baseRevision: 0 },
    'settings.get': { type: 'settings.get' },
    'settings.save': { type: 'settings.save', settings: CsmSettings.parse({}) },
    'crm.switch': { type: 'crm.switch', script: 'hubspot', on: false },
    'quickLog.save': { type: 'quickLog.save', accountKey, form: quickLogForm(), saveId: crypto.randomUUID() },
    'draft.save': { type: 'draft.save', draft: { id: `${idPrefix}-draft`, accountKey, form: quickLogForm({ notes: 'half a sent' }), updatedAt: NOW.toISOString() } },
    'draft.clear': { type: 'draft.clear', accountKey, draftId: `${idPrefix}-draft` },
    'entryDraft.save': {
      type: 'entryDraft.save',
      draft: { id: `${idPrefix}-edit`, accountKey, baseRevision: 0, edit: { store: 'interactions', record: { ...interaction, notes: 'half an edi' } }, updatedAt: NOW.toISOString(), version: { writer: 'w', seq: 1 } },
    },
    'entryDraft.clear': { type: 'entryDraft.clear', accountKey, draftId: `${idPrefix}-edit` },
    'entryDraft.list': { type: 'entryDraft.list', accountKey },
    'backup.export': { type: 'backup.export' },
    'backup.import': { type: 'backup.import', text: '{}' },
    'handover.export': { type: 'handover.export', accountKeys: [accountKey], includeInternal: false },
    'handover.import': { type: 'handover.import', text: '{}' },
    'handover.resolve': { type: 'handover.resolve', id: `${idPrefix}-version`, action: 'dismiss' },
    'account.brief': { type: 'account.brief', accountKey, range: { from: '2026-07-01', to: '2026-09-30' } },
    'account.health': { type: 'account.health', accountKey },
    'portfolio.rows': { type: 'portfolio.rows' },
    'usage.context': { type: 'usage.context' },
    'usage.mapping': { type: 'usage.mapping', signature: 'a|b' },
    'usage.imported': { type: 'usage.imported', accountKeys: [accountKey] },
    'usageSource.get': { type: 'usageSource.get' },
    'usageSource.save': { type: 'usageSource.save', config: { url: 'https://analytics.example.com/usage.json', headerName: 'Authorization', token: 'secret', refreshHours: 6 }, keepToken: false },
    'usageSource.remove': { type: 'usageSource.remove' },
    'usageSource.refresh': { type: 'usageSource.refresh' },
    'usage.link': { type: 'usage.link', sourceAccountKey: 'src:1', accountKey },
    'site.forPage': { type: 'site.forPage' },
    'site.list': { type: 'site.list' },
    'site.save': { type: 'site.save', definition: SiteDefinition.parse(kintoneDefinition) },
    'site.remove': { type: 'site.remove', id: 'kintone-customers' },
    'site.teach': { type: 'site.teach', tabId: 1 },
    'crmWrite.switch': { type: 'crmWrite.switch', crm: 'salesforce', on: true },
    'crmWrite.statuses': { type: 'crmWrite.statuses', accountKey },
    'crmWrite.retry': { type: 'crmWrite.retry', interactionId: interaction.id },
    'crmWrite.retryAll': { type: 'crmWrite.retryAll' },
    'crmWrite.summary': { type: 'crmWrite.summary' },
    'crmWrite.token': { type: 'crmWrite.token', token: 'pat-na1-sample' },
    'teamTouches.read': { type: 'teamTouches.read', accountKey },
  };
}
