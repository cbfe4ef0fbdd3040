import type { Translator } from '../i18n';
import { daysInStatus } from '../insights/goals';
import type { Brief } from './brief';
import type { Signal } from '../model/signal';

/** Text typed by the CSM, safe inside one Markdown list line. */
export function inline(text: string): string {
  return text.replace(/\s*\n\s*/g, ' / ').replace(/([\\`*_[\]<>|])/g, '\\$1').trim();
}

/** Sections that another capability fills (usage, health, blind spots), already rendered, or null while they do not exist. */
export interface BriefExtras {
  summary?: string[];
  usage?: string[] | null;
  health?: string[] | null;
  blindSpots?: string[] | null;
}

/**
 * The QBR brief as Markdown that pastes cleanly into Google Docs, Notion or a slide's notes:
 * headings, bullet lists and plain text only, in the UI language.
 */
export function briefToMarkdown(brief: Brief, i18n: Translator, now: Date, extras: BriefExtras = {}, includeInternal = false): string {
  const { t, day, date, dateTime } = i18n;
  const lines: string[] = [];
  const section = (title: string, body: string[]) => lines.push('', `## ${title}`, '', ...(body.length > 0 ? body : [t('brief.none')]));
  const signalLine = (s: Signal) => {
    const who = brief.stakeholders.find((p) => p.id === s.stakeholderId)?.name;
    const title = s.kind === 'other' && s.otherLabel ? s.otherLabel : t(`signalKind.${s.kind}`);
    return `- ${date(s.occurredAt)}: **${inline(title)}** (${t(`severity.${s.severity}`)})${who ? `, ${inline(who)}` : ''}${s.whatHappened ? `: ${inline(s.whatHappened)}` : ''}${s.resolvedAt ? ` (${t('signal.resolvedOn', { date: date(s.resolvedAt) })})` : ''}`;
  };

  lines.push(`# ${t('brief.title', { account: inline(brief.account.name), from: day(brief.range.from), to: day(brief.range.to) })}`);
  section(t('brief.summary'), [
    ...(extras.summary ?? []),
    `- ${brief.renewalDate ? t('brief.renewal', { date: day(brief.renewalDate) }) : t('brief.noRenewal')}`,
    `- ${t('brief.counts', { interactions: brief.interactions.length, risks: brief.risks.length, opportunities: brief.opportunities.length })}`,
  ]);
  section(
    t('brief.goals'),
    brief.goals.flatMap(({ goal, status, changesInRange }) => [
      `- ${t('brief.goalLine', { goal: inline(goal.title), horizon: t(`horizon.${goal.horizon}`), status: t(`goalStatus.${status.status}`), days: daysInStatus(goal, now) })}`,
      ...(goal.metric ? [`  - ${t('brief.metricLine', { name: inline(goal.metric.name), start: goal.metric.start, current: goal.metric.current, target: goal.metric.target, unit: inline(goal.metric.unit) })}`] : []),
      ...changesInRange.map((c) => `  - ${t('brief.goalChange', { date: date(c.changedAt), status: t(`goalStatus.${c.status}`), reason: c.reason ? `: ${inline(c.reason)}` : '' })}`),
    ]),
  );
  section(t('brief.usage'), extras.usage ?? [t('brief.notYet')]);
  section(t('brief.health'), extras.health ?? [t('brief.notYet')]);
  section(t('brief.blindSpots'), extras.blindSpots ?? [t('brief.notYet')]);
  section(t('brief.signals'), [
    `**${t('brief.risks')}**`,
    '',
    ...(brief.risks.length > 0 ? brief.risks.map(signalLine) : [t('brief.none')]),
    '',
    `**${t('brief.opportunities')}**`,
    '',
    ...(brief.opportunities.length > 0 ? brief.opportunities.map(signalLine) : [t('brief.none')]),
  ]);
  section(t('brief.stakeholders'), [
    ...brief.stakeholders.map((s) => `- **${inline(s.name)}**${s.title ? `, ${inline(s.title)}` : ''} (${t(`role.${s.role}`)}, ${t(`influence.${s.influence}`)})`),
    ...brief.stakeholderChanges.map((c) => `- ${t(c.change === 'joined' ? 'brief.joined' : 'brief.left', { name: inline(c.stakeholder.name), role: t(`role.${c.stakeholder.role}`), date: day(c.on) })}`),
  ]);
  section(
    t('brief.interactions'),
    brief.interactions.map((i) => `- ${dateTime(i.occurredAt)}: **${t(`interaction.${i.type}`)}**${i.tone ? ` (${t(`tone.${i.tone}`)})` : ''}${i.internalOnly ? ` _${t('timeline.internalOnly')}_` : ''}${i.notes ? `: ${inline(i.notes)}` : ''}`),
  );
  const stepLine = (s: Brief['openSteps'][number]) => `- ${inline(s.step.text)} (${s.step.dueDate ? t('steps.due', { date: day(s.step.dueDate) }) : t('brief.noDue')})`;
  section(t('brief.nextSteps'), [
    `**${t('brief.open')}**`,
    '',
    ...(brief.openSteps.length > 0 ? brief.openSteps.map(stepLine) : [t('brief.none')]),
    '',
    `**${t('brief.completed')}**`,
    '',
    ...(brief.completedSteps.length > 0 ? brief.completedSteps.map(stepLine) : [t('brief.none')]),
  ]);
  lines.push('', '---', '', `_${t('brief.generated', { date: dateTime(now.toISOString()), internal: t(includeInternal ? 'brief.internalIncluded' : 'brief.internalExcluded') })}_`, '');
  return lines.join('\n');
}
