import type { SidebarLayout } from '../model/sidebar-layout';

export const LAYOUT_STORAGE_KEY = 'sidebarLayout';
export const DEFAULT_LAYOUT: SidebarLayout = { width: 380, collapsed: false };
export const MIN_WIDTH = 280;
export const MAX_WIDTH = 720;

/** Keeps the sidebar usable and leaves at least 320 px of the CRM page visible. */
export function clampWidth(width: number, viewportWidth: number): number {
  const max = Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, viewportWidth - 320));
  return Math.round(Math.min(max, Math.max(MIN_WIDTH, width)));
}

/**
 * A stored layout, or the default when nothing (or something unreadable) is stored. Read without
 * zod: zod is a quarter of the content script's 15 kB budget and this is its only use there.
 * Agrees with SidebarLayout.safeParse (layout.test.ts).
 */
export function parseLayout(stored: unknown): SidebarLayout {
  if (typeof stored !== 'object' || stored === null) return DEFAULT_LAYOUT;
  const width: unknown = Reflect.get(stored, 'width');
  const collapsed: unknown = Reflect.get(stored, 'collapsed');
  return typeof width === 'number' && Number.isFinite(width) && typeof collapsed === 'boolean'
    ? { width, collapsed }
    : DEFAULT_LAYOUT;
}
