import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '@/lib/model/timeline';
import type { Stakeholder } from '@/lib/model/stakeholder';
import type { AccountKey } from '@/lib/model/account';
import type { Interaction } from '@/lib/model/interaction';
import type { EditableEntry } from '@/lib/model/entry';
import { currentStatus } from '@/lib/model/goal';
import type { HandoverReceived, HandoverVersion } from '@/lib/model/handover';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import type { SuggestSettings } from '@/lib/suggest/match';
import type { Signal } from '@/lib/model/signal';
import { signalsLoggedWith } from '@/lib/sidebar/logged-signals';
import { withEditedEntries } from '@/lib/sidebar/edited-range';
import { request } from '@/lib/messaging/client';
import type { TimelineState } from './useSidebarState';
import { useI18n } from './i18n';
import { InteractionEditor } from './InteractionEditor';
import { SignalEditor, signalTitle } from './Signals';
import { useEntrySaver } from './useEntrySaver';
import { useOpenEditors } from './useOpenEditors';
import type { CrmWriteStatus } from '@/lib/model/crm-write';
import { CrmWriteMark } from './CrmWrites';

export const QUICK_LOG_SHORTCUT = 'Alt+Shift+L';

interface Props {
  accountKey: AccountKey;
  timeline: TimelineState;
  kinds: TimelineKind[];
  onKinds: (kinds: TimelineKind[]) => void;
  stakeholders: Stakeholder[];
  /** For the suggestions when an interaction's notes are edited. */
  suggestSettings: SuggestSettings;
  /** The account's open signals (the overview's): with the timeline's own, those logged with an edited touch are not suggested again. */
  openSignals: readonly Signal[];
  /** Each touch's write to the CRM, by interaction id (empty while logging to the CRM is off). */
  writes: ReadonlyMap<string, CrmWriteStatus>;
  onLoadMore: () => void;
  onDeleted: (entry: EditableEntry) => void;
  onError: (e: AppErrorData | undefined) => void;
}

/** How much of a long text an entry shows before "show all": a few lines, at most this many characters. */
export const PREVIEW_CHARS = 600;
export const PREVIEW_LINES = 6;

/** Where the preview of `text` ends, or null when all of it fits. */
export function previewEnd(text: string): number | null {
  let end = Math.min(text.length, PREVIEW_CHARS);
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) {
    if (++lines === PREVIEW_LINES) {
      end = i;
      break;
    }
  }
  return end < text.length ? end : null;
}

/**
 * Free text in an entry: a short one whole; a long one (a pasted note of megabytes) clipped to a
 * few lines, so the timeline stays light, with "show all" opening the whole text in a box that
 * scrolls on its own.
 */
function EntryText({ text }: { text: string }) {
  const { t, number } = useI18n();
  const [all, setAll] = useState(false);
  const end = previewEnd(text);
  if (end === null) return <p className="entry-notes">{text}</p>;
  return (
    <>
      {all ? (
        <p className="entry-notes" data-testid="entry-text-all" tabIndex={0} style={{ maxHeight: '24em', overflowY: 'auto' }}>{text}</p>
      ) : (
        <p className="entry-notes" data-testid="entry-text-preview">{text.slice(0, end).trimEnd()}…</p>
      )}
      <button type="button" className="link" data-testid="entry-show-all" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? t('timeline.showLess') : t('timeline.showAll', { count: number(text.length) })}
      </button>
    </>
  );
}

/** A CRM field's value in a field-change entry (a long text area holds 131,072 characters): its start; the CRM page shows the rest. */
const clipValue = (value: string) => (value.length <= PREVIEW_CHARS ? value : `${value.slice(0, PREVIEW_CHARS).trimEnd()}…`);

