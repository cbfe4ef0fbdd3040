import { useMemo, useState } from 'react';
import { INTERACTION_TYPES, NOTES_MAX, TONES, type Interaction, type Tone } from '@/lib/model/interaction';
import { detectedViaOf } from '@/lib/model/signal';
import type { Stakeholder } from '@/lib/model/stakeholder';
import type { AppErrorData } from '@/lib/errors';
import type { SuggestSettings } from '@/lib/suggest/match';
import { groupSuggestions, notYetLogged, type LoggedSignal, type SuggestionGroup } from '@/lib/suggest/group';
import { excerptAround, excerptText } from '@/lib/suggest/excerpt';
import { fromLocalInputValue, toLocalInputValue } from '@/lib/sidebar/datetime';
import { useI18n } from './i18n';
import { Field, LimitHint, SelectField, TextArea, entryProblem } from './form';
import { EditorFrame } from './EditorFrame';
import { useEntrySaver } from './useEntrySaver';
import { useEntryDraft } from './useEntryDraft';
import type { EntryDraftOf } from '@/lib/model/entry-draft';
import { useSuggestions } from './useSuggestions';
import { Suggestions } from './Suggestions';
import { SignalEditor, type SignalSeed } from './Signals';

/** “What happened” of a signal taken from a suggestion: the words around its phrase. */
const WHAT_HAPPENED_AROUND = 200;

export function InteractionEditor(props: {
  interaction: Interaction;
  stakeholders: Stakeholder[];
  suggestSettings: SuggestSettings;
  /** Signals already logged with this touch: the notes do not suggest them again. */
  loggedSignals: readonly LoggedSignal[];
  /** An unsaved edit of this touch kept from an earlier page, continued here. */
  restored?: EntryDraftOf<'interactions'>;
  onDone: () => void;
  onError: (e: AppErrorData | undefined) => void;
}) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(props.restored?.edit.record ?? props.interaction);
  const [problem, setProblem] = useState<string | null>(null);
  // The revision the editor opened on, not the live one: another tab's save must be noticed.
  const [baseRevision] = useState(() => (props.restored ? props.restored.baseRevision : props.interaction.revision));
  const kept = useEntryDraft({ accountKey: props.interaction.accountKey, restored: props.restored ?? null, baseRevision, changed: draft, edit: () => ({ store: 'interactions', record: draft }), onError: props.onError });
  const { save, saving, conflict, keepMine, keepTheirs } = useEntrySaver(props.onError, kept);
  const set = (patch: Partial<Interaction>) => setDraft((d) => ({ ...d, ...patch }));
  // Suggestions from the notes, as in the quick log: a taken one opens the signal editor filled in
  // (linked to this touch, noticed as its type says), for the CSM to save.
  const reading = useSuggestions(true, draft.notes, props.stakeholders, props.suggestSettings);
  const [handled, setHandled] = useState<ReadonlySet<string>>(() => new Set());
  const [dismissedTones, setDismissedTones] = useState<ReadonlySet<Tone>>(() => new Set());
  const [seed, setSeed] = useState<SignalSeed | null>(null);
  const { loggedSignals } = props;
  const groups = useMemo(
    () => (reading ? notYetLogged(groupSuggestions(reading.suggestions), loggedSignals).filter((g) => !handled.has(g.key)) : []),
    [reading, handled, loggedSignals],
  );
  const tone = reading?.tone && draft.tone === null && !dismissedTones.has(reading.tone.tone) ? reading.tone : null;
  const take = ({ key, first: s }: SuggestionGroup) => {
    setHandled((h) => new Set([...h, key]));
    setSeed({
      kind: s.kind,
      polarity: s.polarity,
      stakeholderId: s.stakeholder?.id ?? null,
      newStakeholderName: s.stakeholder && s.stakeholder.id === null ? s.stakeholder.name : '',
      whatHappened: excerptText(excerptAround(s.sentence, s.phrase, WHAT_HAPPENED_AROUND)),
      detectedVia: detectedViaOf(draft.type),
      interactionId: draft.id,
    });
  };
  const submit = async () => {
    const wrong = entryProblem({ store: 'interactions', record: draft }, locale);
    setProblem(wrong);
    if (wrong) return;
    if (await save({ store: 'interactions', record: draft }, baseRevision)) props.onDone();
  };
  return (
    <>
      <EditorFrame
        title={t('timeline.edit')}
        testId="interaction-editor"
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
          <SelectField label={t('quickLog.type')} value={draft.type} options={INTERACTION_TYPES} render={(type) => t(`interaction.${type}`)} onChange={(type) => set({ type })} />
          <Field label={t('quickLog.when')}>
            <input type="datetime-local" value={toLocalInputValue(draft.occurredAt)} onChange={(e) => set({ occurredAt: fromLocalInputValue(e.target.value) ?? draft.occurredAt })} />
          </Field>
        </div>
        <SelectField label={t('quickLog.tone')} value={draft.tone ?? ''} options={['', ...TONES]} render={(tone) => (tone ? t(`tone.${tone}`) : t('quickLog.toneNone'))} onChange={(tone) => set({ tone: tone || null })} />
        <Field label={t('quickLog.notes')}>
          <TextArea data-testid="interaction-notes" rows={4} value={draft.notes} onText={(notes) => set({ notes })} />
          <LimitHint length={draft.notes.length} max={NOTES_MAX} field="notes" />
        </Field>
        <Suggestions
          groups={seed ? [] : groups}
          tone={tone}
          onAccept={take}
          onDismiss={(group) => setHandled((h) => new Set([...h, group.key]))}
          onAcceptTone={(chosen) => set({ tone: chosen })}
          onDismissTone={(dismissed) => setDismissedTones((d) => new Set([...d, dismissed]))}
          onEmptied={() => undefined}
        />
        <label className="check"><input type="checkbox" checked={draft.internalOnly} onChange={(e) => set({ internalOnly: e.target.checked })} /> {t('quickLog.internalOnly')}</label>
      </EditorFrame>
      {seed && (
        <SignalEditor key={`${seed.kind}-${seed.whatHappened}`} signal={null} seed={seed} accountKey={draft.accountKey} stakeholders={props.stakeholders} onDone={() => setSeed(null)} onError={props.onError} />
      )}
    </>
  );
}
