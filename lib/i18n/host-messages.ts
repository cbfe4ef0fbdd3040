import { pickLocale } from './locale';

/**
 * The few strings of the sidebar's frame on the CRM page. Kept apart from the sidebar's
 * dictionary so the content script stays small.
 */
const hostMessages = {
  en: {
    collapse: 'Collapse the adoption sidebar',
    expand: 'Open the adoption sidebar',
    resize: 'Resize the adoption sidebar (arrow keys)',
  },
  ja: {
    collapse: 'アダプション・サイドバーを折りたたむ',
    expand: 'アダプション・サイドバーを開く',
    resize: 'アダプション・サイドバーの幅を変える（矢印キー）',
  },
} satisfies Record<'en' | 'ja', Record<string, string>>;

export type HostMessages = (typeof hostMessages)['en'];

export function hostMessagesFor(languageTag: string | undefined): HostMessages {
  return hostMessages[pickLocale(languageTag)];
}
