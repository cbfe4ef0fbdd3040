import { createContext, useContext, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { createTranslator, pickLocale, type Translator } from '@/lib/i18n';
import type { AppErrorData } from '@/lib/errors';

const TranslatorContext = createContext<Translator>(createTranslator('en'));

export function browserTranslator(): Translator {
  return createTranslator(pickLocale(browser.i18n.getUILanguage?.() ?? navigator.language));
}

export function I18nProvider({ translator, children }: { translator: Translator; children: ReactNode }) {
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

export function useI18n(): Translator {
  return useContext(TranslatorContext);
}

/** An error in the user's words, with the technical detail kept for support. */
export function ErrorMessage({ error }: { error: AppErrorData }) {
  const { t } = useI18n();
  return (
    <p className="error" role="alert" data-testid="error-message" data-code={error.code}>
      {t(`error.${error.code}`, { detail: error.detail, version: error.detail })}
    </p>
  );
}
