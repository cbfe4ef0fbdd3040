import { z } from './zod';
import { HealthWeights } from '../health/weights';
import { LIMITS } from './limits';
import { SignalKind } from './signal';
import { ALL_CRM_WRITES_OFF, CrmWriteSwitches } from './crm-write';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from './crm-interfaces';

export const NoteTemplate = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.templateName)),
  body: z.string().check(z.maxLength(LIMITS.longText)),
});
export type NoteTemplate = z.infer<typeof NoteTemplate>;

/** A phrase of the CSM's own that suggests a signal of its kind while notes are typed (lib/suggest). */
export const OwnPhrase = z.object({
  kind: SignalKind,
  phrase: z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.name)),
});
export type OwnPhrase = z.infer<typeof OwnPhrase>;

/** The CSM's own settings; every field defaults, so a partial or older stored value still reads. */
export const CsmSettings = z.object({
  /** Tone not refreshed for this many days is flagged as stale. */
  toneStaleDays: z._default(z.int().check(z.gte(1), z.lte(365)), 30),
  /** Next steps due within this many days are shown at the top of the sidebar. */
  dueSoonDays: z._default(z.int().check(z.gte(0), z.lte(90)), 7),
  /** CRM fields whose change is offered as a stakeholder-change signal (the owner always is). */
  stakeholderFieldKeys: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(LIMITS.name))).check(z.maxLength(LIMITS.stakeholderFields)), ['Executive_Sponsor__c', 'Primary_Contact__c']),
  /** How much each part of the health score counts. */
  healthWeights: z._default(HealthWeights, HealthWeights.parse({})),
  /** Competitors' names: a note naming one suggests “competitor mentioned”. */
  competitorNames: z._default(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.name))).check(z.maxLength(LIMITS.competitorNames)), []),
  /** The CSM's own phrases for suggestions, beside the built-in ones (lib/suggest/rules.ts). */
  ownPhrases: z._default(z.array(OwnPhrase).check(z.maxLength(LIMITS.ownPhrases)), []),
  templates: z._default(z.array(NoteTemplate).check(z.maxLength(LIMITS.templates)), [
    { id: 'check-in', name: 'Check-in', body: 'Goals progress:\nBlockers:\nNext steps:' },
    { id: 'qbr-prep', name: 'QBR prep', body: 'Wins since last QBR:\nUsage highlights:\nRisks to raise:\nAsks for next quarter:' },
  ]),
  /** The CSM's name as a receiver sees it on accounts handed over to them (set once; a handover cannot be exported without it). */
  senderName: z._default(z.string().check(z.trim(), z.maxLength(LIMITS.name)), ''),
  /** Set by its own request (`crm.switch`), which also applies it to open tabs; `settings.save` keeps the stored one. */
  crmInterfaces: z._default(CrmInterfaces, ALL_CRM_INTERFACES_ON),
  /** Which CRMs saved touches are written to (lib/model/crm-write.ts): set by `crmWrite.switch`, once the page got the permissions it needs. */
  crmWrites: z._default(CrmWriteSwitches, ALL_CRM_WRITES_OFF),
});
export type CsmSettings = z.infer<typeof CsmSettings>;

/** Fields that always count as stakeholder fields: the account owner changing is a relationship change. */
export const ALWAYS_STAKEHOLDER_FIELDS = ['OwnerId', 'Owner'] as const;

/** What the settings form saves: everything but the CRM interface and write switches, which have their own requests and apply at once. */
export const CsmFormSettings = z.omit(CsmSettings, { crmInterfaces: true, crmWrites: true });
export type CsmFormSettings = z.infer<typeof CsmFormSettings>;
