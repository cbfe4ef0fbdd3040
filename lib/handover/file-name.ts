import { localDate } from '../calendar';
import { fileStem } from '../export/file-name';

/** `Globex-Corporation_handover_2026-11-25.json`, or `3-accounts_handover_…` for several (local day, as the user sees it). */
export function handoverFileName(accountNames: readonly string[], now: Date): string {
  const [only] = accountNames;
  const stem = accountNames.length === 1 && only !== undefined ? fileStem(only) : `${accountNames.length}-accounts`;
  return `${stem}_handover_${localDate(now)}.json`;
}
