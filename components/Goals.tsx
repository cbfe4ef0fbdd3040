import { useState } from 'react';
import { GOAL_STATUSES, GoalHorizon, currentStatus, type GoalForm, type GoalMetric, type SuccessGoal } from '@/lib/model/goal';
import type { AccountKey } from '@/lib/model/account';
import { daysInStatus, goalsExhausted } from '@/lib/insights/goals';
import type { AppErrorData } from '@/lib/errors';
import { useI18n } from './i18n';
import { Field, LimitHint, SelectField, entryProblem } from './form';
import { LIMITS } from '@/lib/model/limits';
import { EditorFrame } from './EditorFrame';
import { useEntrySaver } from './useEntrySaver';
import { NEW_ENTRY, useOpenEditors } from './useOpenEditors';
import { useEntryDraft } from './useEntryDraft';
import type { EntryDraftOf } from '@/lib/model/entry-draft';
import { NUMBER_TEXT_MAX, parseNumber, type NumberProblem } from '@/lib/parse-number';
import type { MessageKey } from '@/lib/i18n';

function formOf(goal: SuccessGoal | null): GoalForm {
  return {
    title: goal?.title ?? '',
    successLooksLike: goal?.successLooksLike ?? '',
    horizon: goal?.horizon ?? 'light',
    targetDate: goal?.targetDate ?? '',
    metricName: goal?.metric?.name ?? '',
    metricUnit: goal?.metric?.unit ?? '',
    start: goal?.metric ? String(goal.metric.start) : '',
    current: goal?.metric ? String(goal.metric.current) : '',
    target: goal?.metric ? String(goal.metric.target) : '',
    status: goal ? currentStatus(goal).status : 'working',
    reason: '',
    perceivedBy: goal ? currentStatus(goal).perceivedBy : '',
  };
}

type MetricPart = 'metricName' | 'start' | 'current' | 'target';
const METRIC_NUMBERS = ['start', 'current', 'target'] as const;
const PART_LABEL: Record<MetricPart, MessageKey> = { metricName: 'goal.metricName', start: 'goal.metricStart', current: 'goal.metricCurrent', target: 'goal.metricTarget' };

/** Why the metric as typed cannot be saved: a part missing, or a number that cannot be read. */
interface MetricProblem {
  part: MetricPart;
  problem: NumberProblem;
  value: string;
}

/**
 * The metric as the form describes it: all of it, none of it (every part left empty), or a
 * problem to show. Never a metric quietly dropped because one number was typed "1,000".
 */
function metricFrom(form: GoalForm): { metric: GoalMetric | null } | { problem: MetricProblem } {
  const name = form.metricName.trim();
  if (name === '' && METRIC_NUMBERS.every((part) => form[part].trim() === '')) return { metric: null };
  if (name === '') return { problem: { part: 'metricName', problem: 'empty', value: '' } };
  const values = { start: 0, current: 0, target: 0 };
  for (const part of METRIC_NUMBERS) {
    const reading = parseNumber(form[part]);
    if (!reading.ok) return { problem: { part, problem: reading.problem, value: form[part].trim() } };
    values[part] = reading.value;
  }
  return { metric: { name, unit: form.metricUnit.trim(), ...values } };
}

/** The goal as the form describes it; a status change is appended to the history with its reason. */
function goalFrom(form: GoalForm, metric: GoalMetric | null, existing: SuccessGoal | null, id: string, accountKey: AccountKey, now: Date): SuccessGoal {
  const at = now.toISOString();
  const history = existing?.statusHistory ?? [];
  const last = history[history.length - 1];
  const statusHistory = last && last.status === form.status && form.reason.trim() === '' ? history : [...history, { status: form.status, changedAt: at, perceivedBy: form.perceivedBy.trim(), reason: form.reason.trim() }];
  return {
    id,
    accountKey,
    title: form.title.trim(),
    successLooksLike: form.successLooksLike.trim(),
    horizon: form.horizon,
    targetDate: form.targetDate || null,
    metric,
    statusHistory,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
    revision: existing?.revision ?? 0,
  };
}

