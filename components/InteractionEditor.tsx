import { useState } from 'react';
import { INTERACTION_TYPES, NOTES_MAX, TONES, type Interaction } from '@/lib/model/interaction';
import type { AppErrorData } from '@/lib/errors';
import { fromLocalInputValue, toLocalInputValue } from '@/lib/sidebar/datetime';
import { useI18n } from './i18n';
import { Field, LimitHint, SelectField, TextArea, entryProblem } from './form';
import { EditorFrame } from './EditorFrame';
import { useEntrySaver } from './useEntrySaver';

export function InteractionEditor(props: { interaction: Interaction; onDone: () => void; onError: (e: AppErrorData | undefined) => void }) {
  const { t, locale } = useI18n();
  const [draft, setDraft] = useState(props.interaction);
  const [problem, setProblem] = useState<string | null>(null);
  const { save, saving, conflict, keepMine, keepTheirs } = useEntrySaver(props.onError);
  const set = (patch: Partial<Interaction>) => setDraft((d) => ({ ...d, ...patch }));
  const submit = async () => {
    const wrong = entryProblem({ store: 'interactions', record: draft }, locale);
    setProblem(wrong);
    if (wrong) return;
    // The revision the editor opened on, not the live one: another tab's save must be noticed.
    if (await save({ store: 'interactions', record: draft }, draft.revision)) props.onDone();
  };
  return (
    <EditorFrame
      title={t('timeline.edit')}
      testId="interaction-editor"
      saving={saving}
      conflict={conflict}
      problem={problem}
      onSave={() => void submit()}
      onCancel={props.onDone}
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
      <label className="check"><input type="checkbox" checked={draft.internalOnly} onChange={(e) => set({ internalOnly: e.target.checked })} /> {t('quickLog.internalOnly')}</label>
    </EditorFrame>
  );
}
