import type { SiteDefinition } from '../model/site-definition';
import { taughtAdapter } from './taught';
import type { CrmAdapter } from './types';

/** One adapter for every definition of a host (several kinds of record may be taught on one site): the one whose address matches reads. */
export function taughtSitesAdapter(definitions: readonly SiteDefinition[]): CrmAdapter {
  const adapters = definitions.map(taughtAdapter);
  const forUrl = (url: URL) => adapters.find((a) => a.matchAccount(url) !== null);
  return {
    crm: 'site',
    rendersInPlace: true,
    matchAccount: (url) => forUrl(url)?.matchAccount(url) ?? null,
    readVisibleRecord(doc) {
      let url: URL;
      try {
        url = new URL(doc.location?.href ?? '');
      } catch {
        return null;
      }
      return forUrl(url)?.readVisibleRecord(doc) ?? null;
    },
  };
}
