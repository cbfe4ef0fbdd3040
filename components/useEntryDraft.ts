import { useContext, useEffect, useRef, useState } from 'react';
import { request } from '@/lib/messaging/client';
import type { AccountKey } from '@/lib/model/account';
import type { EntryDraft, EntryDraftEdit } from '@/lib/model/entry-draft';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { DiscardedEdit } from './DiscardedEdit';

/** From this many characters of notes, an edit's changes go one at a time: the newest once the one before has arrived. */
const LARGE_NOTES = 64 * 1024;

/** An editor's kept draft, as its saver (./useEntrySaver.ts) and its Cancel use it. */
export interface KeptDraft {
  draftId: string;
  /** The edit was saved (its draft went with the save): nothing more is kept. */
  saved: () => void;
  /**
   * The CSM cancelled the edit, or kept another tab's version: its draft is deleted, and an edit
   * with something in it is handed to the sidebar's undo (./DiscardedEdit.ts).
   */
  discard: () => void;
}

/**
 * Keeps an entry editor's unsaved edit as a draft on every change, as the quick log does, so a
 * closed tab or a reload loses nothing: the sidebar offers it again when the account is opened.
 * `changed` is the editor's state (a new value on every change); `edit` what the draft keeps of it.
 * Opening an editor writes nothing: only a change does.
 */
export function useEntryDraft(options: {
  accountKey: AccountKey;
  /** The draft this editor continues (offered again when the sidebar opened), or null. */
  restored: EntryDraft | null;
  baseRevision: number | null;
  changed: unknown;
  edit: () => EntryDraftEdit;
  onError: (error: AppErrorData | undefined) => void;
}): KeptDraft {
  const { accountKey, restored, baseRevision, changed, onError } = options;
  const [draftId] = useState(() => restored?.id ?? crypto.randomUUID());
  const [writer] = useState(() => crypto.randomUUID());
  const latest = useRef(options.edit);
  latest.current = options.edit;
  const state = useRef({ seq: 0, opened: changed, ended: false, sending: false, waiting: null as EntryDraft | null });
  const discarded = useContext(DiscardedEdit);

  const send = (draft: EntryDraft) => {
    const s = state.current;
    const large = draft.edit.store === 'interactions' && draft.edit.record.notes.length >= LARGE_NOTES;
    // A megabyte of notes a keystroke would cost the page more than the key: while one is on its way, the newest waits.
    if (large && s.sending) {
      s.waiting = draft;
      return;
    }
    s.sending = true;
    void request({ type: 'entryDraft.save', draft })
      .catch((error: unknown) => onError(toErrorData(error)))
      .finally(() => {
        s.sending = false;
        const next = s.waiting;
        s.waiting = null;
        if (next && !s.ended) send(next);
      });
  };

  useEffect(() => {
    const s = state.current;
    if (s.ended || changed === s.opened) return;
    send({ id: draftId, accountKey, baseRevision, edit: latest.current(), updatedAt: new Date().toISOString(), version: { writer, seq: ++s.seq } });
    // Only a change of the editor's state is a new draft.
  }, [changed]);

  return {
    draftId,
    saved: () => {
      state.current.ended = true;
    },
    discard: () => {
      const s = state.current;
      s.ended = true;
      void request({ type: 'entryDraft.clear', accountKey, draftId }).catch((error: unknown) => onError(toErrorData(error)));
      // An editor opened and closed unchanged had nothing to lose.
      if (s.seq > 0 || restored) {
        discarded({ id: draftId, accountKey, baseRevision, edit: latest.current(), updatedAt: s.seq === 0 && restored ? restored.updatedAt : new Date().toISOString(), version: { writer, seq: s.seq + 1 } });
      }
    },
  };
}
