import { z } from '../model/zod';

/**
 * Background → content script. zod/mini, because this schema ships in the content script
 * and the full zod would be most of its size budget.
 */
export const ContentCommand = z.discriminatedUnion('type', [
  /** The quick-log shortcut: open the sidebar (making it if need be) and its quick log. */
  z.object({ type: z.literal('quickLog.open') }),
  z.object({ type: z.literal('record.resend') }),
  /** The CSM turned this CRM interface off in the settings: the sidebar leaves the page and the script ends. */
  z.object({ type: z.literal('sidebar.end') }),
  /**
   * Another tab of the window was activated (this one is in the background now), or this one was:
   * the sidebar of a tab left in the background is taken off after a while and comes back when the
   * tab is shown again (lib/content/background-release.ts). A page's visibility says the same in
   * a browser with windows; these also reach a headless one, where every page stays "visible".
   */
  z.object({ type: z.literal('tab.hidden') }),
  z.object({ type: z.literal('tab.shown') }),
]);
export type ContentCommand = z.infer<typeof ContentCommand>;
