import { localDate } from '../calendar';

/** `adoption-sidebar-backup-2026-11-25.json`, in local time so it matches the day the user sees. */
export function backupFileName(now: Date): string {
  return `adoption-sidebar-backup-${localDate(now)}.json`;
}