export function GoalEditor({ goal, restored, accountKey, onDone, onError }: {
  goal: SuccessGoal | null;
  /** An unsaved edit kept from an earlier page, continued here (`goal` is then null). */
  restored?: EntryDraftOf<'goals'>;
  accountKey: AccountKey;
  onDone: () => void;
  onError: (e: AppErrorData | undefined) => void;
}) {
  const { t, locale } = useI18n();
  // The goal as the editor opened it: a save from another tab meanwhile must be noticed, not absorbed.
  const [opened] = useState(restored ? restored.edit.opened : goal);
  // Made once, so a new goal saved again (after a lost answer) is the same goal.
  const [goalId] = useState(() => restored?.edit.goalId ?? goal?.id ?? crypto.randomUUID());
  const [form, setForm] = useState(() => restored?.edit.form ?? formOf(opened));
  const [problem, setProblem] = useState<string | null>(null);
  const [badPart, setBadPart] = useState<MetricPart | null>(null);
  const set = (patch: Partial<GoalForm>) => setForm((f) => ({ ...f, ...patch }));
  const baseRevision = opened ? opened.revision : null;
  const kept = useEntryDraft({ accountKey, restored: restored ?? null, baseRevision, changed: form, edit: () => ({ store: 'goals', goalId, opened, form }), onError });
  const { save, saving, conflict, keepMine, keepTheirs } = useEntrySaver(onError, kept);
  const submit = async () => {
    setBadPart(null);
    if (!form.title.trim()) return setProblem(t('editor.required', { field: t('goal.title') }));
    const checked = metricFrom(form);
    if ('problem' in checked) {
      const { part, problem: why, value } = checked.problem;
      const field = t(PART_LABEL[part]);
      setBadPart(part);
      return setProblem(why === 'empty' ? t('editor.required', { field }) : t(`number.${why}`, { field, value, max: NUMBER_TEXT_MAX }));
    }
    const entry = { store: 'goals' as const, record: goalFrom(form, checked.metric, opened, goalId, accountKey, new Date()) };
    const wrong = entryProblem(entry, locale);
    setProblem(wrong);
    if (wrong) return;
    if (await save(entry, baseRevision)) onDone();
  };
  return (
    <EditorFrame
      title={opened ? t('goal.edit') : t('goal.add')}
      testId="goal-editor"
      saving={saving}
      conflict={conflict}
      problem={problem}
      restoredAt={restored?.updatedAt}
      onSave={() => void submit()}
      onCancel={() => { kept.discard(); onDone(); }}
      onKeepMine={() => void keepMine().then((saved) => saved && onDone())}
      onKeepTheirs={() => { keepTheirs(); onDone(); }}
    >
      <Field label={t('goal.title')}>
        <input data-testid="goal-title" value={form.title} maxLength={LIMITS.goalTitle} onChange={(e) => set({ title: e.target.value })} autoFocus />
        <LimitHint length={form.title.length} max={LIMITS.goalTitle} field="goalTitle" />
      </Field>
      <Field label={t('goal.successLooksLike')}>
        <textarea rows={2} value={form.successLooksLike} onChange={(e) => set({ successLooksLike: e.target.value })} />
        <LimitHint length={form.successLooksLike.length} max={LIMITS.longText} field="successLooksLike" />
      </Field>
      <div className="row">
        <SelectField label={t('goal.horizon')} value={form.horizon} options={GoalHorizon.options} render={(h) => t(`horizon.${h}`)} onChange={(horizon) => set({ horizon })} />
        <Field label={t('goal.targetDate')}><input type="date" value={form.targetDate} onChange={(e) => set({ targetDate: e.target.value })} /></Field>
      </div>
      <fieldset className="metric">
        <legend>{t('goal.metric')}</legend>
        <div className="row">
          <Field label={t('goal.metricName')}>
            <input data-testid="goal-metric-name" aria-invalid={badPart === 'metricName' || undefined} value={form.metricName} maxLength={LIMITS.name} onChange={(e) => set({ metricName: e.target.value })} />
            <LimitHint length={form.metricName.length} max={LIMITS.name} field="metricName" />
          </Field>
          <Field label={t('goal.metricUnit')}>
            <input data-testid="goal-metric-unit" value={form.metricUnit} maxLength={LIMITS.metricUnit} onChange={(e) => set({ metricUnit: e.target.value })} size={4} />
            <LimitHint length={form.metricUnit.length} max={LIMITS.metricUnit} field="metricUnit" />
          </Field>
        </div>
        <div className="row">
          <Field label={t('goal.metricStart')}><input data-testid="goal-metric-start" inputMode="decimal" aria-invalid={badPart === 'start' || undefined} value={form.start} onChange={(e) => set({ start: e.target.value })} /></Field>
          <Field label={t('goal.metricCurrent')}><input data-testid="goal-metric-current" inputMode="decimal" aria-invalid={badPart === 'current' || undefined} value={form.current} onChange={(e) => set({ current: e.target.value })} /></Field>
          <Field label={t('goal.metricTarget')}><input data-testid="goal-metric-target" inputMode="decimal" aria-invalid={badPart === 'target' || undefined} value={form.target} onChange={(e) => set({ target: e.target.value })} /></Field>
        </div>
      </fieldset>
      <SelectField label={t('goal.status')} testId="goal-status" value={form.status} options={GOAL_STATUSES} render={(s) => t(`goalStatus.${s}`)} onChange={(status) => set({ status })} />
      <div className="row">
        <Field label={t('goal.statusReason')}>
          <input data-testid="goal-reason" value={form.reason} onChange={(e) => set({ reason: e.target.value })} />
          <LimitHint length={form.reason.length} max={LIMITS.longText} field="statusReason" />
        </Field>
        <Field label={t('goal.perceivedBy')}>
          <input value={form.perceivedBy} maxLength={LIMITS.name} onChange={(e) => set({ perceivedBy: e.target.value })} />
          <LimitHint length={form.perceivedBy.length} max={LIMITS.name} field="perceivedBy" />
        </Field>
      </div>
    </EditorFrame>
  );
}

