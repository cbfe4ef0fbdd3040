import { useEffect, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { AccountKey } from '@/lib/model/account';
import type { EntryDraft } from '@/lib/model/entry-draft';
import type { Signal } from '@/lib/model/signal';
import type { Stakeholder } from '@/lib/model/stakeholder';
import type { SuggestSettings } from '@/lib/suggest/match';
import { signalsLoggedWith } from '@/lib/sidebar/logged-signals';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { useI18n } from './i18n';
import { InteractionEditor } from './InteractionEditor';
import { SignalEditor } from './Signals';
import { GoalEditor } from './Goals';
import { StakeholderEditor } from './Stakeholders';

/**
 * Edits of stored entries left unsaved when a page closed (or reloaded), open again in their
 * editors at the top of the sidebar, each saying so: the CSM saves or cancels each. Edits another
 * open tab is still writing are not offered.
 */
export function RestoredEdits(props: {
  accountKey: AccountKey;
  /** An edit the CSM discarded and then undid: opened here again, below what was kept before. */
  reopened: EntryDraft | null;
  stakeholders: Stakeholder[];
  openSignals: Signal[];
  suggestSettings: SuggestSettings;
  onError: (e: AppErrorData | undefined) => void;
}) {
  const { t } = useI18n();
  const { accountKey, reopened, onError } = props;
  const [drafts, setDrafts] = useState<EntryDraft[] | null>(null);
  useEffect(() => {
    let current = true;
    request({ type: 'entryDraft.list', accountKey })
      .then((found) => current && setDrafts((shown) => withDrafts(found, shown ?? [])))
      .catch((error: unknown) => current && onError(toErrorData(error)));
    return () => {
      current = false;
    };
  }, [accountKey, onError]);
  useEffect(() => {
    if (reopened?.accountKey === accountKey) setDrafts((shown) => withDrafts(shown ?? [], [reopened]));
  }, [reopened, accountKey]);
  // Marks that the answer came, with nothing to offer (what a test waits for before it says so).
  if (drafts === null || drafts.length === 0) return drafts && <span hidden data-testid="restored-edits-none" />;
  const close = (id: string) => setDrafts((all) => all && all.filter((d) => d.id !== id));
  return (
    <section aria-label={t('editor.restoredTitle')} data-testid="restored-edits">
      <h2>{t('editor.restoredTitle')}</h2>
      {drafts.map((draft) => {
        const onDone = () => close(draft.id);
        const { edit } = draft;
        switch (edit.store) {
          case 'interactions':
            return (
              <InteractionEditor
                key={draft.id}
                interaction={edit.record}
                restored={{ ...draft, edit }}
                stakeholders={props.stakeholders}
                suggestSettings={props.suggestSettings}
                loggedSignals={signalsLoggedWith(edit.record.id, props.openSignals, [])}
                onDone={onDone}
                onError={onError}
              />
            );
          case 'signals':
            return <SignalEditor key={draft.id} signal={null} restored={{ ...draft, edit }} accountKey={accountKey} stakeholders={props.stakeholders} onDone={onDone} onError={onError} />;
          case 'goals':
            return <GoalEditor key={draft.id} goal={null} restored={{ ...draft, edit }} accountKey={accountKey} onDone={onDone} onError={onError} />;
          case 'stakeholders':
            return <StakeholderEditor key={draft.id} stakeholder={null} restored={{ ...draft, edit }} accountKey={accountKey} onSaved={onDone} onCancel={onDone} onError={onError} />;
        }
      })}
    </section>
  );
}

/** `shown` with each of `more` not among them added after them. */
function withDrafts(shown: EntryDraft[], more: EntryDraft[]): EntryDraft[] {
  return [...shown, ...more.filter((draft) => !shown.some((d) => d.id === draft.id))];
}
