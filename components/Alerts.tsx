import { useState } from 'react';
import type { FieldChange } from '@/lib/model/account';
import type { AccountOverview, OpenStep } from '@/lib/model/overview';
import type { CsmSettings } from '@/lib/model/settings';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { dueSteps } from '@/lib/insights/steps';
import { localDate } from '@/lib/calendar';
import { stakeholderFieldChanges } from '@/lib/insights/stakeholder-offers';
import { request } from '@/lib/messaging/client';
import type { SignalSeed } from './Signals';
import { useI18n } from './i18n';
import { LIMITS } from '@/lib/model/limits';

/** A CRM field's values can be long text areas (131,072 characters each): the offered signal keeps within its own limit. */
function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function StepList({ steps, label, className, onError }: { steps: OpenStep[]; label: string; className: string; onError: (e: AppErrorData | undefined) => void }) {
  const { t, day } = useI18n();
  const markDone = (open: OpenStep) =>
    request({ type: 'nextStep.complete', interactionId: open.interactionId, stepId: open.step.id, baseRevision: open.interactionRevision }).then(() => onError(undefined), (e: unknown) => onError(toErrorData(e)));
  if (steps.length === 0) return null;
  return (
    <div className={className}>
      <strong>{label}</strong>
      <ul>
        {steps.map((open) => (
          <li key={open.step.id} data-testid="due-step">
            <label className="check">
              <input type="checkbox" aria-label={t('steps.markDone')} onChange={() => void markDone(open)} /> {open.step.text}{' '}
              <span className="muted small">{t('steps.due', { date: day(open.step.dueDate ?? '') })}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What needs the CSM's attention before anything else: due next steps and stakeholder changes seen in the CRM. */
export function Alerts(props: { overview: AccountOverview; changes: FieldChange[]; settings: CsmSettings; onOfferSignal: (seed: SignalSeed) => void; onError: (e: AppErrorData | undefined) => void }) {
  const { t } = useI18n();
  const [dismissed, setDismissed] = useState<string[]>([]);
  const due = dueSteps(props.overview.openSteps, localDate(new Date()), props.settings.dueSoonDays);
  const offers = stakeholderFieldChanges(props.changes, props.settings.stakeholderFieldKeys).filter((c) => !dismissed.includes(c.key));
  return (
    <>
      {(due.overdue.length > 0 || due.dueSoon.length > 0) && (
        <section className="due" aria-label={t('section.dueSteps')} data-testid="due-steps">
          <StepList steps={due.overdue} label={t('steps.overdue')} className="overdue" onError={props.onError} />
          <StepList steps={due.dueSoon} label={t('steps.dueSoon')} className="due-soon" onError={props.onError} />
        </section>
      )}
      {offers.map((change) => (
        <div key={change.key} className="warning offer" role="status" data-testid="offer-stakeholder-change" data-field={change.key}>
          <p>{t('offer.stakeholderChange', { field: change.label || change.key, before: change.before || t('sidebar.empty'), after: change.after || t('sidebar.empty') })}</p>
          <div className="row actions">
            <button type="button" onClick={() => setDismissed((d) => [...d, change.key])}>{t('offer.dismiss')}</button>
            <button
              type="button"
              className="primary"
              onClick={() => {
                setDismissed((d) => [...d, change.key]);
                props.onOfferSignal({ kind: 'stakeholder-change', detectedVia: 'crm-field-change', whatHappened: clip(`${change.label || change.key}: ${change.before} → ${change.after}`, LIMITS.longText) });
              }}
            >
              {t('offer.record')}
            </button>
          </div>
        </div>
      ))}
    </>
  );
}
