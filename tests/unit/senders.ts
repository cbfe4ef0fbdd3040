/**
 * Senders as the browser describes them to `runtime.onMessage` (Chrome MV3 and Firefox MV2), and
 * as the background classifies them: for tests of lib/background/handle-request.ts and its policy.
 */
import { classifySender, type RawSender, type RequestSender, type SelfIdentity } from '@/lib/background/sender-policy';
import type { SidebarFrames } from '@/lib/background/sidebar-frames';
import { reading } from './factories';

export const CHROME_SELF: SelfIdentity = { id: 'abcdefghijklmnopabcdefghijklmnop', baseUrl: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/' };
export const FIREFOX_SELF: SelfIdentity = { id: 'adoption-sidebar@example.org', baseUrl: 'moz-extension://4b6a3f3e-5b1c-4d8e-9f0a-1c2d3e4f5a6b/' };

const CRM_URL = reading().url;
/** The frame id of the sidebar the extension made in each tab (a frame the page made has another). */
export const SIDEBAR_FRAME_ID = 5;
const originOf = (url: string) => `${new URL(url).protocol}//${new URL(url).host}`;

/** The raw senders of each kind, Chrome's (with `origin`) unless `self` is Firefox's (no `origin`). */
export const rawSenders = (self: SelfIdentity = CHROME_SELF) => {
  const chrome = self === CHROME_SELF;
  const withOrigin = (sender: RawSender): RawSender => (chrome && sender.url ? { ...sender, origin: originOf(sender.url) } : sender);
  return {
    /** Our content script in the CRM page's top frame (also code run in its isolated world by `scripting`). */
    contentScript: (tabId: number, url = CRM_URL): RawSender => withOrigin({ id: self.id, url, frameId: 0, tab: { id: tabId } }),
    /** The sidebar frame inside a CRM tab. */
    sidebar: (tabId: number, frameId = SIDEBAR_FRAME_ID): RawSender => withOrigin({ id: self.id, url: `${self.baseUrl}sidebar.html`, frameId, tab: { id: tabId } }),
    /** An extension page in a tab of its own. */
    page: (path: 'options.html' | 'portfolio.html' | 'brief.html', tabId = 90): RawSender => withOrigin({ id: self.id, url: `${self.baseUrl}${path}#x`, frameId: 0, tab: { id: tabId } }),
  };
};

export const contentScript = (tabId: number): RequestSender => classifySender(rawSenders().contentScript(tabId), CHROME_SELF);
export const sidebarOf = (tabId: number, frameId = SIDEBAR_FRAME_ID): RequestSender => classifySender(rawSenders().sidebar(tabId, frameId), CHROME_SELF);

/** The extension made the sidebar frame of these tabs: their content scripts announced a key and the frame showed it. */
export async function madeSidebars(frames: SidebarFrames, ...tabIds: number[]): Promise<void> {
  for (const tabId of tabIds) {
    const key = `00000000-0000-4000-8000-${String(tabId).padStart(12, '0')}`;
    await frames.expect(tabId, key);
    if (!(await frames.claim(tabId, SIDEBAR_FRAME_ID, key))) throw new Error(`tab ${tabId}: the sidebar frame was not taken`);
  }
}
export const optionsPage: RequestSender = classifySender(rawSenders().page('options.html'), CHROME_SELF);
export const portfolioPage: RequestSender = classifySender(rawSenders().page('portfolio.html'), CHROME_SELF);
