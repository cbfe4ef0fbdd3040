import { createContext } from 'react';
import type { EntryDraft } from '@/lib/model/entry-draft';

/**
 * Told of an edit the CSM cancelled (or Escape closed) after changing something, with what the
 * editor held, so the sidebar can offer to undo it. Outside a sidebar nobody is told.
 */
export const DiscardedEdit = createContext<(draft: EntryDraft) => void>(() => undefined);
