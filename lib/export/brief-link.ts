import { z } from '../model/zod';
import { AccountKey } from '../model/account';
import { IsoDate } from '../model/dates';
import type { DateRange } from '../model/dates';

/**
 * What the printable brief page is opened with, in its URL's hash: the account, the range and
 * whether internal-only notes are included. Never any note text: the page reads the record from
 * the background itself.
 */
export const BriefLink = z.object({
  accountKey: AccountKey,
  from: IsoDate,
  to: IsoDate,
  includeInternal: z.boolean(),
});
export type BriefLink = z.infer<typeof BriefLink>;

/** Both ends are calendar days and the range is not backwards. */
export function isValidRange(range: DateRange): boolean {
  return IsoDate.safeParse(range.from).success && IsoDate.safeParse(range.to).success && range.from <= range.to;
}

export function briefLinkHash(link: BriefLink): string {
  const params = new URLSearchParams({ account: link.accountKey, from: link.from, to: link.to, internal: link.includeInternal ? '1' : '0' });
  return `#${params.toString()}`;
}

/** The link in a hash (`#account=…&from=…&to=…&internal=0|1`), or null when it is not a valid one. */
export function parseBriefLink(hash: string): BriefLink | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const internal = params.get('internal');
  const parsed = BriefLink.safeParse({
    accountKey: params.get('account'),
    from: params.get('from'),
    to: params.get('to'),
    includeInternal: internal === '1' ? true : internal === '0' || internal === null ? false : 'invalid',
  });
  return parsed.success && isValidRange(parsed.data) ? parsed.data : null;
}
