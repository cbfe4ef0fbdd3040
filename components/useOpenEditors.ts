import { useCallback, useState } from 'react';

/** The key of a list's editor of a new entry (entries' own ids are UUIDs). */
export const NEW_ENTRY = 'new';

/**
 * Which entries of a list have their editor open. Several can be at once: opening one entry's
 * editor while another holds an edit must not close that one (its text would vanish from view).
 */
export function useOpenEditors() {
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const change = useCallback((id: string, on: boolean) => {
    setOpen((before) => {
      if (before.has(id) === on) return before;
      const after = new Set(before);
      if (on) after.add(id);
      else after.delete(id);
      return after;
    });
  }, []);
  return {
    open,
    isOpen: (id: string) => open.has(id),
    // Stable, so rows given them are not drawn again when the list changes.
    openEditor: useCallback((id: string) => change(id, true), [change]),
    closeEditor: useCallback((id: string) => change(id, false), [change]),
  };
}
