import { browser } from 'wxt/browser';
import { browserMessageName } from '../../i18n/browser-locales';

/** The teaching mode's strings, from the browser's _locales (made from lib/i18n/en.ts and ja.ts at build): the script carries no dictionary. */
const KEYS = ['title', 'step1', 'choosePart', 'displayName', 'step2', 'name', 'pickName', 'clickName', 'pickField', 'clickField', 'fieldName', 'readsNow', 'addField', 'reteach', 'remove', 'notFound', 'step3', 'save', 'cancel', 'saveFailed'] as const;

export type TeachText = Record<(typeof KEYS)[number], string>;

export function teachText(i18n: { getMessage(name: string): string } = browser.i18n): TeachText {
  return Object.fromEntries(KEYS.map((k) => [k, i18n.getMessage(browserMessageName(`host.teach.${k}`)) || k])) as TeachText;
}
