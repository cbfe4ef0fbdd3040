import { useState } from 'react';
import { Channel, Influence, STAKEHOLDER_ROLES, isKeyRole, type Stakeholder } from '@/lib/model/stakeholder';
import type { AccountKey } from '@/lib/model/account';
import type { AppErrorData } from '@/lib/errors';
import { localDate } from '@/lib/calendar';
import { useI18n } from './i18n';
import { Field, LimitHint, SelectField, entryProblem } from './form';
import { LIMITS } from '@/lib/model/limits';
import { EditorFrame } from './EditorFrame';
import { useEntrySaver } from './useEntrySaver';
import { NEW_ENTRY, useOpenEditors } from './useOpenEditors';
import { useEntryDraft } from './useEntryDraft';
import type { EntryDraftOf } from '@/lib/model/entry-draft';

function newStakeholder(accountKey: AccountKey, now: Date): Stakeholder {
  const at = now.toISOString();
  return {
    id: crypto.randomUUID(), accountKey, name: '', title: '', role: 'champion', influence: 'medium', preferredChannel: null, personalityNotes: '',
    status: 'active', activeSince: null, leftOn: null, createdAt: at, updatedAt: at, revision: 0,
  };
}

export function StakeholderEditor(props: {
  stakeholder: Stakeholder | null;
  /** An unsaved edit kept from an earlier page, continued here (`stakeholder` is then null). */
  restored?: EntryDraftOf<'stakeholders'>;
  accountKey: AccountKey;
  onSaved: (saved: Stakeholder, before: Stakeholder | null) => void;
  onCancel: () => void;
  onError: (e: AppErrorData | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState<Stakeholder>(() => props.restored?.edit.record ?? props.stakeholder ?? newStakeholder(props.accountKey, new Date()));
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<Stakeholder>) => setDraft((d) => ({ ...d, ...patch }));
  // The revision the editor opened on (null: a new person), so another tab's save is noticed.
  const [baseRevision] = useState(() => (props.restored ? props.restored.baseRevision : props.stakeholder ? props.stakeholder.revision : null));
  const kept = useEntryDraft({ accountKey: props.accountKey, restored: props.restored ?? null, baseRevision, changed: draft, edit: () => ({ store: 'stakeholders', record: draft }), onError: props.onError });
  const { save, saving, conflict, keepMine, keepTheirs } = useEntrySaver(props.onError, kept);
  const done = (saved: Stakeholder | null) => saved && props.onSaved(saved, props.stakeholder);
  const submit = async () => {
    if (!draft.name.trim()) return setProblem(t('editor.required', { field: t('stakeholder.name') }));
    const entry = { store: 'stakeholders' as const, record: { ...draft, name: draft.name.trim() } };
    const wrong = entryProblem(entry, locale);
    setProblem(wrong);
    if (wrong) return;
    const saved = await save(entry, baseRevision);
    done(saved?.store === 'stakeholders' ? saved.record : null);
  };
  return (
    <EditorFrame
      title={baseRevision !== null ? t('stakeholder.edit') : t('stakeholder.add')}
      testId="stakeholder-editor"
      saving={saving}
      conflict={conflict}
      problem={problem}
      restoredAt={props.restored?.updatedAt}
      onSave={() => void submit()}
      onCancel={() => { kept.discard(); props.onCancel(); }}
      onKeepMine={() => void keepMine().then((saved) => done(saved?.store === 'stakeholders' ? saved.record : null))}
      onKeepTheirs={() => { keepTheirs(); props.onCancel(); }}
    >
      <div className="row">
        <Field label={t('stakeholder.name')}>
          <input data-testid="stakeholder-name" value={draft.name} maxLength={LIMITS.name} onChange={(e) => set({ name: e.target.value })} autoFocus />
          <LimitHint length={draft.name.length} max={LIMITS.name} field="stakeholderName" />
        </Field>
        <Field label={t('stakeholder.title')}>
          <input value={draft.title} maxLength={LIMITS.name} onChange={(e) => set({ title: e.target.value })} />
          <LimitHint length={draft.title.length} max={LIMITS.name} field="stakeholderTitle" />
        </Field>
      </div>
      <div className="row">
        <SelectField label={t('stakeholder.role')} testId="stakeholder-role" value={draft.role} options={STAKEHOLDER_ROLES} render={(r) => t(`role.${r}`)} onChange={(role) => set({ role })} />
        <SelectField label={t('stakeholder.influence')} value={draft.influence} options={Influence.options} render={(i) => t(`influence.${i}`)} onChange={(influence) => set({ influence })} />
      </div>
      <SelectField
        label={t('stakeholder.channel')}
        value={draft.preferredChannel ?? ''}
        options={['', ...Channel.options]}
        render={(c) => (c === '' ? t('channel.none') : t(`channel.${c}`))}
        onChange={(c) => set({ preferredChannel: c === '' ? null : c })}
      />
      <Field label={t('stakeholder.notes')}>
        <textarea rows={2} value={draft.personalityNotes} onChange={(e) => set({ personalityNotes: e.target.value })} />
        <LimitHint length={draft.personalityNotes.length} max={LIMITS.longText} field="personalityNotes" />
      </Field>
      <div className="row">
        <SelectField
          label={t('stakeholder.status')}
          testId="stakeholder-status"
          value={draft.status}
          options={['active', 'left'] as const}
          render={(s) => t(`status.${s}`)}
          onChange={(status) => set({ status, leftOn: status === 'left' ? (draft.leftOn ?? localDate(new Date())) : null })}
        />
        <Field label={t('stakeholder.since')}><input type="date" value={draft.activeSince ?? ''} onChange={(e) => set({ activeSince: e.target.value || null })} /></Field>
        {draft.status === 'left' && <Field label={t('stakeholder.leftOn')}><input type="date" value={draft.leftOn ?? ''} onChange={(e) => set({ leftOn: e.target.value || null })} /></Field>}
      </div>
    </EditorFrame>
  );
}

export function Stakeholders(props: { stakeholders: Stakeholder[]; accountKey: AccountKey; onError: (e: AppErrorData | undefined) => void }) {
  const { t, day } = useI18n();
  const editors = useOpenEditors();
  const [departed, setDeparted] = useState<Stakeholder | null>(null);
  const signalSaver = useEntrySaver(props.onError);

  const onSaved = (saved: Stakeholder, before: Stakeholder | null) => {
    editors.closeEditor(before?.id ?? NEW_ENTRY);
    // A champion or sponsor leaving is a known churn risk: offer to record it in one step.
    if (saved.status === 'left' && before?.status !== 'left' && isKeyRole(saved.role)) setDeparted(saved);
  };
  const recordDeparture = async (person: Stakeholder) => {
    const at = new Date().toISOString();
    const occurredAt = person.leftOn ? new Date(`${person.leftOn}T12:00:00`).toISOString() : at;
    await signalSaver.save(
      {
        store: 'signals',
        record: {
          id: crypto.randomUUID(), accountKey: props.accountKey, kind: 'champion-left', otherLabel: '', polarity: 'risk', severity: 'high', stakeholderId: person.id,
          whatHappened: `${person.name} (${t(`role.${person.role}`)})`, howTheyFeel: '', occurredAt, detectedAt: at, detectedVia: 'other', interactionId: null,
          resolvedAt: null, createdAt: at, updatedAt: at, revision: 0,
        },
      },
      null,
    );
    setDeparted(null);
  };

  return (
    <>
      {departed && (
        <div className="warning offer" role="alert" data-testid="offer-champion-left">
          <p>{t('stakeholder.offerLeft', { name: departed.name, role: t(`role.${departed.role}`) })}</p>
          <div className="row actions">
            <button type="button" onClick={() => setDeparted(null)}>{t('offer.dismiss')}</button>
            <button type="button" className="primary" data-testid="offer-champion-left-record" onClick={() => void recordDeparture(departed)}>{t('stakeholder.recordSignal')}</button>
          </div>
        </div>
      )}
      {props.stakeholders.length === 0 && !editors.isOpen(NEW_ENTRY) && <p className="muted">{t('stakeholder.empty')}</p>}
      <ul className="cards stakeholders">
        {props.stakeholders.map((person) =>
          editors.isOpen(person.id) ? (
            <li key={person.id}><StakeholderEditor stakeholder={person} accountKey={props.accountKey} onSaved={onSaved} onCancel={() => editors.closeEditor(person.id)} onError={props.onError} /></li>
          ) : (
            <li key={person.id} className={`card person status-${person.status}`} data-testid="stakeholder" data-role={person.role} data-status={person.status}>
              <div className="card-head">
                <strong>{person.name}</strong>
                <span className={`chip role-${person.role}`}>{t(`role.${person.role}`)}</span>
                <button type="button" className="link" onClick={() => editors.openEditor(person.id)}>{t('timeline.edit')}</button>
              </div>
              <p className="muted small">
                {[person.title, t(`influence.${person.influence}`) + ' ' + t('stakeholder.influence'), person.preferredChannel && t(`channel.${person.preferredChannel}`), person.status === 'left' && `${t('status.left')}${person.leftOn ? ' ' + day(person.leftOn) : ''}`]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {person.personalityNotes && <p className="small">{person.personalityNotes}</p>}
            </li>
          ),
        )}
      </ul>
      {editors.isOpen(NEW_ENTRY) ? (
        <StakeholderEditor stakeholder={null} accountKey={props.accountKey} onSaved={onSaved} onCancel={() => editors.closeEditor(NEW_ENTRY)} onError={props.onError} />
      ) : (
        <button type="button" data-testid="stakeholder-add" onClick={() => editors.openEditor(NEW_ENTRY)}>{t('stakeholder.add')}</button>
      )}
    </>
  );
}
