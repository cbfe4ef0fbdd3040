import { useEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { INTERACTION_TYPES, InteractionType, TONES, type Interaction } from '@/lib/model/interaction';
import { EMPTY_QUICK_LOG, hasContent, type QuickLogDraft, type QuickLogForm } from '@/lib/model/quick-log';
import type { AccountKey } from '@/lib/model/account';
import { request } from '@/lib/messaging/client';
import { DraftSaver } from '@/lib/sidebar/draft-saver';
import { fromLocalInputValue, toLocalInputValue } from '@/lib/sidebar/datetime';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { useI18n } from './i18n';

interface Props {
  accountKey: AccountKey;
  draft: QuickLogDraft | null;
  /** Changes whenever the quick log is asked for: open it and put the cursor in the notes. */
  openRequests: number;
  onSaved: (interaction: Interaction) => void;
  onError: (error: AppErrorData | undefined) => void;
}

type Form = QuickLogForm;
const EMPTY = EMPTY_QUICK_LOG;

function formFrom(draft: QuickLogDraft | null): Form {
  return draft?.form ?? EMPTY;
}

export function QuickLog({ accountKey, draft, openRequests, onSaved, onError }: Props) {
  const { t } = useI18n();
  const [open, setOpen] = useState(draft !== null && hasContent(formFrom(draft)));
  const [form, setForm] = useState<Form>(() => formFrom(draft));
  const [restored, setRestored] = useState(draft !== null && hasContent(formFrom(draft)));
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'empty'>('idle');
  const notes = useRef<HTMLTextAreaElement>(null);
  const saver = useMemo(
    () => new DraftSaver<QuickLogDraft>((value) => request({ type: 'draft.save', draft: value }).catch((error: unknown) => onError(toErrorData(error)))),
    [onError],
  );

  // Another account in this tab: its own draft.
  useEffect(() => {
    setForm(formFrom(draft));
    const restoredDraft = draft !== null && hasContent(formFrom(draft));
    setRestored(restoredDraft);
    setOpen((wasOpen) => wasOpen || restoredDraft);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the account changes
  }, [accountKey]);

  useEffect(() => {
    if (openRequests === 0) return;
    setOpen(true);
    requestAnimationFrame(() => notes.current?.focus());
  }, [openRequests]);

  // Closing the tab or navigating away mid-sentence: save at once.
  useEffect(() => {
    const flush = () => void saver.flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', flush);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', flush);
    };
  }, [saver]);

  const update = (patch: Partial<Form>) => {
    const next = { ...form, ...patch };
    setForm(next);
    setStatus('idle');
    saver.schedule({ accountKey, form: next, updatedAt: new Date().toISOString() });
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!hasContent(form)) return setStatus('empty');
    setStatus('saving');
    saver.cancel();
    try {
      const saved = await request({ type: 'quickLog.save', accountKey, form });
      onSaved(saved.interaction);
      onError(undefined);
      setForm(EMPTY);
      setRestored(false);
      setStatus('saved');
      notes.current?.focus();
    } catch (error) {
      // The text stays in the form and in the draft: nothing typed is lost.
      saver.schedule({ accountKey, form, updatedAt: new Date().toISOString() });
      setStatus('idle');
      onError(toErrorData(error));
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void save();
    else if (event.key === 'Escape') {
      event.preventDefault();
      void saver.flush();
      setOpen(false);
    }
  };

  if (!open) {
    return (
      <button type="button" className="primary" data-testid="quick-log-open" onClick={() => { setOpen(true); requestAnimationFrame(() => notes.current?.focus()); }}>
        {t('quickLog.open')}
      </button>
    );
  }

  return (
    <form className="quick-log" data-testid="quick-log" onSubmit={save} onKeyDown={onKeyDown} aria-label={t('quickLog.title')}>
      <div className="row">
        <label>
          {t('quickLog.type')}
          <select data-testid="quick-log-type" value={form.type} onChange={(e) => update({ type: InteractionType.parse(e.target.value) })}>
            {INTERACTION_TYPES.map((type) => (
              <option key={type} value={type}>{t(`interaction.${type}`)}</option>
            ))}
          </select>
        </label>
        <label>
          {t('quickLog.when')}
          <input
            type="datetime-local"
            data-testid="quick-log-when"
            value={form.occurredAt ? toLocalInputValue(form.occurredAt) : ''}
            placeholder={t('quickLog.now')}
            onChange={(e) => update({ occurredAt: fromLocalInputValue(e.target.value) })}
          />
        </label>
      </div>
      <fieldset className="tones" data-testid="quick-log-tone">
        <legend>{t('quickLog.tone')}</legend>
        {[null, ...TONES].map((tone) => (
          <label key={tone ?? 'none'} className={`tone-option ${tone ? `tone-${tone}` : ''}`}>
            <input type="radio" name="tone" value={tone ?? ''} checked={form.tone === tone} onChange={() => update({ tone })} />
            {tone ? t(`tone.${tone}`) : t('quickLog.toneNone')}
          </label>
        ))}
      </fieldset>
      <label className="notes">
        {t('quickLog.notes')}
        <textarea
          ref={notes}
          data-testid="quick-log-text"
          value={form.notes}
          rows={5}
          placeholder={t('quickLog.notesPlaceholder')}
          onChange={(e) => update({ notes: e.target.value })}
        />
      </label>
      {restored && <p className="muted" data-testid="draft-restored">{t('quickLog.draftRestored')}</p>}
      {status === 'empty' && <p className="warning" role="status">{t('quickLog.empty')}</p>}
      {status === 'saved' && <p className="ok" role="status" data-testid="quick-log-saved">{t('quickLog.saved')}</p>}
      <div className="row actions">
        <span className="muted small">{t('quickLog.hint', { save: 'Ctrl+Enter' })}</span>
        <button type="button" onClick={() => { void saver.flush(); setOpen(false); }}>{t('quickLog.cancel')}</button>
        <button type="submit" className="primary" data-testid="quick-log-save" disabled={status === 'saving'}>{t('quickLog.save')}</button>
      </div>
    </form>
  );
}
