import { useEffect, useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { INTERACTION_TYPES, NOTES_MAX, TONES } from '@/lib/model/interaction';
import type { LoggedTouch } from '@/lib/model/quick-log';
import { EMPTY_QUICK_LOG, QuickLogForm as QuickLogFormSchema, hasContent, notesEditBetween, type QuickLogDraft, type QuickLogDraftUpdate, type QuickLogForm, type SignalDraft } from '@/lib/model/quick-log';
import { LIMITS } from '@/lib/model/limits';
import { Severity, defaultPolarity, type SignalKind } from '@/lib/model/signal';
import type { Stakeholder } from '@/lib/model/stakeholder';
import type { NoteTemplate } from '@/lib/model/settings';
import type { AccountKey } from '@/lib/model/account';
import { request } from '@/lib/messaging/client';
import { fromLocalInputValue, toLocalInputValue } from '@/lib/sidebar/datetime';
import { toErrorData, validationErrorData, type AppErrorData } from '@/lib/errors';
import { useI18n } from './i18n';
import { Field, LimitHint, ListFull, SelectField, TextArea } from './form';
import type { Tone } from '@/lib/model/interaction';
import type { SuggestSettings } from '@/lib/suggest/match';
import { groupSuggestions, notYetLogged, type SuggestionGroup } from '@/lib/suggest/group';
import { excerptAround, excerptText } from '@/lib/suggest/excerpt';
import { useSuggestions } from './useSuggestions';
import { Suggestions } from './Suggestions';
import { WhoField } from './WhoField';

/** The kinds a CSM most often perceives in a call, each one key (1–9) away in the signals row. */
export const QUICK_SIGNAL_KINDS: readonly SignalKind[] = [
  'champion-left',
  'new-stakeholder',
  'competitor-mentioned',
  'roi-questioned',
  'roadmap-disappointment',
  'unresolved-issue',
  'sponsor-priority-dropped',
  'expansion-interest',
  'advocacy',
];

interface Props {
  accountKey: AccountKey;
  draft: QuickLogDraft | null;
  stakeholders: Stakeholder[];
  templates: NoteTemplate[];
  /** The CSM's competitors and own phrases, for the suggestions. */
  suggestSettings: SuggestSettings;
  /** Changes whenever the quick log is asked for: open it and put the cursor in the notes. */
  openRequests: number;
  onSaved: (touch: LoggedTouch) => void;
  onError: (error: AppErrorData | undefined) => void;
}

/** From this many characters of notes, a change is sent as an edit of the draft sent before. */
const LARGE_NOTES = 64 * 1024;

function signalDraft(kind: SignalKind): SignalDraft {
  return { kind, otherLabel: '', polarity: defaultPolarity(kind), severity: 'medium', stakeholderId: null, whatHappened: '', howTheyFeel: '' };
}

/** “What happened” of a signal taken from a suggestion: the words around its phrase. */
const WHAT_HAPPENED_AROUND = 200;

export function QuickLog({ accountKey, draft, stakeholders, templates, suggestSettings, openRequests, onSaved, onError }: Props) {
  const { t, locale } = useI18n();
  // Read once: only the first render's draft is restored (and trimming a long note on every keystroke would cost).
  const [restoredForm] = useState(() => (draft && hasContent(draft.form) ? draft.form : null));
  const [open, setOpen] = useState(restoredForm !== null);
  const [form, setForm] = useState<QuickLogForm>(restoredForm ?? EMPTY_QUICK_LOG);
  const [restored, setRestored] = useState(restoredForm !== null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'empty'>('idle');
  const [newAttendee, setNewAttendee] = useState('');
  // As typed, so a comma starts the next name instead of vanishing; the form keeps the names.
  const [internalTyped, setInternalTyped] = useState(() => (restoredForm ?? EMPTY_QUICK_LOG).internalAttendees.join(', '));
  const notes = useRef<HTMLTextAreaElement>(null);
  const stepInputs = useRef<(HTMLInputElement | null)[]>([]);
  // Every change is handed to the background at once, not debounced: a tab closed mid-word must
  // lose nothing, and only a message sent before the frame is torn down is sure to arrive (one
  // sent from pagehide is not). While a long note is typed, a change goes as an edit of the draft
  // sent before (a few bytes, not the megabyte: sending a whole 1 MiB draft costs about 26 ms of
  // the page's time and, sent just before the tab closes, did not always arrive).
  const [writer] = useState(() => crypto.randomUUID());
  // This form's own draft: the restored one it continues, or a new one (never another tab's).
  const draftId = useRef(restoredForm && draft ? draft.id : crypto.randomUUID());
  const drafts = useRef({ seq: 0, lastWhole: 0, sent: null as { notes: string; seq: number } | null, latest: form });
  drafts.current.latest = form;
  const saveDraft = (next: QuickLogForm) => {
    const state = drafts.current;
    state.latest = next;
    const seq = ++state.seq;
    const base = { id: draftId.current, accountKey, updatedAt: new Date().toISOString(), version: { writer, seq } };
    const edit = state.sent && next.notes.length >= LARGE_NOTES ? notesEditBetween(state.sent.notes, next.notes) : null;
    const draft: QuickLogDraftUpdate =
      state.sent && edit && edit.insert.length < LARGE_NOTES ? { ...base, form: { ...next, notes: '' }, notesEdit: { base: { writer, seq: state.sent.seq }, ...edit } } : { ...base, form: next };
    if (!draft.notesEdit) state.lastWhole = seq;
    state.sent = { notes: next.notes, seq };
    void request({ type: 'draft.save', draft }).catch((error: unknown) => {
      const failed = toErrorData(error);
      // The stored draft is not the one the edit followed (another tab wrote, or it was saved):
      // send it whole, unless a whole one already went after this edit.
      if (draft.notesEdit && state.lastWhole < seq) {
        state.sent = null;
        if (failed.code === 'gone') return saveDraft(state.latest);
      }
      if (failed.code !== 'gone') onError(failed);
    });
  };
  // Focus moves to the notes once they are rendered (they may not exist yet when asked).
  const [focusWanted, setFocusWanted] = useState(0);
  const focusNotes = () => setFocusWanted((n) => n + 1);
  useEffect(() => {
    const el = notes.current;
    if (focusWanted === 0 || !el) return;
    el.focus();
    // A restored draft is continued where it stopped, not typed over from its start.
    el.setSelectionRange(el.value.length, el.value.length);
  }, [focusWanted, open]);

  useEffect(() => {
    if (openRequests === 0) return;
    setOpen(true);
    focusNotes();
  }, [openRequests]);

  const update = (patch: Partial<QuickLogForm>) => {
    const next = { ...form, ...patch };
    setForm(next);
    setStatus('idle');
    saveDraft(next);
  };

  // Suggestions from the notes: shown beside them, taken or dismissed by the CSM, never applied by themselves.
  const reading = useSuggestions(open, form.notes, stakeholders, suggestSettings);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(() => new Set());
  const [dismissedTones, setDismissedTones] = useState<ReadonlySet<Tone>>(() => new Set());
  const suggestionGroups = useMemo(
    () => (reading ? notYetLogged(groupSuggestions(reading.suggestions), form.signals).filter((g) => !dismissed.has(g.key)) : []),
    [reading, dismissed, form.signals],
  );
  const toneSuggestion = reading?.tone && form.tone === null && !dismissedTones.has(reading.tone.tone) ? reading.tone : null;
  const acceptSuggestion = (group: SuggestionGroup) => {
    const s = group.first;
    // One signal per person and kind: two people leaving are two signals.
    if (form.signals.length >= LIMITS.signals || notYetLogged([group], form.signals).length === 0) return;
    const whatHappened = excerptText(excerptAround(s.sentence, s.phrase, WHAT_HAPPENED_AROUND));
    // A name not in the stakeholder map yet is kept with the signal: saved, it becomes a stakeholder.
    const person = s.stakeholder;
    update({ signals: [...form.signals, { ...signalDraft(s.kind), polarity: s.polarity, stakeholderId: person?.id ?? null, newStakeholderName: person && person.id === null ? person.name.slice(0, LIMITS.name) : '', whatHappened }] });
  };
  const transcriptFile = useRef<HTMLInputElement>(null);
  const [unreadableFile, setUnreadableFile] = useState(false);
  const addTranscript = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const text = await file.text();
      // The form as it is now (typing may have gone on while the file was read).
      const latest = drafts.current.latest;
      const next = { ...latest, notes: latest.notes ? `${latest.notes}\n${text}` : text };
      setForm(next);
      setStatus('idle');
      saveDraft(next);
      setUnreadableFile(false);
    } catch {
      setUnreadableFile(true);
    }
  };

  const toggleSignal = (kind: SignalKind) =>
    update({ signals: form.signals.some((s) => s.kind === kind) ? form.signals.filter((s) => s.kind !== kind) : [...form.signals, signalDraft(kind)] });
  const updateSignal = (index: number, patch: Partial<SignalDraft>) => update({ signals: form.signals.map((s, i) => (i === index ? { ...s, ...patch } : s)) });
  const addStep = () => {
    if (form.nextSteps.length >= LIMITS.nextSteps) return;
    update({ nextSteps: [...form.nextSteps, { text: '', dueDate: null }] });
    requestAnimationFrame(() => stepInputs.current[form.nextSteps.length]?.focus());
  };
  const addAttendee = () => {
    const name = newAttendee.trim();
    if (name && !form.newAttendees.includes(name) && form.newAttendees.length < LIMITS.newAttendees) update({ newAttendees: [...form.newAttendees, name] });
    setNewAttendee('');
  };

  // The id of the save under way: made when the user saves, kept while it has not surely
  // succeeded, so saving again after a lost answer replaces what may have been stored (never twice).
  const saveId = useRef<string | null>(null);
  const save = async () => {
    if (!hasContent(form)) return setStatus('empty');
    // Past a limit the form says what is wrong (the draft keeps everything meanwhile).
    const checked = QuickLogFormSchema.safeParse(form);
    if (!checked.success) return onError(validationErrorData(checked.error.issues, form, locale));
    setStatus('saving');
    try {
      saveId.current ??= crypto.randomUUID();
      const saved = await request({ type: 'quickLog.save', accountKey, form, saveId: saveId.current, draftId: draftId.current });
      saveId.current = null;
      // The save cleared this form's draft; what is typed next is a new one.
      draftId.current = crypto.randomUUID();
      onSaved(saved);
      onError(undefined);
      setForm(EMPTY_QUICK_LOG);
      // The save cleared the stored draft: the next change is sent whole.
      drafts.current.sent = null;
      setInternalTyped('');
      setRestored(false);
      setStatus('saved');
      focusNotes();
    } catch (error) {
      // The form and the draft keep everything: nothing typed is lost.
      saveDraft(form);
      setStatus('idle');
      onError(toErrorData(error));
    }
  };

  const onFormKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type !== 'checkbox' && event.target.type !== 'radio') {
      // Enter in a one-line field must not save half a log: only Ctrl+Enter (or the button) saves.
      event.preventDefault();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setOpen(false);
    }
  };
  const onSignalKeys = (event: KeyboardEvent) => {
    const kind = QUICK_SIGNAL_KINDS[Number(event.key) - 1];
    if (kind && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.preventDefault();
      toggleSignal(kind);
    }
  };

  if (!open) {
    return (
      <button type="button" className="primary" data-testid="quick-log-open" onClick={() => { setOpen(true); focusNotes(); }}>
        {t('quickLog.open')}
      </button>
    );
  }

  const active = stakeholders.filter((s) => s.status === 'active');
  return (
    <form className="quick-log" data-testid="quick-log" onSubmit={(e) => { e.preventDefault(); void save(); }} onKeyDown={onFormKeyDown} aria-label={t('quickLog.title')}>
      <div className="row">
        <SelectField label={t('quickLog.type')} testId="quick-log-type" value={form.type} options={INTERACTION_TYPES} render={(type) => t(`interaction.${type}`)} onChange={(type) => update({ type })} />
        <Field label={t('quickLog.when')}>
          <input
            type="datetime-local"
            data-testid="quick-log-when"
            value={form.occurredAt ? toLocalInputValue(form.occurredAt) : ''}
            onChange={(e) => update({ occurredAt: fromLocalInputValue(e.target.value) })}
          />
        </Field>
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
      <Field label={t('quickLog.notes')} className="notes">
        <TextArea ref={notes} data-testid="quick-log-text" value={form.notes} rows={5} placeholder={t('quickLog.notesPlaceholder')} onText={(notes) => update({ notes })} />
        <LimitHint length={form.notes.length} max={NOTES_MAX} field="notes" whenOver="limit.overKept" />
      </Field>
      <Suggestions
        groups={suggestionGroups}
        tone={toneSuggestion}
        onAccept={acceptSuggestion}
        onDismiss={(group) => setDismissed((d) => new Set([...d, group.key]))}
        onAcceptTone={(tone) => update({ tone })}
        onDismissTone={(tone) => setDismissedTones((d) => new Set([...d, tone]))}
        onEmptied={() => notes.current?.focus()}
      />
      <div className="row">
        <button type="button" className="link" onClick={() => transcriptFile.current?.click()}>{t('suggest.transcriptFile')}</button>
        <input ref={transcriptFile} type="file" hidden accept=".vtt,.srt,.txt,text/vtt,text/plain" data-testid="quick-log-transcript-file" onChange={(e) => void addTranscript(e)} />
      </div>
      {unreadableFile && <p className="warning" role="alert">{t('suggest.transcriptUnreadable')}</p>}
      {templates.length > 0 && (
        <select
          aria-label={t('quickLog.template')}
          data-testid="quick-log-template"
          value=""
          onChange={(e) => {
            const template = templates.find((tpl) => tpl.id === e.target.value);
            if (template) update({ notes: form.notes ? `${form.notes}\n${template.body}` : template.body });
          }}
        >
          <option value="">{t('quickLog.templateNone')}</option>
          {templates.map((tpl) => <option key={tpl.id} value={tpl.id}>{tpl.name}</option>)}
        </select>
      )}
      <fieldset className="attendees" data-testid="quick-log-attendees">
        <legend>{t('quickLog.attendees')}</legend>
        {active.map((person) => (
          <label key={person.id} className="check">
            <input
              type="checkbox"
              checked={form.attendeeIds.includes(person.id)}
              onChange={(e) => update({ attendeeIds: e.target.checked ? [...form.attendeeIds, person.id] : form.attendeeIds.filter((id) => id !== person.id) })}
            />
            {person.name} <span className="muted small">{t(`role.${person.role}`)}</span>
          </label>
        ))}
        {form.newAttendees.map((name) => (
          <span key={name} className="chip">
            {name}{' '}
            <button type="button" className="link" aria-label={`${t('quickLog.remove')} ${name}`} onClick={() => update({ newAttendees: form.newAttendees.filter((n) => n !== name) })}>×</button>
          </span>
        ))}
        <div className="row">
          <input
            aria-label={t('quickLog.newAttendee')}
            placeholder={t('quickLog.newAttendee')}
            data-testid="quick-log-new-attendee"
            value={newAttendee}
            maxLength={LIMITS.name}
            disabled={form.newAttendees.length >= LIMITS.newAttendees}
            onChange={(e) => setNewAttendee(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter' && !e.ctrlKey && !e.metaKey) { e.preventDefault(); addAttendee(); } }}
          />
          <button type="button" onClick={addAttendee} disabled={form.newAttendees.length >= LIMITS.newAttendees}>{t('quickLog.add')}</button>
        </div>
        <LimitHint length={newAttendee.length} max={LIMITS.name} field="attendeeName" />
        <ListFull count={form.newAttendees.length} max={LIMITS.newAttendees} items="newAttendees" />
        <Field label={t('quickLog.internalAttendees')}>
          <input
            value={internalTyped}
            onChange={(e) => {
              setInternalTyped(e.target.value);
              update({ internalAttendees: e.target.value.split(',').map((s) => s.trim()).filter(Boolean) });
            }}
          />
          <LimitHint length={Math.max(0, ...form.internalAttendees.map((n) => n.length))} max={LIMITS.name} field="attendeeName" />
          <ListFull count={form.internalAttendees.length} max={LIMITS.internalAttendees} items="internalAttendees" />
        </Field>
      </fieldset>
      <fieldset className="signals" data-testid="quick-log-signals" onKeyDown={onSignalKeys}>
        <legend>{t('quickLog.signals')}</legend>
        <p className="muted small">{t('quickLog.signalKeys')}</p>
        <div className="chips">
          {QUICK_SIGNAL_KINDS.map((kind, i) => (
            <button
              key={kind}
              type="button"
              className={`chip-toggle ${defaultPolarity(kind)}`}
              aria-pressed={form.signals.some((s) => s.kind === kind)}
              data-testid="quick-log-signal"
              data-kind={kind}
              onClick={() => toggleSignal(kind)}
            >
              <kbd>{i + 1}</kbd> {t(`signalKind.${kind}`)}
            </button>
          ))}
        </div>
        {form.signals.map((signal, index) => (
          <div key={`${signal.kind}-${index}`} className="signal-detail" data-testid="quick-log-signal-detail" data-kind={signal.kind}>
            <strong>{t(`signalKind.${signal.kind}`)}</strong>
            <div className="row">
              <SelectField label={t('signal.severity')} value={signal.severity} options={Severity.options} render={(s) => t(`severity.${s}`)} onChange={(severity) => updateSignal(index, { severity })} />
              <WhoField
                testId="quick-log-signal-who"
                stakeholderId={signal.stakeholderId}
                newName={signal.newStakeholderName ?? ''}
                stakeholders={stakeholders}
                onChange={({ stakeholderId, newName }) => updateSignal(index, { stakeholderId, newStakeholderName: newName })}
              />
            </div>
            <Field label={t('signal.whatHappened')}>
              <input value={signal.whatHappened} onChange={(e) => updateSignal(index, { whatHappened: e.target.value })} />
              <LimitHint length={signal.whatHappened.length} max={LIMITS.longText} field="whatHappened" whenOver="limit.overKept" />
            </Field>
          </div>
        ))}
      </fieldset>
      <fieldset className="next-steps" data-testid="quick-log-steps">
        <legend>{t('quickLog.nextSteps')}</legend>
        {form.nextSteps.map((step, i) => (
          <div key={i} className="row">
            <Field label={t('quickLog.stepText')}>
              <input
                ref={(el) => { stepInputs.current[i] = el; }}
                data-testid="quick-log-step-text"
                value={step.text}
                maxLength={LIMITS.nextStep}
                onChange={(e) => update({ nextSteps: form.nextSteps.map((s, j) => (j === i ? { ...s, text: e.target.value } : s)) })}
              />
              <LimitHint length={step.text.length} max={LIMITS.nextStep} field="nextStep" />
            </Field>
            <Field label={t('quickLog.stepDue')}>
              <input
                type="date"
                data-testid="quick-log-step-due"
                value={step.dueDate ?? ''}
                onChange={(e) => update({ nextSteps: form.nextSteps.map((s, j) => (j === i ? { ...s, dueDate: e.target.value || null } : s)) })}
              />
            </Field>
            <button type="button" className="link" aria-label={t('quickLog.remove')} onClick={() => update({ nextSteps: form.nextSteps.filter((_, j) => j !== i) })}>×</button>
          </div>
        ))}
        <button type="button" data-testid="quick-log-add-step" onClick={addStep} disabled={form.nextSteps.length >= LIMITS.nextSteps}>{t('quickLog.addStep')}</button>
        <ListFull count={form.nextSteps.length} max={LIMITS.nextSteps} items="nextSteps" />
      </fieldset>
      <label className="check">
        <input type="checkbox" data-testid="quick-log-internal" checked={form.internalOnly} onChange={(e) => update({ internalOnly: e.target.checked })} /> {t('quickLog.internalOnly')}
      </label>
      {restored && <p className="muted" data-testid="draft-restored">{t('quickLog.draftRestored')}</p>}
      {status === 'empty' && <p className="warning" role="status">{t('quickLog.empty')}</p>}
      {status === 'saved' && <p className="ok" role="status" data-testid="quick-log-saved">{t('quickLog.saved')}</p>}
      <div className="row actions">
        <span className="muted small">{t('quickLog.hint', { save: 'Ctrl+Enter' })}</span>
        <button type="button" onClick={() => setOpen(false)}>{t('quickLog.cancel')}</button>
        <button type="submit" className="primary" data-testid="quick-log-save" disabled={status === 'saving'}>{t('quickLog.save')}</button>
      </div>
    </form>
  );
}
