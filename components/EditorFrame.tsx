import type { FormEvent, ReactNode } from 'react';
import type { EditableEntry } from '@/lib/model/entry';
import type { Conflict } from './useEntrySaver';
import { useI18n } from './i18n';

/** The frame of every editor: its fields, save/cancel, and the two-tabs conflict choice. */
export function EditorFrame(props: {
  title: string;
  testId: string;
  children: ReactNode;
  saving: boolean;
  conflict: Conflict | null;
  problem?: string | null;
  /** When the edit shown is an unsaved one kept from an earlier page: its last change. */
  restoredAt?: string | null;
  onSave: () => void;
  onCancel: () => void;
  onKeepMine: () => void;
  onKeepTheirs: () => void;
}) {
  const { t, dateTime } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSave();
  };
  return (
    <form className="editor" data-testid={props.testId} onSubmit={submit} aria-label={props.title} onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}>
      <h3>{props.title}</h3>
      {props.restoredAt && <p className="muted small" role="status" data-testid="editor-restored">{t('editor.restored', { at: dateTime(props.restoredAt) })}</p>}
      {props.children}
      {props.problem && <p className="warning" role="alert">{props.problem}</p>}
      {props.conflict ? (
        <div className="conflict" role="alert" data-testid="edit-conflict">
          <p>{t('editor.conflict')}</p>
          <p className="muted small">{t('editor.theirVersion')}</p>
          <blockquote data-testid="conflict-theirs">{entryText(props.conflict.theirs)}</blockquote>
          <div className="row actions">
            <button type="button" data-testid="conflict-keep-theirs" onClick={props.onKeepTheirs}>{t('editor.keepTheirs')}</button>
            <button type="button" className="primary" data-testid="conflict-keep-mine" onClick={props.onKeepMine}>{t('editor.keepMine')}</button>
          </div>
        </div>
      ) : (
        <div className="row actions">
          <button type="button" onClick={props.onCancel}>{t('editor.cancel')}</button>
          <button type="submit" className="primary" data-testid="editor-save" disabled={props.saving}>{t('editor.save')}</button>
        </div>
      )}
    </form>
  );
}

/** The words of the version saved elsewhere, so the CSM can choose knowing what it says. */
function entryText(entry: EditableEntry): string {
  switch (entry.store) {
    case 'interactions':
      return entry.record.notes;
    case 'signals':
      return entry.record.whatHappened;
    case 'goals':
      return entry.record.title;
    case 'stakeholders':
      return `${entry.record.name} ${entry.record.title}`.trim();
  }
}
