import type { MessageKey } from './en';

/** Prefixes of the strings the browser reads through `_locales` (manifest, shortcut, content script). */
const BROWSER_PREFIXES = ['browser.', 'host.'] as const;

/** The `_locales/<lang>/messages.json` name of a key: `browser.extName` → `extName`, `host.expand` → `host_expand`. */
export function browserMessageName(key: string): string {
  return key.startsWith('browser.') ? key.slice('browser.'.length) : key.replace(/\./g, '_');
}

/**
 * The browser's own message file for one language, made at build from that language's
 * dictionary, so every string has one home and the content script carries no dictionary.
 */
export function browserLocaleMessages(dictionary: Readonly<Record<MessageKey, string>>): Record<string, { message: string }> {
  const out: Record<string, { message: string }> = {};
  for (const [key, message] of Object.entries(dictionary)) {
    if (!BROWSER_PREFIXES.some((prefix) => key.startsWith(prefix))) continue;
    // The browser's `$placeholder$` syntax differs from ours: these strings must have none.
    if (/[{$]/.test(message)) throw new Error(`${key}: strings read by the browser cannot have placeholders`);
    out[browserMessageName(key)] = { message };
  }
  return out;
}
