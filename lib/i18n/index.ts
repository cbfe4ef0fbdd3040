import { en, type MessageKey } from './en';
import { ja } from './ja';

import type { Locale } from './locale';

export { pickLocale, type Locale } from './locale';
export type { MessageKey };

export function translate(locale: Locale, key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = (locale === 'ja' ? ja : en)[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

export interface Translator {
  locale: Locale;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  dateTime: (iso: string) => string;
  date: (iso: string) => string;
  /** A calendar day `YYYY-MM-DD`, shown as that day whatever the time zone. */
  day: (isoDate: string) => string;
  number: (n: number) => string;
}

/** Made on first use: each Intl formatter costs milliseconds to create (ICU data), and a page may never need it. */
function onFirstUse<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}

export function createTranslator(locale: Locale): Translator {
  // Creating the four formatters up front took about 8 ms of every sidebar's start (CPU profile of
  // sidebar.html), and the first screen needs at most two of them.
  const dateTimeFormat = onFirstUse(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }));
  const dateFormat = onFirstUse(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }));
  const dayFormat = onFirstUse(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }));
  const numberFormat = onFirstUse(() => new Intl.NumberFormat(locale));
  return {
    locale,
    t: (key, params) => translate(locale, key, params),
    dateTime: (iso) => dateTimeFormat().format(new Date(iso)),
    date: (iso) => dateFormat().format(new Date(iso)),
    day: (isoDate) => dayFormat().format(new Date(`${isoDate}T00:00:00Z`)),
    number: (n) => numberFormat().format(n),
  };
}
