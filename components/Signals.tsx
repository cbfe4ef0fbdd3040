import { useMemo, useState } from 'react';
import { DetectedVia, Polarity, SIGNAL_KINDS, Severity, defaultPolarity, type Signal, type SignalKind } from '@/lib/model/signal';
import { Stakeholder } from '@/lib/model/stakeholder';
import type { AccountKey } from '@/lib/model/account';
import type { AppErrorData } from '@/lib/errors';
import { fromLocalInputValue, toLocalInputValue } from '@/lib/sidebar/datetime';
import { useI18n } from './i18n';
import { Field, LimitHint, SelectField, entryProblem } from './form';
import { LIMITS } from '@/lib/model/limits';
import { EditorFrame } from './EditorFrame';
import { useEntrySaver } from './useEntrySaver';
import { useEntryDraft } from './useEntryDraft';
import type { EntryDraftOf } from '@/lib/model/entry-draft';
import { WhoField } from './WhoField';

/** A new signal's starting values, e.g. offered from a stakeholder leaving or a CRM field change. */
export interface SignalSeed {
  kind: SignalKind;
  stakeholderId?: string | null;
  whatHappened?: string;
  detectedVia?: DetectedVia;
  /** When it differs from the kind's usual one (a suggestion's). */
  polarity?: Polarity;
  /** The touch it was noticed in (a suggestion from an edited interaction's notes). */
  interactionId?: string | null;
  /** A person the notes named who is not a stakeholder yet: made one when the signal is saved about them. */
  newStakeholderName?: string;
}

function newSignal(seed: SignalSeed, accountKey: AccountKey, now: Date): Signal {
  const at = now.toISOString();
  return {
    id: crypto.randomUUID(), accountKey, kind: seed.kind, otherLabel: '', polarity: seed.polarity ?? defaultPolarity(seed.kind), severity: 'medium',
    stakeholderId: seed.stakeholderId ?? null, whatHappened: seed.whatHappened ?? '', howTheyFeel: '', occurredAt: at, detectedAt: at,
    detectedVia: seed.detectedVia ?? 'meeting', interactionId: seed.interactionId ?? null, resolvedAt: null, createdAt: at, updatedAt: at, revision: 0,
  };
}

