import { useCallback, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { EditableEntry } from '@/lib/model/entry';
import type { Stakeholder } from '@/lib/model/stakeholder';
import { toErrorData, type AppErrorData } from '@/lib/errors';

export interface Conflict {
  mine: EditableEntry;
  theirs: EditableEntry;
  /** The new person `mine` is about, saved with it when it is kept. */
  newStakeholder?: Stakeholder;
  /** The editor's unsaved edit, deleted with `mine` when it is kept. */
  draftId?: string;
}

/**
 * Saves an edited record, and with it deletes the editor's draft. When another tab saved it first,
 * nothing is overwritten: the editor shows both and the CSM keeps either.
 */
export function useEntrySaver(onError: (error: AppErrorData | undefined) => void) {
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [saving, setSaving] = useState(false);

  const save = useCallback(
    async (entry: EditableEntry, baseRevision: number | null, newStakeholder?: Stakeholder, draftId?: string): Promise<EditableEntry | null> => {
      setSaving(true);
      try {
        const outcome = await request({ type: 'entry.save', entry, baseRevision, ...(newStakeholder && { newStakeholder }), ...(draftId && { draftId }) });
        if (outcome.status === 'saved') {
          setConflict(null);
          onError(undefined);
          return outcome.entry;
        }
        setConflict({ mine: entry, theirs: outcome.current, newStakeholder, draftId });
        return null;
      } catch (error) {
        onError(toErrorData(error));
        return null;
      } finally {
        setSaving(false);
      }
    },
    [onError],
  );

  const keepMine = useCallback(async () => (conflict ? save(conflict.mine, conflict.theirs.record.revision, conflict.newStakeholder, conflict.draftId) : null), [conflict, save]);
  const keepTheirs = useCallback(() => setConflict(null), []);
  return { save, saving, conflict, keepMine, keepTheirs };
}
