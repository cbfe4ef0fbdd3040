import { useEffect, useState } from 'react';
import { CsmFormSettings, type CsmSettings, type NoteTemplate, type OwnPhrase } from '@/lib/model/settings';
import { SIGNAL_KINDS } from '@/lib/model/signal';
import { request } from '@/lib/messaging/client';
import { toErrorData, validationErrorData, type AppErrorData } from '@/lib/errors';
import { LIMITS } from '@/lib/model/limits';
import { ErrorMessage, useI18n } from './i18n';
import { Field, LimitHint, ListFull, SelectField } from './form';
import { HEALTH_COMPONENT_IDS, DEFAULT_HEALTH_WEIGHTS } from '@/lib/health/weights';
import { componentNameKey } from '@/lib/health/messages';

export function CsmSettingsForm() {
  const { t, locale } = useI18n();
  const [settings, setSettings] = useState<CsmSettings>();
  const [fieldKeys, setFieldKeys] = useState('');
  // As typed, one name a line; the settings keep the names.
  const [competitors, setCompetitors] = useState('');
  const [status, setStatus] = useState<'idle' | 'saved'>('idle');
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<AppErrorData>();

  useEffect(() => {
    request({ type: 'settings.get' }).then((loaded) => {
      setSettings(loaded);
      setFieldKeys(loaded.stakeholderFieldKeys.join(', '));
      setCompetitors(loaded.competitorNames.join('\n'));
    }, (e: unknown) => setError(toErrorData(e)));
  }, []);
  if (!settings) return error ? <ErrorMessage error={error} /> : null;

  const set = (patch: Partial<CsmSettings>) => {
    setSettings({ ...settings, ...patch });
    setStatus('idle');
  };
  const setPhrase = (i: number, patch: Partial<OwnPhrase>) => set({ ownPhrases: settings.ownPhrases.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const setTemplate = (i: number, patch: Partial<NoteTemplate>) => set({ templates: settings.templates.map((tpl, j) => (j === i ? { ...tpl, ...patch } : tpl)) });
  const save = async () => {
    const candidate = {
      ...settings,
      stakeholderFieldKeys: fieldKeys.split(',').map((k) => k.trim()).filter(Boolean),
      competitorNames: [...new Set(competitors.split('\n').map((name) => name.trim()).filter(Boolean))],
      // A row left empty is not a phrase.
      ownPhrases: settings.ownPhrases.filter((p) => p.phrase.trim() !== ''),
    };
    // The CRM switches are not the form's: they are saved by their own section (CrmInterfacesForm).
    const parsed = CsmFormSettings.safeParse(candidate);
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
      <Field label={t('settings.senderName')}>
        <input data-testid="settings-sender-name" value={settings.senderName} maxLength={LIMITS.name} autoComplete="name" onChange={(e) => set({ senderName: e.target.value })} />
      </Field>
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
      <fieldset data-testid="settings-suggestions">
        <legend>{t('settings.suggestions')}</legend>
        <p className="muted small">{t('settings.suggestionsHelp')}</p>
        <Field label={t('settings.competitors')}>
          <textarea rows={3} data-testid="settings-competitors" value={competitors} onChange={(e) => { setCompetitors(e.target.value); setStatus('idle'); }} />
          <ListFull count={competitors.split('\n').filter((n) => n.trim()).length} max={LIMITS.competitorNames} items="competitorNames" />
        </Field>
        <p className="small"><strong>{t('settings.ownPhrases')}</strong></p>
        {settings.ownPhrases.map((phrase, i) => (
          <div key={i} className="row" data-testid="settings-phrase">
            <SelectField label={t('settings.phraseKind')} testId="settings-phrase-kind" value={phrase.kind} options={SIGNAL_KINDS.filter((k) => k !== 'other')} render={(k) => t(`signalKind.${k}`)} onChange={(kind) => setPhrase(i, { kind })} />
            <Field label={t('settings.phraseText')}>
              <input data-testid="settings-phrase-text" value={phrase.phrase} maxLength={LIMITS.name} onChange={(e) => setPhrase(i, { phrase: e.target.value })} />
            </Field>
            <button type="button" className="link danger" onClick={() => set({ ownPhrases: settings.ownPhrases.filter((_, j) => j !== i) })}>{t('settings.removePhrase')}</button>
          </div>
        ))}
        <button type="button" data-testid="settings-phrase-add" disabled={settings.ownPhrases.length >= LIMITS.ownPhrases} onClick={() => set({ ownPhrases: [...settings.ownPhrases, { kind: 'competitor-mentioned', phrase: '' }] })}>{t('settings.addPhrase')}</button>
        <ListFull count={settings.ownPhrases.length} max={LIMITS.ownPhrases} items="ownPhrases" />
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
