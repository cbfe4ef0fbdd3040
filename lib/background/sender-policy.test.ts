import { describe, expect, it } from 'vitest';
import { accountScope, classifySender, kindMaySend, REQUEST_POLICY, REQUEST_TYPES, type SenderKind } from './sender-policy';
import { Request, ReplyData, type RequestType } from '../messaging/protocol';
import { CHROME_SELF, FIREFOX_SELF, rawSenders } from '@/tests/unit/senders';
import { sampleRequests } from '@/tests/unit/sample-requests';
import { ACCOUNT_KEY } from '@/tests/unit/factories';

const KINDS: SenderKind[] = ['content-script', 'sidebar', 'extension-page', 'unknown'];

/** The policy as the issue states it, written out independently of the table under test. */
const EXPECTED: Record<SenderKind, RequestType[]> = {
  'content-script': ['page.opened', 'record.expected', 'record.missing', 'record.visited', 'record.left', 'quickLog.open', 'sidebar.frame', 'site.forPage', 'site.save'],
  sidebar: [
    'timeline.page', 'account.overview', 'account.health', 'account.brief', 'entry.save', 'entry.delete', 'entry.restore',
    'nextStep.complete', 'quickLog.save', 'draft.save', 'draft.clear', 'entryDraft.save', 'entryDraft.clear', 'entryDraft.list', 'settings.get', 'handover.export', 'handover.resolve', 'site.teach',
    'crmWrite.statuses', 'crmWrite.retry', 'teamTouches.read',
  ],
  'extension-page': REQUEST_TYPES.filter((t) => !['page.opened', 'record.expected', 'record.missing', 'record.visited', 'record.left', 'quickLog.open', 'sidebar.frame', 'site.forPage'].includes(t)),
  unknown: [],
};

describe('which sender may send which request', () => {
  it('lists every request type of the protocol, and only those', () => {
    expect([...REQUEST_TYPES].sort()).toEqual(Object.keys(ReplyData).sort());
  });

  for (const type of Object.keys(ReplyData) as RequestType[]) {
    for (const kind of KINDS) {
      const allowed = EXPECTED[kind].includes(type);
      it(`${type} from ${kind}: ${allowed ? 'allowed' : 'refused'}`, () => {
        expect(kindMaySend(kind, type)).toBe(allowed);
      });
    }
  }

  it('lets a content script reach only its own tab, and a sidebar never every account', () => {
    const samples = sampleRequests(ACCOUNT_KEY);
    for (const type of REQUEST_TYPES) {
      const request = Request.parse(samples[type]);
      const scope = accountScope(request).kind;
      if (kindMaySend('content-script', type)) expect(scope, type).toBe('tab');
      else expect(scope, type).not.toBe('tab');
      if (kindMaySend('sidebar', type)) expect(['accounts', 'none'], type).toContain(scope);
    }
  });

  it('names the account of every request a sidebar may send, from the request or from the store', () => {
    const samples = sampleRequests(ACCOUNT_KEY);
    for (const type of REQUEST_TYPES.filter((t) => kindMaySend('sidebar', t))) {
      const scope = accountScope(Request.parse(samples[type]));
      if (scope.kind === 'none') {
        expect(['settings.get', 'site.teach']).toContain(type);
        continue;
      }
      expect(scope.kind).toBe('accounts');
      if (scope.kind !== 'accounts') continue;
      expect(scope.accountKeys.length + scope.stored.length, type).toBeGreaterThan(0);
      for (const key of scope.accountKeys) expect(key).toBe(ACCOUNT_KEY);
    }
    expect(accountScope(Request.parse(samples['entry.delete']))).toEqual({ kind: 'accounts', accountKeys: [], stored: [{ store: 'interactions', id: 'missing' }] });
    expect(accountScope(Request.parse(samples['nextStep.complete']))).toEqual({ kind: 'accounts', accountKeys: [], stored: [{ store: 'interactions', id: 'missing' }] });
    expect(REQUEST_POLICY['backup.export']).toEqual(['extension-page']);
  });
});

describe('telling the senders apart', () => {
  for (const [browser, self] of [['Chrome', CHROME_SELF], ['Firefox', FIREFOX_SELF]] as const) {
    const raw = rawSenders(self);
    describe(browser, () => {
      it('knows the content script, the sidebar frame and the extension pages', () => {
        expect(classifySender(raw.contentScript(3), self)).toEqual({ kind: 'content-script', tabId: 3, origin: 'https://acme.lightning.force.com' });
        expect(classifySender(raw.sidebar(3), self)).toEqual({ kind: 'sidebar', tabId: 3, frameId: 5 });
        for (const page of ['options.html', 'portfolio.html', 'brief.html'] as const) expect(classifySender(raw.page(page, 8), self)).toEqual({ kind: 'extension-page', tabId: 8 });
        // A page with no tab (e.g. an offscreen document).
        expect(classifySender({ id: self.id, url: `${self.baseUrl}portfolio.html` }, self)).toEqual({ kind: 'extension-page' });
      });

      it('trusts no other extension, and no sender without an address', () => {
        expect(classifySender({ ...raw.page('options.html'), id: 'someone-else' }, self).kind).toBe('unknown');
        expect(classifySender({ ...raw.contentScript(3), id: undefined }, self).kind).toBe('unknown');
        const { url: _, ...noUrl } = raw.contentScript(3);
        expect(classifySender(noUrl, self).kind).toBe('unknown');
        expect(classifySender({ ...raw.contentScript(3), url: 'not a url' }, self).kind).toBe('unknown');
      });

      it('knows a sidebar page only as a frame in a tab', () => {
        // Opened as a tab's top document (a CRM page can open it: it is web-accessible).
        expect(classifySender({ ...raw.sidebar(3), frameId: 0 }, self).kind).toBe('unknown');
        const { tab: _, ...noTab } = raw.sidebar(3);
        expect(classifySender(noTab, self).kind).toBe('unknown');
      });

      it('refuses an extension page in a frame, and a content script outside a top frame', () => {
        expect(classifySender({ ...raw.page('options.html'), frameId: 2 }, self).kind).toBe('unknown');
        expect(classifySender({ ...raw.contentScript(3), frameId: 1 }, self).kind).toBe('unknown');
        const { tab: _, ...noTab } = raw.contentScript(3);
        expect(classifySender(noTab, self).kind).toBe('unknown');
        expect(classifySender({ id: self.id, url: 'about:blank', frameId: 0, tab: { id: 3 } }, self).kind).toBe('unknown');
      });

      it('does not take a look-alike address for the extension', () => {
        // Another extension's page, and a web page whose path looks like the sidebar's: content scripts at most.
        const otherBase = self.baseUrl.replace(/\/\/[^/]+\//, '//zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/');
        expect(classifySender({ id: self.id, url: `${otherBase}sidebar.html`, frameId: 5, tab: { id: 3 } }, self).kind).toBe('unknown');
        expect(classifySender({ id: self.id, url: 'https://acme.lightning.force.com/sidebar.html', frameId: 0, tab: { id: 3 } }, self).kind).toBe('content-script');
      });
    });
  }

  it('refuses a Chrome sender whose origin and address disagree', () => {
    const raw = rawSenders(CHROME_SELF);
    expect(classifySender({ ...raw.sidebar(3), origin: 'https://acme.lightning.force.com' }, CHROME_SELF).kind).toBe('unknown');
    expect(classifySender({ ...raw.contentScript(3), origin: 'null' }, CHROME_SELF).kind).toBe('unknown');
  });
});