function InteractionBody({ interaction, stakeholders, onError }: { interaction: Interaction; stakeholders: Stakeholder[]; onError: Props['onError'] }) {
  const { t, day } = useI18n();
  const { save } = useEntrySaver(onError);
  const names = interaction.attendeeIds.map((id) => stakeholders.find((s) => s.id === id)?.name).filter(Boolean);
  const toggleStep = (stepId: string, done: boolean) =>
    void save({ store: 'interactions', record: { ...interaction, nextSteps: interaction.nextSteps.map((s) => (s.id === stepId ? { ...s, doneAt: done ? new Date().toISOString() : null } : s)) } }, interaction.revision);
  return (
    <>
      {(names.length > 0 || interaction.internalAttendees.length > 0) && <p className="muted small">{[...names, ...interaction.internalAttendees].join(', ')}</p>}
      {interaction.notes && <EntryText text={interaction.notes} />}
      {interaction.nextSteps.length > 0 && (
        <ul className="steps">
          {interaction.nextSteps.map((step) => (
            <li key={step.id}>
              <label className="check">
                <input type="checkbox" checked={step.doneAt !== null} onChange={(e) => toggleStep(step.id, e.target.checked)} /> {step.text}
                {step.dueDate && <span className="muted small"> · {t('steps.due', { date: day(step.dueDate) })}</span>}
              </label>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The account was handed over: by whom, when, and what the import brought. */
function HandoverBody({ handover }: { handover: HandoverReceived }) {
  const { t, dateTime, number } = useI18n();
  return (
    <>
      <p className="small">{t('timeline.handoverSent', { date: dateTime(handover.sentAt), received: dateTime(handover.receivedAt) })}</p>
      {handover.healthScore !== null && <p className="small">{t('timeline.handoverHealth', { score: number(handover.healthScore) })}</p>}
      <p className="muted small">{t('timeline.handoverCounts', { added: number(handover.counts.added), conflicts: number(handover.counts.conflicts) })}</p>
      {handover.includesInternalNotes && <p className="muted small">{t('timeline.handoverInternal')}</p>}
    </>
  );
}

/** The sender's version of a record both sides changed, shown beside the receiver's own; either may be kept. */
function VersionBody({ version, onError }: { version: HandoverVersion; onError: Props['onError'] }) {
  const { t, day } = useI18n();
  const { entry } = version;
  const resolve = async (action: 'take' | 'dismiss') => {
    try {
      await request({ type: 'handover.resolve', id: version.id, action });
      onError(undefined);
    } catch (e) {
      onError(toErrorData(e));
    }
  };
  let content: React.ReactNode;
  switch (entry.store) {
    case 'interactions':
      content = (
        <>
          <p className="small"><strong>{t(`interaction.${entry.record.type}`)}</strong>{entry.record.tone && ` · ${t(`tone.${entry.record.tone}`)}`}</p>
          {entry.record.notes && <EntryText text={entry.record.notes} />}
          {entry.record.nextSteps.length > 0 && <ul className="steps">{entry.record.nextSteps.map((s) => <li key={s.id}>{s.text}{s.dueDate && ` · ${t('steps.due', { date: day(s.dueDate) })}`}</li>)}</ul>}
        </>
      );
      break;
    case 'signals':
      content = (
        <>
          <p className="small"><strong>{signalTitle(entry.record, t)}</strong> · {t(`polarity.${entry.record.polarity}`)} · {t(`severity.${entry.record.severity}`)}</p>
          {entry.record.whatHappened && <EntryText text={entry.record.whatHappened} />}
        </>
      );
      break;
    case 'goals':
      content = <p className="small"><strong>{entry.record.title}</strong> · {t(`goalStatus.${currentStatus(entry.record).status}`)}</p>;
      break;
    case 'stakeholders':
      content = <p className="small"><strong>{entry.record.name}</strong>{entry.record.title && ` · ${entry.record.title}`} · {t(`role.${entry.record.role}`)}</p>;
      break;
  }
  return (
    <>
      <p className="muted small">{t('timeline.versionHelp', { sender: version.senderName, what: t(`timeline.versionWhat.${entry.store}`) })}</p>
      {content}
      <div className="entry-actions">
        <button type="button" className="link" data-testid="handover-version-take" onClick={() => void resolve('take')}>{t('timeline.versionTake')}</button>
        <button type="button" className="link" data-testid="handover-version-dismiss" onClick={() => void resolve('dismiss')}>{t('timeline.versionDismiss')}</button>
      </div>
    </>
  );
}

// Memoised: a save or a page of older entries leaves the entries already shown as they are.
const EntryView = memo(function EntryView({ entry, stakeholders, write, onEdit, onDelete, onError }: { entry: TimelineEntry; stakeholders: Stakeholder[]; write: CrmWriteStatus | undefined; onEdit: (id: string) => void; onDelete: (entry: TimelineEntry) => void; onError: Props['onError'] }) {
  const { t, dateTime } = useI18n();
  const editable = entry.kind === 'interaction' || entry.kind === 'signal';
  let title: string;
  let chip: string | null = null;
  let body: React.ReactNode = null;
  switch (entry.kind) {
    case 'interaction':
      title = t(`interaction.${entry.interaction.type}`);
      chip = entry.interaction.tone ? t(`tone.${entry.interaction.tone}`) : null;
      body = <InteractionBody interaction={entry.interaction} stakeholders={stakeholders} onError={onError} />;
      break;
    case 'signal':
      title = signalTitle(entry.signal, t);
      chip = `${t(`polarity.${entry.signal.polarity}`)} · ${t(`severity.${entry.signal.severity}`)}`;
      body = entry.signal.whatHappened ? <EntryText text={entry.signal.whatHappened} /> : null;
      break;
    case 'goal-status':
      title = entry.previous === null
        ? t('timeline.goalSet', { goal: entry.goalTitle, status: t(`goalStatus.${entry.change.status}`) })
        : t('timeline.goalStatus', { goal: entry.goalTitle, from: t(`goalStatus.${entry.previous}`), to: t(`goalStatus.${entry.change.status}`) });
      body = entry.change.reason ? <EntryText text={entry.change.reason} /> : null;
      break;
    case 'field-change':
      title = t('timeline.fieldChanges');
      body = (
        <ul className="changes">
          {entry.changes.map((c) => <li key={c.key}><strong>{c.label || c.key}</strong> {t('sidebar.changeArrow', { before: clipValue(c.before) || t('sidebar.empty'), after: clipValue(c.after) || t('sidebar.empty') })}</li>)}
        </ul>
      );
      break;
    case 'handover':
      title = t('timeline.handedOver', { sender: entry.handover.senderName });
      body = <HandoverBody handover={entry.handover} />;
      break;
    case 'handover-version':
      title = t('timeline.versionFrom', { sender: entry.version.senderName });
      chip = t('timeline.versionChip');
      body = <VersionBody version={entry.version} onError={onError} />;
      break;
  }
  const tone = entry.kind === 'interaction' && entry.interaction.tone ? ` tone-${entry.interaction.tone}` : entry.kind === 'signal' ? ` signal-${entry.signal.polarity}` : '';
  return (
    <div className={`entry entry-${entry.kind}`}>
      <div className="entry-head">
        <span className="entry-type">{title}</span>
        {chip && <span className={`tone${tone}`}>{chip}</span>}
        {entry.kind === 'interaction' && entry.interaction.internalOnly && <span className="chip">{t('timeline.internalOnly')}</span>}
        <time dateTime={entry.at}>{dateTime(entry.at)}</time>
      </div>
      {body}
      {write && <CrmWriteMark status={write} onError={onError} />}
      {editable && (
        <div className="entry-actions">
          <button type="button" className="link" data-testid="timeline-edit" onClick={() => onEdit(entry.id)}>{t('timeline.edit')}</button>
          <button type="button" className="link danger" data-testid="timeline-delete" onClick={() => onDelete(entry)}>{t('timeline.delete')}</button>
        </div>
      )}
    </div>
  );
});

export function Timeline(props: Props) {
  const { t } = useI18n();
  const { entries, next, damaged } = props.timeline;
  const editors = useOpenEditors();
  const scroller = useRef<HTMLDivElement>(null);
  const editedAt = useMemo(() => entries.flatMap((entry, index) => (editors.open.has(entry.id) ? [index] : [])), [entries, editors.open]);
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 84,
    overscan: 6,
    getItemKey: (i) => entries[i]?.id ?? i,
    // An open editor stays mounted when scrolled far away: its edit is still there when scrolled back.
    rangeExtractor: useCallback((range: Range) => withEditedEntries(defaultRangeExtractor(range), editedAt), [editedAt]),
  });
  const items = virtualizer.getVirtualItems();
  // When entries reached the screen, for `npm run bench` (same clock as the page's timestamps).
  useLayoutEffect(() => {
    scroller.current?.setAttribute('data-rendered-at', String(performance.timeOrigin + performance.now()));
  }, [entries]);
  const lastShown = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (next && lastShown >= entries.length - 10) props.onLoadMore();
  }, [lastShown, entries.length, next, props]);

  const { onDeleted, onError } = props;
  const remove = useCallback(async (entry: TimelineEntry) => {
    if (entry.kind !== 'interaction' && entry.kind !== 'signal') return;
    try {
      const deleted = await request({ type: 'entry.delete', store: entry.kind === 'interaction' ? 'interactions' : 'signals', id: entry.id });
      if (deleted) onDeleted(deleted);
    } catch (e) {
      onError({ code: 'storage', detail: e instanceof Error ? e.message : String(e) });
    }
  }, [onDeleted, onError]);
  const toggleKind = (kind: TimelineKind) => {
    const on = props.kinds.includes(kind);
    if (on && props.kinds.length === 1) return;
    props.onKinds(on ? props.kinds.filter((k) => k !== kind) : TIMELINE_KINDS.filter((k) => k === kind || props.kinds.includes(k)));
  };

  return (
    <>
      <div className="filters" role="group" aria-label={t('timeline.filter')} data-testid="timeline-filter">
        {TIMELINE_KINDS.map((kind) => (
          <button key={kind} type="button" className="chip-toggle" aria-pressed={props.kinds.includes(kind)} data-kind={kind} onClick={() => toggleKind(kind)}>
            {t(`timeline.kind.${kind}`)}
          </button>
        ))}
      </div>
      {damaged > 0 && <p className="warning" role="status">{t('sidebar.damaged', { count: damaged })}</p>}
      {entries.length === 0 ? (
        <p className="muted" data-testid="timeline-empty">{t('sidebar.timelineEmpty', { shortcut: QUICK_LOG_SHORTCUT })}</p>
      ) : (
        <div ref={scroller} className="timeline-scroll" data-testid="timeline">
          <ol className="timeline" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const entry = entries[item.index];
              if (!entry) return null;
              return (
                <li
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  data-testid="timeline-entry"
                  data-kind={entry.kind}
                  data-id={entry.id}
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  {editors.isOpen(entry.id) && entry.kind === 'interaction' ? (
                    <InteractionEditor interaction={entry.interaction} stakeholders={props.stakeholders} suggestSettings={props.suggestSettings} loggedSignals={signalsLoggedWith(entry.id, props.openSignals, entries)} onDone={() => editors.closeEditor(entry.id)} onError={props.onError} />
                  ) : editors.isOpen(entry.id) && entry.kind === 'signal' ? (
                    <SignalEditor signal={entry.signal} accountKey={props.accountKey} stakeholders={props.stakeholders} onDone={() => editors.closeEditor(entry.id)} onError={props.onError} />
                  ) : (
                    <EntryView entry={entry} stakeholders={props.stakeholders} write={entry.kind === 'interaction' ? props.writes.get(entry.id) : undefined} onEdit={editors.openEditor} onDelete={remove} onError={props.onError} />
                  )}
                </li>
              );
            })}
          </ol>
        </div>
      )}
      {next && <p className="muted small">{t('timeline.loading')}</p>}
    </>
  );
}
