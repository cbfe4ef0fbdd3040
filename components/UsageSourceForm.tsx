import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { request } from '@/lib/messaging/client';
import { issueDetail, toErrorData, type AppErrorData } from '@/lib/errors';
import { UsageSourceConfig, sourceOriginPattern, type UsageSourceStatus } from '@/lib/usage/source';
import { ErrorMessage, useI18n } from './i18n';
import { Field } from './form';

type Permission = 'unknown' | 'asking' | 'granted' | 'denied';

/** "3 hours ago" in the UI language. */
function age(iso: string, locale: string): string {
  const minutes = Math.round((Date.now() - new Date(iso).getTime()) / 60_000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  if (Math.abs(minutes) < 60) return format.format(-minutes, 'minute');
  if (Math.abs(minutes) < 48 * 60) return format.format(-Math.round(minutes / 60), 'hour');
  return format.format(-Math.round(minutes / 1440), 'day');
}

/** The optional usage endpoint: address, token header, schedule; its host permission asked for at run time. */
export function UsageSourceForm() {
  const { t, locale, dateTime } = useI18n();
  const empty: UsageSourceConfig = { url: '', headerName: 'Authorization', token: '', refreshHours: 6 };
  const [form, setForm] = useState(empty);
  /** Fields typed into since the last save: the stored values arriving later (a slow start) do not replace them. */
  const edited = useRef(new Set<keyof UsageSourceConfig>());
  const edit = <K extends keyof UsageSourceConfig>(key: K, value: UsageSourceConfig[K]) => {
    edited.current.add(key);
    setForm((now) => ({ ...now, [key]: value }));
  };
  const [configured, setConfigured] = useState(false);
  const [hasToken, setHasToken] = useState(false);
  const [status, setStatus] = useState<UsageSourceStatus>();
  const [permission, setPermission] = useState<Permission>('unknown');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<AppErrorData>();
  const [busy, setBusy] = useState(false);
  /** The save on its way: a fetch asked for meanwhile waits for it, so it uses what was just saved (a new token, say). */
  const saving = useRef<Promise<void>>(Promise.resolve());

  const checkPermission = (url: string) => {
    if (!url) return;
    // While the browser's prompt is open, its answer (not this check) decides what is shown.
    const settle = (next: Permission) => setPermission((now) => (now === 'asking' ? now : next));
    void browser.permissions.contains({ origins: [sourceOriginPattern(url)] }).then((ok) => settle(ok ? 'granted' : 'denied'), () => settle('unknown'));
  };
  const load = async () => {
    try {
      const state = await request({ type: 'usageSource.get' });
      setConfigured(state.config !== null);
      setHasToken(state.hasToken);
      setStatus(state.status);
      if (state.config) {
        const stored: UsageSourceConfig = { ...state.config, token: '' };
        setForm((now) => ({ ...stored, ...Object.fromEntries([...edited.current].map((key) => [key, now[key]])) }));
        checkPermission(state.config.url);
      }
    } catch (e) {
      setError(toErrorData(e));
    }
  };
  useEffect(() => void load(), []);

  // Must run inside the click: browsers only show the permission prompt for a user gesture.
  const askPermission = (url: string) => {
    setPermission('asking');
    browser.permissions.request({ origins: [sourceOriginPattern(url)] }).then((ok) => setPermission(ok ? 'granted' : 'denied'), () => setPermission('denied'));
  };

  const save = () => (saving.current = saveForm());
  const saveForm = async () => {
    const parsed = UsageSourceConfig.safeParse({ ...form, url: form.url.trim() });
    if (!parsed.success) {
      return setProblem(t('source.invalid', { detail: issueDetail(parsed.error.issues[0], '') }));
    }
    setProblem(undefined);
    // What is typed from here on is newer than what this save stores.
    edited.current.clear();
    if (permission !== 'granted') askPermission(parsed.data.url);
    try {
      await request({ type: 'usageSource.save', config: parsed.data, keepToken: form.token === '' && hasToken });
      await load();
    } catch (e) {
      setError(toErrorData(e));
    }
  };
  const fetchNow = async () => {
    setBusy(true);
    try {
      await saving.current;
      setStatus(await request({ type: 'usageSource.refresh' }));
      setError(undefined);
    } catch (e) {
      setError(toErrorData(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    const pattern = form.url ? sourceOriginPattern(form.url) : null;
    try {
      await request({ type: 'usageSource.remove' });
      if (pattern) await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
      edited.current.clear();
      setForm(empty);
      setPermission('unknown');
      await load();
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  const state = !status?.lastAttemptAt ? 'never' : status.lastError ? 'error' : 'ok';
  return (
    <form className="settings" data-testid="usage-source" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <p className="muted">{t('source.help')}</p>
      <Field label={t('source.url')}>
        <input type="url" required placeholder="https://…" data-testid="usage-source-url" value={form.url} onChange={(e) => edit('url', e.target.value)} />
      </Field>
      <div className="row">
        <Field label={t('source.header')}>
          <input data-testid="usage-source-header" value={form.headerName} onChange={(e) => edit('headerName', e.target.value)} />
        </Field>
        <Field label={t('source.token')}>
          <input type="password" autoComplete="off" data-testid="usage-source-token" placeholder={hasToken ? t('source.tokenKept') : ''} value={form.token} onChange={(e) => edit('token', e.target.value)} />
        </Field>
        <Field label={t('source.refreshHours')}>
          <input type="number" min={1} max={168} data-testid="usage-source-hours" value={form.refreshHours} onChange={(e) => edit('refreshHours', e.target.valueAsNumber)} />
        </Field>
      </div>
      {problem && <p className="warning" role="alert">{problem}</p>}
      {configured && (
        <p className="muted small" data-testid="usage-source-permission" data-permission={permission}>
          {t(`source.permission.${permission}`, { host: form.url ? new URL(form.url).host : '' })}{' '}
          {permission !== 'granted' && permission !== 'asking' && (
            <button type="button" className="link" data-testid="usage-source-allow" onClick={() => askPermission(form.url)}>{t('source.allow')}</button>
          )}
        </p>
      )}
      <div className="row actions">
        {configured && <button type="button" className="link danger" data-testid="usage-source-remove" onClick={() => void remove()}>{t('source.remove')}</button>}
        {configured && <button type="button" data-testid="usage-source-fetch" disabled={busy} onClick={() => void fetchNow()}>{busy ? t('source.fetching') : t('source.fetchNow')}</button>}
        <button type="submit" className="primary" data-testid="usage-source-save">{t('source.save')}</button>
      </div>
      {configured && status && (
        <div data-testid="usage-source-status" data-state={state} aria-live="polite">
          {status.lastSuccessAt ? (
            <p className={state === 'ok' ? 'ok' : 'muted'} data-testid="usage-source-age" title={dateTime(status.lastSuccessAt)}>
              {t('source.lastSuccess', { age: age(status.lastSuccessAt, locale), rows: status.lastRows })}
            </p>
          ) : (
            <p className="muted">{t('source.never')}</p>
          )}
          {status.lastError && <ErrorMessage error={status.lastError} />}
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}
