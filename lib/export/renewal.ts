import type { RecordField } from '../model/account';

/** API names and labels (English and Japanese) under which CRMs commonly show a renewal date. */
const RENEWAL = /renew|契約更新|更新日/i;

/**
 * The renewal date shown on the CRM record, as `YYYY-MM-DD`, or null. Salesforce shows dates in
 * the user's locale: ISO, `2027/03/31`, `3/31/2027` (US) and `2027年3月31日` are understood.
 */
export function renewalDate(fields: readonly RecordField[]): string | null {
  for (const field of fields) {
    if (!RENEWAL.test(field.key) && !RENEWAL.test(field.label)) continue;
    const date = parseShownDate(field.value);
    if (date) return date;
  }
  return null;
}

export function parseShownDate(value: string): string | null {
  const v = value.normalize('NFKC').trim();
  const pad = (n: string) => n.padStart(2, '0');
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?/.exec(v);
  if (m && m[1] && m[2] && m[3]) return valid(`${m[1]}-${pad(m[2])}-${pad(m[3])}`);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (m && m[1] && m[2] && m[3]) return valid(`${m[3]}-${pad(m[1])}-${pad(m[2])}`);
  return null;
}

function valid(iso: string): string | null {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : null;
}
