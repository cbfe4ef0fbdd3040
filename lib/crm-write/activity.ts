import type { Interaction } from '../model/interaction';
import type { Signal } from '../model/signal';
import type { Stakeholder } from '../model/stakeholder';
import { translate, type Locale } from '../i18n';
import { fitBody } from './fit';

/** What a touch becomes in the CRM, whichever CRM: each writer maps it to its own activity's fields. */
export interface ActivityContent {
  subject: string;
  /** Notes, next steps and signals in plain words, ending with the reference line. */
  body: string;
  /** The instant of the touch, and its calendar day (UTC, as Salesforce's `ActivityDate` is). */
  occurredAt: string;
  day: string;
  type: Interaction['type'];
  /** Written into the body: finds the activity again when the answer to its create was lost. */
  ref: string;
}

const SUBJECT_MAX = 255;
/** Salesforce's Task Description holds 32,000 characters (HubSpot's note body 65,536): the body is cut to that here; a writer with less room (Dynamics' phone call description, 2,000 by default) cuts further, keeping the reference line (./fit.ts). */
export const BODY_MAX = 32_000;

/** The reference an interaction's activity carries, one per interaction. */
export function activityRef(interactionId: string): string {
  return `[adoption-sidebar:${interactionId}]`;
}

const REF_PATTERN = /\[adoption-sidebar:([^\]\s]{1,100})\]/;

/** The interaction an activity was written from, when its body carries a reference. */
export function refOfBody(body: string): string | null {
  return REF_PATTERN.exec(body)?.[1] ?? null;
}

function firstLine(text: string): string {
  return text.trim().split(/\r?\n/, 1)[0]?.trim() ?? '';
}

/**
 * The activity for an interaction and the signals logged with it, in the CSM's language. Pure.
 * Notes longer than the CRM's field are cut with a line saying so: the whole text stays in the
 * extension and in its exports.
 */
export function activityContent(interaction: Interaction, signals: readonly Signal[], stakeholders: readonly Stakeholder[], locale: Locale): ActivityContent {
  const t = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params);
  const type = t(`interaction.${interaction.type}`);
  const headline = firstLine(interaction.notes);
  const subject = (headline ? `${type}: ${headline}` : type).slice(0, SUBJECT_MAX);
  const nameOf = (id: string | null) => (id === null ? null : (stakeholders.find((s) => s.id === id)?.name ?? null));

  const sections: string[] = [];
  if (interaction.notes.trim()) sections.push(interaction.notes.trim());
  if (interaction.tone) sections.push(`${t('crmWrite.tone')}: ${t(`tone.${interaction.tone}`)}`);
  const attendees = interaction.attendeeIds.map(nameOf).filter((n): n is string => n !== null);
  if (attendees.length > 0) sections.push(`${t('crmWrite.attendees')}: ${attendees.join(', ')}`);
  if (interaction.nextSteps.length > 0) {
    sections.push([`${t('quickLog.nextSteps')}:`, ...interaction.nextSteps.map((s) => `- ${s.text}${s.dueDate ? ` (${t('crmWrite.due', { date: s.dueDate })})` : ''}${s.doneAt ? ` ✓` : ''}`)].join('\n'));
  }
  const own = signals.filter((s) => s.interactionId === interaction.id);
  if (own.length > 0) {
    const line = (s: Signal) => {
      const kind = s.kind === 'other' && s.otherLabel ? s.otherLabel : t(`signalKind.${s.kind}`);
      const who = nameOf(s.stakeholderId);
      const what = s.whatHappened.trim();
      return `- ${kind} (${t(`polarity.${s.polarity}`)})${who ? `, ${who}` : ''}${what ? `: ${what}` : ''}`;
    };
    sections.push([`${t('timeline.kind.signal')}:`, ...own.map(line)].join('\n'));
  }
  const ref = activityRef(interaction.id);
  const footer = `${t('crmWrite.footer')} ${ref}`;
  // Cut to the room every CRM has, keeping the reference line; the whole text stays here.
  const body = fitBody(`${sections.join('\n\n')}\n\n${footer}`, BODY_MAX, undefined, `…\n${t('crmWrite.cut')}`);
  return { subject, body, occurredAt: interaction.occurredAt, day: interaction.occurredAt.slice(0, 10), type: interaction.type, ref };
}
