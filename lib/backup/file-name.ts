/** `adoption-sidebar-backup-2026-11-25.json`, in local time so it matches the day the user sees. */
export function backupFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `adoption-sidebar-backup-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.json`;
}
