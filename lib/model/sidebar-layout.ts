import { z } from './zod';

/** The sidebar's width and collapsed state: one per browser, shared by every CRM tab. */
export const SidebarLayout = z.object({
  width: z.number(),
  collapsed: z.boolean(),
});
export type SidebarLayout = z.infer<typeof SidebarLayout>;
