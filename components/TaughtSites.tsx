import { useCallback, useEffect, useRef, useState, type ChangeEvent } from 'react';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { hostPermissionFor, SiteDefinition } from '@/lib/model/site-definition';
import { AppError, issueDetail, toErrorData, type AppErrorData } from '@/lib/errors';
import { downloadText } from './download';
import { ErrorMessage, useI18n } from './i18n';

type Row = { definition: SiteDefinition; permitted: boolean };

/** Reads a definition file: JSON, then the zod schema (nothing in it is ever run). */
export function parseDefinitionFile(text: string): SiteDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new AppError('invalid-site', 'not JSON');
  }
  const parsed = SiteDefinition.safeParse(json);
  if (!parsed.success) {
    throw new AppError('invalid-site', issueDetail(parsed.error.issues[0], 'not a site definition'));
  }
  return parsed.data;
}

const permitted = (host: string) => browser.permissions.contains({ origins: [hostPermissionFor(host)] }).catch(() => false);

/**
 * "Sites you taught": each definition with whether its host is approved, export (one JSON file),
 * removal with undo, and import of a teammate's file. An imported definition does nothing until its
 * host is approved: the browser is asked at once, and "Allow access" asks again.
 */
export function TaughtSites() {
  const { t } = useI18n();
  const [rows, setRows] = useState<Row[]>();
  const [removed, setRemoved] = useState<SiteDefinition | null>(null);
  const [error, setError] = useState<AppErrorData>();
  const [imported, setImported] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const load = useCallback(async () => {
    try {
      const all = await request({ type: 'site.list' });
      setRows(await Promise.all(all.map(async (definition) => ({ definition, permitted: await permitted(definition.host) }))));
    } catch (e) {
      setError(toErrorData(e));
    }
  }, []);
  useEffect(() => {
    void load();
    // The status follows what the user changes in the browser too.
    const onChange = () => void load();
    browser.permissions.onAdded.addListener(onChange);
    browser.permissions.onRemoved.addListener(onChange);
    return () => {
      browser.permissions.onAdded.removeListener(onChange);
      browser.permissions.onRemoved.removeListener(onChange);
    };
  }, [load]);

  const allow = async (host: string) => {
    await browser.permissions.request({ origins: [hostPermissionFor(host)] }).catch(() => false);
    await load();
  };

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setError(undefined);
    setImported(null);
    try {
      const definition = parseDefinitionFile(await file.text());
      // Asked while the file choice still counts as the user's gesture; if the browser does not
      // ask now, the row offers "Allow access".
      void browser.permissions.request({ origins: [hostPermissionFor(definition.host)] }).then(() => load(), () => undefined);
      await request({ type: 'site.save', definition });
      setImported(definition.host);
      await load();
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const remove = async (definition: SiteDefinition) => {
    try {
      await request({ type: 'site.remove', id: definition.id });
      setRemoved(definition);
      await load();
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const undo = async () => {
    if (!removed) return;
    await request({ type: 'site.save', definition: removed }).catch((e: unknown) => setError(toErrorData(e)));
    setRemoved(null);
    await load();
  };

  return (
    <div data-testid="taught-sites">
      <p>{t('sites.help')}</p>
      {rows?.length === 0 && <p className="muted">{t('sites.none')}</p>}
      <ul className="plain">
        {rows?.map(({ definition, permitted }) => (
          <li key={definition.id} data-testid="site-definition" data-host={definition.host} data-status={permitted ? 'active' : 'waiting'}>
            <strong>{definition.displayName}</strong> <span className="muted">{definition.host}</span>{' '}
            <span>{t('sites.fieldCount', { count: definition.fields.length })}</span>{' '}
            {permitted ? <span className="ok">{t('sites.active')}</span> : <span className="error">{t('sites.waiting')}</span>}
            <div className="row">
              {!permitted && (
                <button type="button" data-testid="site-allow" onClick={() => void allow(definition.host)}>{t('crm.allow')}</button>
              )}
              <button
                type="button"
                data-testid="site-export"
                onClick={() => downloadText(JSON.stringify(definition, null, 2), `site-${definition.host}.json`, 'application/json')}
              >
                {t('sites.export')}
              </button>
              <button type="button" data-testid="site-remove" onClick={() => void remove(definition)}>{t('sites.remove')}</button>
            </div>
          </li>
        ))}
      </ul>
      {removed && (
        <p role="status" data-testid="site-removed">
          {t('sites.removed', { host: removed.host })}{' '}
          <button type="button" className="link" data-testid="site-undo" onClick={() => void undo()}>{t('timeline.undo')}</button>
        </p>
      )}
      <div className="row">
        <button type="button" onClick={() => fileInput.current?.click()}>{t('sites.import')}</button>
        <input ref={fileInput} type="file" accept="application/json,.json" hidden data-testid="site-import" onChange={(e) => void importFile(e)} />
      </div>
      {imported && <p className="ok" data-testid="site-imported">{t('sites.imported', { host: imported })}</p>}
      {error && <ErrorMessage error={error} />}
      <p className="muted small">{t('sites.teachHow')}</p>
    </div>
  );
}
