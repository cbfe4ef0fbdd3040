import * as z from 'zod/mini';

/** The sidebar's width and collapsed state: one per browser, shared by every CRM tab. */
export const SidebarLayout = z.object({
  width: z.number(),
  collapsed: z.boolean(),
});
export type SidebarLayout = z.infer<typeof SidebarLayout>;

export const LAYOUT_STORAGE_KEY = 'sidebarLayout';
export const DEFAULT_LAYOUT: SidebarLayout = { width: 380, collapsed: false };
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 720;

/** Keeps the sidebar usable and leaves at least 320 px of the CRM page visible. */
export function clampWidth(width: number, viewportWidth: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, viewportWidth - 320));
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

/** A stored layout, or the default when nothing (or something unreadable) is stored. */
export function parseLayout(stored: unknown): SidebarLayout {
  const parsed = SidebarLayout.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_LAYOUT;
}
