import { useEffect, useState } from 'react';
import { CsmSettings, type NoteTemplate } from '@/lib/model/settings';
import { request } from '@/lib/messaging/client';
import { toErrorData, validationErrorData, type AppErrorData } from '@/lib/errors';
import { LIMITS } from '@/lib/model/limits';
import { ErrorMessage, useI18n } from './i18n';
import { Field, LimitHint, ListFull } from './form';
import { HEALTH_COMPONENT_IDS, DEFAULT_HEALTH_WEIGHTS } from '@/lib/health/weights';
import { componentNameKey } from '@/lib/health/messages';

export function CsmSettingsForm() {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState<CsmSettings>();
  const [fieldKeys, setFieldKeys] = useState('');
  const [status, setStatus] = useState<'idle' | 'saved'>('idle');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<AppErrorData>();

  useEffect(() => {
    request({ type: 'settings.get' }).then((loaded) => {
      setSettings(loaded);
      setFieldKeys(loaded.stakeholderFieldKeys.join(', '));
    }, (e: unknown) => setError(toErrorData(e)));
  }, []);
  if (!settings) return error ? <ErrorMessage error={error} /> : null;

  const set = (patch: Partial<CsmSettings>) => {
    setSettings({ ...settings, ...patch });
    setStatus('idle');
  };
  const setTemplate = (i: number, patch: Partial<NoteTemplate>) => set({ templates: settings.templates.map((tpl, j) => (j === i ? { ...tpl, ...patch } : tpl)) });
  const save = async () => {
    const candidate = { ...settings, stakeholderFieldKeys: fieldKeys.split(',').map((k) => k.trim()).filter(Boolean) };
    const parsed = CsmSettings.safeParse(candidate);
    if (!parsed.success) {
      // Past a limit: what is wrong in the user's words; anything else (an empty number) as the check saw it.
      const wrong = validationErrorData(parsed.error.issues, candidate, locale);
      return setProblem(wrong.code === 'invalid-content' ? wrong.detail : t('settings.invalid', { detail: wrong.detail }));
    }
    setProblem(undefined);
    try {
      await request({ type: 'settings.save', settings: parsed.data });
      setStatus('saved');
      setError(undefined);
    } catch (e) {
      setError(toErrorData(e));
    }
  };

  return (
    <form className="settings" data-testid="csm-settings" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <div className="row">
        <Field label={t('settings.toneStaleDays')}>
          <input type="number" min={1} max={365} data-testid="settings-tone-stale" value={settings.toneStaleDays} onChange={(e) => set({ toneStaleDays: e.target.valueAsNumber })} />
        </Field>
        <Field label={t('settings.dueSoonDays')}>
          <input type="number" min={0} max={90} value={settings.dueSoonDays} onChange={(e) => set({ dueSoonDays: e.target.valueAsNumber })} />
        </Field>
      </div>
      <Field label={t('settings.stakeholderFields')}>
        <input data-testid="settings-stakeholder-fields" value={fieldKeys} onChange={(e) => { setFieldKeys(e.target.value); setStatus('idle'); }} />
        <ListFull count={fieldKeys.split(',').filter((k) => k.trim()).length} max={LIMITS.stakeholderFields} items="stakeholderFields" />
      </Field>
      <fieldset data-testid="settings-health-weights">
        <legend>{t('settings.healthWeights')}</legend>
        <p className="muted small">{t('settings.healthWeightsHelp')}</p>
        <div className="row">
          {HEALTH_COMPONENT_IDS.map((id) => (
            <Field key={id} label={t(componentNameKey(id))}>
              <input
                type="number"
                min={0}
                max={100}
                data-testid="settings-weight"
                data-component={id}
                value={settings.healthWeights[id]}
                onChange={(e) => set({ healthWeights: { ...settings.healthWeights, [id]: e.target.valueAsNumber } })}
              />
            </Field>
          ))}
        </div>
        <button type="button" className="link" onClick={() => set({ healthWeights: DEFAULT_HEALTH_WEIGHTS })}>{t('settings.healthWeightsReset')}</button>
      </fieldset>
      <fieldset>
        <legend>{t('settings.templates')}</legend>
        {settings.templates.map((tpl, i) => (
          <div key={tpl.id} className="template">
            <Field label={t('settings.templateName')}>
              <input value={tpl.name} maxLength={LIMITS.templateName} onChange={(e) => setTemplate(i, { name: e.target.value })} />
              <LimitHint length={tpl.name.length} max={LIMITS.templateName} field="templateName" />
            </Field>
            <Field label={t('settings.templateBody')}>
              <textarea rows={3} value={tpl.body} onChange={(e) => setTemplate(i, { body: e.target.value })} />
              <LimitHint length={tpl.body.length} max={LIMITS.longText} field="templateBody" />
            </Field>
            <button type="button" className="link danger" onClick={() => set({ templates: settings.templates.filter((_, j) => j !== i) })}>{t('settings.removeTemplate')}</button>
          </div>
        ))}
        <button type="button" disabled={settings.templates.length >= LIMITS.templates} onClick={() => set({ templates: [...settings.templates, { id: crypto.randomUUID(), name: '', body: '' }] })}>{t('settings.addTemplate')}</button>
        <ListFull count={settings.templates.length} max={LIMITS.templates} items="templates" />
      </fieldset>
      {problem && <p className="warning" role="alert">{problem}</p>}
      {error && <ErrorMessage error={error} />}
      <div className="row actions">
        {status === 'saved' && <span className="ok" role="status">{t('settings.saved')}</span>}
        <button type="submit" className="primary" data-testid="settings-save">{t('settings.save')}</button>
      </div>
    </form>
  );
}
