import * as z from 'zod/mini';

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
]);
export type ContentCommand = z.infer<typeof ContentCommand>;
