export type Locale = 'en' | 'ja';

/** The UI follows the browser's language: Japanese for any `ja*`, English otherwise. */
export function pickLocale(languageTag: string | undefined): Locale {
  return languageTag?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}
