import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { hostPermissionFor } from '@/lib/model/site-definition';
import { hostOf } from '@/lib/background/site-registry';
import { isCrmPage } from '@/lib/background/crm-script-for';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { ErrorMessage, useI18n } from './i18n';

interface Target {
  tabId: number;
  host: string | null;
  crm: boolean;
}

/**
 * The toolbar button's menu: the portfolio, and "Teach this site" for the tab it was opened on
 * (`activeTab` lets it read that tab's address). Teaching asks the browser for that one host, at
 * that moment. `?tab=<id>` names the tab when the menu is opened as a page (the end-to-end tests).
 */
export function Popup() {
  const { t } = useI18n();
  const [target, setTarget] = useState<Target | null>(null);
  const [state, setState] = useState<'idle' | 'denied' | 'started'>('idle');
  const [error, setError] = useState<AppErrorData>();

  useEffect(() => {
    const named = Number(new URLSearchParams(location.search).get('tab') ?? NaN);
    const tab = Number.isInteger(named) ? browser.tabs.get(named) : browser.tabs.query({ active: true, currentWindow: true }).then((tabs) => tabs[0]);
    void tab.then(
      (tab) => tab?.id !== undefined && setTarget({ tabId: tab.id, host: hostOf(tab.url), crm: isCrmPage(tab.url) }),
      () => undefined,
    );
  }, []);

  const teach = async () => {
    if (!target?.host) return;
    // Asked in the click itself: the browser shows its prompt only for a user's gesture.
    const granted = await browser.permissions.request({ origins: [hostPermissionFor(target.host)] }).catch(() => false);
    if (!granted) return setState('denied');
    try {
      await request({ type: 'site.teach', tabId: target.tabId });
      setState('started');
      if (!new URLSearchParams(location.search).has('tab')) window.close();
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  return (
    <main className="popup" style={{ minWidth: 260, padding: 8 }}>
      <h1 className="app-name">{t('appName')}</h1>
      <p>
        <button type="button" data-testid="popup-portfolio" onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/portfolio.html') })}>
          {t('popup.portfolio')}
        </button>
      </p>
      <p>
        <button type="button" className="primary" data-testid="popup-teach" disabled={!target?.host || target.crm} onClick={() => void teach()}>
          {t('popup.teach')}
        </button>
      </p>
      <p className="muted small">{target?.host ? (target.crm ? t('popup.builtIn') : t('popup.teachHelp', { host: target.host })) : t('popup.noSite')}</p>
      {state === 'denied' && <p className="error" role="alert">{t('popup.denied')}</p>}
      {state === 'started' && <p className="ok" data-testid="popup-teaching">{t('popup.started')}</p>}
      {error && <ErrorMessage error={error} />}
      <p>
        <button type="button" data-testid="popup-options" onClick={() => void browser.runtime.openOptionsPage()}>{t('popup.settings')}</button>
      </p>
    </main>
  );
}
