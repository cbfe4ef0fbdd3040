import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ja } from './ja';
import { browserLocaleMessages, browserMessageName } from './browser-locales';
import { createTranslator, pickLocale, translate } from './index';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it('has every string in both languages with the same placeholders', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(ja[key], key).toBeTruthy();
      expect(placeholders(ja[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('follows the browser language', () => {
    expect(pickLocale('ja')).toBe('ja');
    expect(pickLocale('ja-JP')).toBe('ja');
    expect(pickLocale('en-GB')).toBe('en');
    expect(pickLocale('fr')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });

  it('makes the browser’s message files from the same dictionaries', () => {
    expect(browserLocaleMessages(ja)).toMatchObject({ extName: { message: 'アダプション・サイドバー' }, host_expand: { message: 'アダプション・サイドバーを開く' } });
    expect(Object.keys(browserLocaleMessages(en)).filter((k) => !k.startsWith('host_teach_')).sort()).toEqual(['commandQuickLog', 'extDescription', 'extName', 'host_collapse', 'host_expand', 'host_resize']);
    // The teaching mode's strings (lib/content/teach/teach-text.ts), in both languages.
    expect(Object.keys(browserLocaleMessages(ja)).filter((k) => k.startsWith('host_teach_'))).toHaveLength(20);
    expect(browserMessageName('host.resize')).toBe('host_resize');
    // Every one the manifest and the content script name exists.
    for (const name of ['extName', 'extDescription', 'commandQuickLog', 'host_collapse', 'host_expand', 'host_resize']) expect(browserLocaleMessages(ja)[name]?.message).toBeTruthy();
  });

  it('fills placeholders', () => {
    expect(translate('en', 'sidebar.damaged', { count: 3 })).toBe('3 stored entries are damaged and not shown. Your other entries are safe.');
  });

  it('formats dates and numbers for the locale', () => {
    const iso = '2026-11-25T03:04:00.000Z';
    expect(createTranslator('ja').date(iso)).toMatch(/2026\/11\/2[45]/);
    expect(createTranslator('en').date(iso)).toMatch(/Nov 2[45], 2026/);
    expect(createTranslator('ja').number(1234567)).toBe('1,234,567');
  });
});
