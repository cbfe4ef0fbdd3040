import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { CRM_SCRIPTS, type CrmScript, type CrmScriptId } from '@/lib/crm-hosts';
import type { CrmInterfaces } from '@/lib/model/crm-interfaces';
import { crmInterfaceStatus } from '@/lib/crm-interface-status';
import { request } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { ErrorMessage, useI18n } from './i18n';

type Permitted = Partial<Record<CrmScriptId, boolean>>;

async function hostsPermitted(script: CrmScript): Promise<boolean> {
  return browser.permissions.contains({ origins: [...script.matches] }).catch(() => false);
}

/**
 * The CRMs section of the settings page: each CRM interface with its hosts, an on/off switch (the
 * background applies it to open tabs at once) and its status, which follows the browser's site
 * access as the user grants or withdraws it.
 */
export function CrmInterfacesForm() {
  const { t } = useI18n();
  const [interfaces, setInterfaces] = useState<CrmInterfaces>();
  const [permitted, setPermitted] = useState<Permitted>({});
  const [switching, setSwitching] = useState<CrmScriptId>();
  const [error, setError] = useState<AppErrorData>();

  const checkPermissions = useCallback(async () => {
    const answers = await Promise.all(CRM_SCRIPTS.map(async (script) => [script.id, await hostsPermitted(script)] as const));
    setPermitted(Object.fromEntries(answers));
  }, []);

  useEffect(() => {
    request({ type: 'settings.get' }).then((settings) => setInterfaces(settings.crmInterfaces), (e: unknown) => setError(toErrorData(e)));
    void checkPermissions();
    const changed = () => void checkPermissions();
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, [checkPermissions]);

  if (!interfaces) return error ? <ErrorMessage error={error} /> : null;

  const turn = async (script: CrmScriptId, on: boolean) => {
    setSwitching(script);
    try {
      setInterfaces(await request({ type: 'crm.switch', script, on }));
      setError(undefined);
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setSwitching(undefined);
    }
  };
  // Must run inside the click: browsers show the permission prompt only for a user gesture.
  const allow = (script: CrmScript) => {
    void browser.permissions.request({ origins: [...script.matches] }).catch(() => false).then(() => checkPermissions());
  };

  return (
    <div data-testid="crm-interfaces">
      <p className="muted">{t('crm.help')}</p>
      <ul className="crm-interfaces">
        {CRM_SCRIPTS.map((script) => {
          const on = interfaces[script.id];
          const known = permitted[script.id];
          const status = known === undefined ? undefined : crmInterfaceStatus(on, known);
          const ids = { hosts: `crm-${script.id}-hosts`, status: `crm-${script.id}-status` };
          return (
            <li key={script.id} data-testid="crm-interface" data-crm={script.id} data-status={status}>
              <label className="crm-switch">
                <input
                  type="checkbox"
                  role="switch"
                  data-testid="crm-interface-switch"
                  checked={on}
                  disabled={switching === script.id}
                  aria-describedby={`${ids.hosts} ${ids.status}`}
                  onChange={(e) => void turn(script.id, e.target.checked)}
                />
                <strong>{t(`crm.name.${script.id}`)}</strong>
              </label>
              <span id={ids.status} className={`crm-status crm-status-${status ?? 'unknown'}`} data-testid="crm-interface-status" aria-live="polite">
                {status && t(`crm.status.${status}`)}
              </span>
              <p id={ids.hosts} className="muted small">{t(`crm.hosts.${script.id}`)}</p>
              {status === 'permission-missing' && (
                <p className="warning small">
                  {t('crm.permissionHelp')}{' '}
                  <button type="button" data-testid="crm-interface-allow" onClick={() => allow(script)}>{t('crm.allow')}</button>
                </p>
              )}
            </li>
          );
        })}
      </ul>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
