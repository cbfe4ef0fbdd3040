import type { Translator } from '../i18n';
import type { Interaction } from '../model/interaction';
import type { Signal } from '../model/signal';
import type { SuccessGoal } from '../model/goal';
import type { Stakeholder } from '../model/stakeholder';
import type { DateRange } from '../model/dates';
import { toCsv } from './csv';
import { inLocalRange, localDateTime } from './days';

export type TimelineCsvKind = 'interaction' | 'signal' | 'goal-status';

/** One line of the timeline export, already in the UI language. */
export interface TimelineCsvRow {
  /** ISO instant, for ordering. */
  at: string;
  kind: TimelineCsvKind;
  type: string;
  tone: string;
  title: string;
  details: string;
  internal: boolean;
}

export interface TimelineSource {
  interactions: readonly Interaction[];
  signals: readonly Signal[];
  goals: readonly SuccessGoal[];
  stakeholders: readonly Stakeholder[];
}

const firstLine = (text: string) => (text.trim().split(/\r?\n/)[0] ?? '').trim();

/**
 * Every timeline entry in the range, oldest first: interactions, signals and goal status
 * changes. Internal-only interactions, and the signals logged with them, are left out unless
 * `includeInternal`.
 */
export function timelineCsvRows(source: TimelineSource, range: DateRange, includeInternal: boolean, i18n: Translator): TimelineCsvRow[] {
  const { t, day, date } = i18n;
  const people = new Map(source.stakeholders.map((s) => [s.id, s]));
  const internalIds = new Set(source.interactions.filter((i) => i.internalOnly).map((i) => i.id));
  const rows: TimelineCsvRow[] = [];

  for (const i of source.interactions) {
    if (!inLocalRange(i.occurredAt, range) || (i.internalOnly && !includeInternal)) continue;
    const attendees = [...i.attendeeIds.map((id) => people.get(id)?.name).filter((n): n is string => n !== undefined), ...i.internalAttendees];
    const steps = i.nextSteps.map((s) => `${s.text} (${s.dueDate ? t('steps.due', { date: day(s.dueDate) }) : t('brief.noDue')}${s.doneAt ? `, ${t('csv.done', { date: date(s.doneAt) })}` : ''})`);
    rows.push({
      at: i.occurredAt,
      kind: 'interaction',
      type: t(`interaction.${i.type}`),
      tone: i.tone ? t(`tone.${i.tone}`) : '',
      title: firstLine(i.notes) || t(`interaction.${i.type}`),
      details: [
        i.notes.trim(),
        ...(attendees.length > 0 ? [t('csv.attendees', { names: attendees.join(', ') })] : []),
        ...(steps.length > 0 ? [t('csv.nextSteps', { steps: steps.join('; ') })] : []),
      ].filter((line) => line !== '').join('\n'),
      internal: i.internalOnly,
    });
  }

  for (const s of source.signals) {
    const internal = s.interactionId !== null && internalIds.has(s.interactionId);
    if (!inLocalRange(s.occurredAt, range) || (internal && !includeInternal)) continue;
    const who = s.stakeholderId ? people.get(s.stakeholderId)?.name : undefined;
    rows.push({
      at: s.occurredAt,
      kind: 'signal',
      type: s.kind === 'other' && s.otherLabel ? s.otherLabel : t(`signalKind.${s.kind}`),
      tone: '',
      title: t('csv.signalTitle', { polarity: t(`polarity.${s.polarity}`), severity: t(`severity.${s.severity}`) }),
      details: [
        s.whatHappened.trim(),
        ...(who ? [t('csv.who', { name: who })] : []),
        ...(s.howTheyFeel.trim() ? [t('csv.feel', { text: s.howTheyFeel.trim() })] : []),
        ...(s.resolvedAt ? [t('signal.resolvedOn', { date: date(s.resolvedAt) })] : []),
      ].filter((line) => line !== '').join('\n'),
      internal,
    });
  }

  for (const goal of source.goals) {
    goal.statusHistory.forEach((change, index) => {
      if (!inLocalRange(change.changedAt, range)) return;
      const previous = goal.statusHistory[index - 1];
      rows.push({
        at: change.changedAt,
        kind: 'goal-status',
        type: t(`goalStatus.${change.status}`),
        tone: '',
        title: previous
          ? t('timeline.goalStatus', { goal: goal.title, from: t(`goalStatus.${previous.status}`), to: t(`goalStatus.${change.status}`) })
          : t('timeline.goalSet', { goal: goal.title, status: t(`goalStatus.${change.status}`) }),
        details: [change.reason.trim(), ...(change.perceivedBy.trim() ? [t('csv.perceivedBy', { name: change.perceivedBy.trim() })] : [])].filter((line) => line !== '').join('\n'),
        internal: false,
      });
    });
  }

  // Oldest first, as a spreadsheet reads down; ISO instants from the store compare by time once parsed.
  return rows
    .map((row) => ({ row, ms: Date.parse(row.at) }))
    .sort((a, b) => a.ms - b.ms)
    .map(({ row }) => row);
}

/** The rows as a formula-safe UTF-8 CSV with BOM, headers and labels in the UI language. */
export function timelineCsv(rows: readonly TimelineCsvRow[], i18n: Translator): string {
  const { t } = i18n;
  return toCsv(
    [t('csv.date'), t('csv.kind'), t('csv.type'), t('csv.tone'), t('csv.title'), t('csv.details'), t('csv.internal')],
    rows.map((row) => [localDateTime(row.at), t(`csv.kind.${row.kind}`), row.type, row.tone, row.title, row.details, t(row.internal ? 'csv.yes' : 'csv.no')]),
  );
}
