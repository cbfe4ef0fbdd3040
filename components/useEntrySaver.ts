import { useCallback, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { EditableEntry } from '@/lib/model/entry';
import type { Stakeholder } from '@/lib/model/stakeholder';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import type { KeptDraft } from './useEntryDraft';

export interface Conflict {
  mine: EditableEntry;
  theirs: EditableEntry;
  /** The new person `mine` is about, saved with it when it is kept. */
  newStakeholder?: Stakeholder;
}

/**
 * Saves an edited record, and with it deletes the editor's draft (`draft`, when the editor keeps
 * one). When another tab saved it first, nothing is overwritten: the editor shows both and the CSM
 * keeps either (keeping theirs deletes the draft).
 */
export function useEntrySaver(onError: (error: AppErrorData | undefined) => void, draft?: KeptDraft) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (entry: EditableEntry, baseRevision: number | null, newStakeholder?: Stakeholder): Promise<EditableEntry | null> => {
      setSaving(true);
      try {
        const outcome = await request({ type: 'entry.save', entry, baseRevision, ...(newStakeholder && { newStakeholder }), ...(draft && { draftId: draft.draftId }) });
        if (outcome.status === 'saved') {
          draft?.saved();
          setConflict(null);
          onError(undefined);
          return outcome.entry;
        }
        setConflict({ mine: entry, theirs: outcome.current, newStakeholder });
        return null;
      } catch (error) {
        onError(toErrorData(error));
        return null;
      } finally {
        setSaving(false);
      }
    },
    [onError, draft],
  );

  const keepMine = useCallback(async () => (conflict ? save(conflict.mine, conflict.theirs.record.revision, conflict.newStakeholder) : null), [conflict, save]);
  const keepTheirs = useCallback(() => {
    setConflict(null);
    draft?.discard();
  }, [draft]);
  return { save, saving, conflict, keepMine, keepTheirs };
}
