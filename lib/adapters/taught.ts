import type { RecordField } from '../model/account';
import { siteAccountKey } from '../model/account-key';
import type { SiteDefinition } from '../model/site-definition';
import { locate, valueText } from './locate';
import { matchAddress } from './site-address';
import type { CrmAdapter, VisibleRecord } from './types';

/**
 * The adapter of a site the CSM taught, made from its definition (data). Reads the name and each
 * taught field; a field it cannot find is listed in `lost`, never read from a guess.
 */
export function taughtAdapter(definition: SiteDefinition): CrmAdapter {
  return {
    crm: 'site',
    // Generic sites usually render the next record into the same elements.
    rendersInPlace: true,
    matchAccount(url) {
      if (url.protocol !== 'https:' || url.hostname !== definition.host) return null;
      const parts = matchAddress(definition.address, url);
      if (!parts) return null;
      return { crm: 'site', recordId: parts.join('/'), accountKey: siteAccountKey(definition.host, parts) };
    },
    readVisibleRecord(doc): VisibleRecord | null {
      const nameEl = locate(doc, definition.name);
      const fields: RecordField[] = [];
      const lost: string[] = [];
      for (const field of definition.fields) {
        const el = locate(doc, field.locator);
        if (el) fields.push({ key: field.name, label: field.name, value: valueText(el) });
        else lost.push(field.name);
      }
      // Nothing of the record rendered yet (a single-page app still loading): not a reading.
      if (!nameEl && fields.length === 0) return null;
      const name = nameEl ? valueText(nameEl) : '';
      return { container: nameEl ?? doc.body, name, fields, lost: nameEl ? lost : [NAME_FIELD, ...lost] };
    },
  };
}

/** How a lost name is listed among lost fields. */
export const NAME_FIELD = '(name)';