export function Goals({ goals, accountKey, onError }: { goals: SuccessGoal[]; accountKey: AccountKey; onError: (e: AppErrorData | undefined) => void }) {
  const { t, day, number } = useI18n();
  const editors = useOpenEditors();
  const now = new Date();
  return (
    <>
      {goalsExhausted(goals) && <p className="warning" role="status" data-testid="goals-exhausted">{t('goal.exhausted')}</p>}
      {goals.length === 0 && !editors.isOpen(NEW_ENTRY) && <p className="muted">{t('goal.empty')}</p>}
      <ul className="cards">
        {goals.map((goal) =>
          editors.isOpen(goal.id) ? (
            <li key={goal.id}><GoalEditor goal={goal} accountKey={accountKey} onDone={() => editors.closeEditor(goal.id)} onError={onError} /></li>
          ) : (
            <li key={goal.id} className="card" data-testid="goal" data-status={currentStatus(goal).status}>
              <div className="card-head">
                <strong>{goal.title}</strong>
                <span className="chip">{t(`horizon.${goal.horizon}`)}</span>
                <button type="button" className="link" onClick={() => editors.openEditor(goal.id)}>{t('timeline.edit')}</button>
              </div>
              <p className={`status status-${currentStatus(goal).status}`}>
                {t(`goalStatus.${currentStatus(goal).status}`)} · {t('goal.inStatusFor', { days: daysInStatus(goal, now) })}
                {goal.targetDate && <> · {t('goal.targetOn', { date: day(goal.targetDate) })}</>}
              </p>
              {goal.metric && (
                <p className="muted small" data-testid="goal-metric">
                  {goal.metric.name}: {number(goal.metric.start)} → <strong>{number(goal.metric.current)}</strong> / {number(goal.metric.target)} {goal.metric.unit}
                </p>
              )}
            </li>
          ),
        )}
      </ul>
      {editors.isOpen(NEW_ENTRY) ? (
        <GoalEditor goal={null} accountKey={accountKey} onDone={() => editors.closeEditor(NEW_ENTRY)} onError={onError} />
      ) : (
        <button type="button" data-testid="goal-add" onClick={() => editors.openEditor(NEW_ENTRY)}>{t('goal.add')}</button>
      )}
    </>
  );
}