export function SignalEditor(props: {
  signal: Signal | null;
  seed?: SignalSeed;
  /** An unsaved edit kept from an earlier page, continued here (`signal` is then null). */
  restored?: EntryDraftOf<'signals'>;
  accountKey: AccountKey;
  stakeholders: Stakeholder[];
  onDone: () => void;
  onError: (e: AppErrorData | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const [draft, setDraft] = useState<Signal>(() => props.restored?.edit.record ?? props.signal ?? newSignal(props.seed ?? { kind: 'competitor-mentioned' }, props.accountKey, new Date()));
  const set = (patch: Partial<Signal>) => setDraft((d) => ({ ...d, ...patch }));
  const [newName, setNewName] = useState(props.restored?.edit.newStakeholderName ?? props.seed?.newStakeholderName?.trim() ?? '');
  // The revision the editor opened on (null: a new signal), so another tab's save is noticed.
  const [baseRevision] = useState(() => (props.restored ? props.restored.baseRevision : props.signal ? props.signal.revision : null));
  const typed = useMemo(() => ({ draft, newName }), [draft, newName]);
  const kept = useEntryDraft({ accountKey: props.accountKey, restored: props.restored ?? null, baseRevision, changed: typed, edit: () => ({ store: 'signals', record: draft, newStakeholderName: newName }), onError: props.onError });
  const { save, saving, conflict, keepMine, keepTheirs } = useEntrySaver(props.onError, kept);
  // Its id made once, so saving again (after a lost answer or a conflict) stores the same person.
  const [newPersonId] = useState(() => crypto.randomUUID());
  const submit = async () => {
    const wrong = entryProblem({ store: 'signals', record: draft }, locale);
    setProblem(wrong);
    if (wrong) return;
    const at = new Date().toISOString();
    const person = newName && draft.stakeholderId === null ? Stakeholder.parse({ id: newPersonId, accountKey: draft.accountKey, name: newName.slice(0, LIMITS.name), role: 'other', createdAt: at, updatedAt: at }) : undefined;
    const record = person ? { ...draft, stakeholderId: person.id } : draft;
    if (await save({ store: 'signals', record }, baseRevision, person)) props.onDone();
  };
  return (
    <EditorFrame
      title={baseRevision !== null ? t('signal.edit') : t('signal.add')}
      testId="signal-editor"
      saving={saving}
      conflict={conflict}
      problem={problem}
      restoredAt={props.restored?.updatedAt}
      onSave={() => void submit()}
      onCancel={() => { kept.discard(); props.onDone(); }}
      onKeepMine={() => void keepMine().then((saved) => saved && props.onDone())}
      onKeepTheirs={() => { keepTheirs(); props.onDone(); }}
    >
      <div className="row">
        <SelectField label={t('signal.kind')} testId="signal-kind" value={draft.kind} options={SIGNAL_KINDS} render={(k) => t(`signalKind.${k}`)} onChange={(kind) => set({ kind, polarity: defaultPolarity(kind) })} />
        {draft.kind === 'other' && (
          <Field label={t('signal.otherLabel')}>
            <input value={draft.otherLabel} maxLength={LIMITS.name} onChange={(e) => set({ otherLabel: e.target.value })} />
            <LimitHint length={draft.otherLabel.length} max={LIMITS.name} field="signalLabel" />
          </Field>
        )}
      </div>
      <div className="row">
        <SelectField label={t('signal.polarity')} value={draft.polarity} options={Polarity.options} render={(p) => t(`polarity.${p}`)} onChange={(polarity) => set({ polarity })} />
        <SelectField label={t('signal.severity')} value={draft.severity} options={Severity.options} render={(s) => t(`severity.${s}`)} onChange={(severity) => set({ severity })} />
      </div>
      <WhoField
        testId="signal-who"
        stakeholderId={draft.stakeholderId}
        newName={newName}
        stakeholders={props.stakeholders}
        onChange={({ stakeholderId, newName: name }) => {
          set({ stakeholderId });
          setNewName(name);
        }}
      />
      <Field label={t('signal.whatHappened')}>
        <textarea rows={2} data-testid="signal-what" value={draft.whatHappened} onChange={(e) => set({ whatHappened: e.target.value })} />
        <LimitHint length={draft.whatHappened.length} max={LIMITS.longText} field="whatHappened" />
      </Field>
      <Field label={t('signal.howTheyFeel')}>
        <input value={draft.howTheyFeel} onChange={(e) => set({ howTheyFeel: e.target.value })} />
        <LimitHint length={draft.howTheyFeel.length} max={LIMITS.longText} field="howTheyFeel" />
      </Field>
      <div className="row">
        <Field label={t('signal.occurredAt')}>
          <input type="datetime-local" value={toLocalInputValue(draft.occurredAt)} onChange={(e) => set({ occurredAt: fromLocalInputValue(e.target.value) ?? draft.occurredAt })} />
        </Field>
        <SelectField label={t('signal.detectedVia')} value={draft.detectedVia} options={DetectedVia.options} render={(v) => t(`via.${v}`)} onChange={(detectedVia) => set({ detectedVia })} />
      </div>
    </EditorFrame>
  );
}

export function signalTitle(signal: Signal, t: ReturnType<typeof useI18n>['t']): string {
  return signal.kind === 'other' && signal.otherLabel ? signal.otherLabel : t(`signalKind.${signal.kind}`);
}

export function OpenSignals(props: { signals: Signal[]; stakeholders: Stakeholder[]; accountKey: AccountKey; seed: SignalSeed | null; onSeedUsed: () => void; onError: (e: AppErrorData | undefined) => void }) {
  const { t, dateTime } = useI18n();
  const [adding, setAdding] = useState(false);
  const { save } = useEntrySaver(props.onError);
  const editorOpen = adding || props.seed !== null;
  const close = () => {
    setAdding(false);
    props.onSeedUsed();
  };
  const resolve = (signal: Signal) => void save({ store: 'signals', record: { ...signal, resolvedAt: new Date().toISOString() } }, signal.revision);
  return (
    <>
      {props.signals.length === 0 && !editorOpen && <p className="muted">{t('signal.empty')}</p>}
      <ul className="cards">
        {props.signals.map((signal) => (
          <li key={signal.id} className={`card signal-${signal.polarity}`} data-testid="open-signal" data-kind={signal.kind}>
            <div className="card-head">
              <strong>{signalTitle(signal, t)}</strong>
              <span className={`chip severity-${signal.severity}`}>{t(`polarity.${signal.polarity}`)} · {t(`severity.${signal.severity}`)}</span>
              <button type="button" className="link" onClick={() => resolve(signal)}>{t('signal.resolve')}</button>
            </div>
            {signal.whatHappened && <p>{signal.whatHappened}</p>}
            <p className="muted small">
              {props.stakeholders.find((s) => s.id === signal.stakeholderId)?.name}
              {signal.stakeholderId ? ' · ' : ''}
              {dateTime(signal.occurredAt)} · {t(`via.${signal.detectedVia}`)}
            </p>
          </li>
        ))}
      </ul>
      {editorOpen ? (
        <SignalEditor key={props.seed?.kind ?? 'new'} signal={null} seed={props.seed ?? undefined} accountKey={props.accountKey} stakeholders={props.stakeholders} onDone={close} onError={props.onError} />
      ) : (
        <button type="button" data-testid="signal-add" onClick={() => setAdding(true)}>{t('signal.add')}</button>
      )}
    </>
  );
}
