import { goalsExhausted } from '../insights/goals';
import { currentStatus, type SuccessGoal } from '../model/goal';
import type { Interaction } from '../model/interaction';
import type { Signal, SignalKind } from '../model/signal';
import { isKeyRole, type Stakeholder } from '../model/stakeholder';
import type { UsageSeries } from '../model/usage';
import { dateOf } from './dates';
import { dayNumber } from '../calendar';
import { goalsAsOf } from './goals';
import { signalEvidenceKey, type HealthMessageKey } from './messages';
import type { BlindSpot, Reason } from './model';
import { isAdvocacyOrExpansion } from './relationship';
import { isOpenAsOf } from './signals';

/** Usage at or above this "looks healthy", so a risk elsewhere is easy to miss. */
export const HEALTHY_USAGE = 65;
/** Usage below this "looks weak", though the relationship may be fine. */
export const WEAK_USAGE = 45;
export const STRONG_RELATIONSHIP = 70;
/** A champion or sponsor who left longer ago than this is old news, not a hidden risk. */
export const KEY_PERSON_LEFT_DAYS = 180;
/** A customer this long without a goal with a metric or an achieved goal has never been shown value. */
export const ROI_GRACE_DAYS = 180;
/** Competitor names are unknown to us, so a mention is recognised by these words (English and Japanese). */
export const COMPETITOR_WORDS = /competitor|competition|競合|他社/i;

export interface BlindSpotInput {
  asOf: string;
  /** The usage and relationship component values, null when they had no data. */
  usage: number | null;
  relationship: number | null;
  usageSeries: readonly UsageSeries[];
  interactions: readonly Interaction[];
  signals: readonly Signal[];
  goals: readonly SuccessGoal[];
  stakeholders: readonly Stakeholder[];
}

/** An open signal as evidence: its kind and since when. */
export function signalEvidence(s: Signal): Reason {
  const date = dateOf(s.occurredAt);
  return { key: signalEvidenceKey(s.kind), params: s.kind === 'other' ? { date, label: s.otherLabel } : { date } };
}

interface Context {
  input: BlindSpotInput;
  today: number;
  open: Signal[];
  goals: SuccessGoal[];
}

const openOfKind = (c: Context, kind: SignalKind) => c.open.filter((s) => s.kind === kind);
const evidenceOf = (signals: readonly Signal[]): Reason[] => signals.map(signalEvidence);

/** A champion-left signal, or a champion or sponsor marked as left within KEY_PERSON_LEFT_DAYS. */
function keyPersonLeft(c: Context): Reason[] {
  const evidence = evidenceOf(openOfKind(c, 'champion-left'));
  for (const p of c.input.stakeholders) {
    if (p.status !== 'left' || !isKeyRole(p.role)) continue;
    // When the date they left is unknown, the day the record was changed stands in for it.
    const date = p.leftOn ?? dateOf(p.updatedAt);
    const ago = c.today - dayNumber(date);
    if (ago < 0 || ago > KEY_PERSON_LEFT_DAYS) continue;
    const key: HealthMessageKey = p.role === 'champion' ? 'health.evidence.keyPersonLeft.champion' : 'health.evidence.keyPersonLeft.executive-sponsor';
    evidence.push({ key, params: { name: p.name, date } });
  }
  return evidence;
}

/** A new stakeholder while a competitor is around: named in that signal's text, or an open competitor-mentioned signal. */
function newStakeholderCompetitor(c: Context): Reason[] {
  const newcomers = openOfKind(c, 'new-stakeholder');
  if (newcomers.length === 0) return [];
  const competitors = openOfKind(c, 'competitor-mentioned');
  const mentioning = newcomers.filter((s) => COMPETITOR_WORDS.test(s.whatHappened) || COMPETITOR_WORDS.test(s.howTheyFeel));
  if (mentioning.length === 0 && competitors.length === 0) return [];
  const evidence = evidenceOf(mentioning.length > 0 ? mentioning : newcomers);
  if (mentioning.length > 0) evidence.push({ key: 'health.evidence.competitorInText' });
  return [...evidence, ...evidenceOf(competitors)];
}

/** First day we know of the customer: first usage figure, touch or goal. */
function customerSince(c: Context): number | null {
  const { asOf, usageSeries, interactions } = c.input;
  const dates: string[] = [];
  for (const s of usageSeries) if (s.points[0]) dates.push(s.points[0].date);
  for (const i of interactions) dates.push(dateOf(i.occurredAt));
  for (const g of c.goals) dates.push(dateOf(g.createdAt));
  let first: string | null = null;
  for (const date of dates) if (date <= asOf && (first === null || date < first)) first = date;
  return first === null ? null : dayNumber(first);
}

/** Customer for ROI_GRACE_DAYS, yet no goal with a metric and none achieved (even partially). */
function roiNeverShown(c: Context): Reason[] {
  const shown = c.goals.some((g) => g.metric !== null || ['achieved', 'partially-achieved'].includes(currentStatus(g).status));
  if (shown) return [];
  const since = customerSince(c);
  return since === null || c.today - since < ROI_GRACE_DAYS ? [] : [{ key: 'health.evidence.noRoiShown', params: { days: c.today - since } }];
}

/** The latest interaction (any type) has an open unresolved-issue signal logged with it. */
function lastTouchUnresolved(c: Context): Reason[] {
  const open = openOfKind(c, 'unresolved-issue');
  if (open.length === 0) return [];
  let last: Interaction | null = null;
  for (const i of c.input.interactions) {
    if (dateOf(i.occurredAt) <= c.input.asOf && (!last || i.occurredAt > last.occurredAt)) last = i;
  }
  if (!last) return [];
  const lastId = last.id;
  const issues = open.filter((s) => s.interactionId === lastId);
  return issues.length === 0 ? [] : [{ key: 'health.evidence.lastTouch', params: { date: dateOf(last.occurredAt) } }, ...evidenceOf(issues)];
}

/** Every goal achieved and none set since (the insights helper, on the goals as of asOf), or a goals-exhausted signal. */
function goalsAllDone(c: Context): Reason[] {
  const evidence: Reason[] = [];
  if (goalsExhausted(c.goals)) {
    const last = c.goals.map((g) => dateOf(currentStatus(g).changedAt)).sort().at(-1) ?? c.input.asOf;
    evidence.push({ key: 'health.evidence.allGoalsAchieved', params: { count: c.goals.length, date: last } });
  }
  return [...evidence, ...evidenceOf(openOfKind(c, 'goals-exhausted'))];
}

/** Each hidden risk: the blind spot's key and how to find its evidence ([] = not there). */
const HIDDEN_RISKS: ReadonlyArray<[HealthMessageKey, (c: Context) => Reason[]]> = [
  ['health.blindSpot.keyPersonLeft', keyPersonLeft],
  ['health.blindSpot.sponsorPriorityDropped', (c) => evidenceOf(openOfKind(c, 'sponsor-priority-dropped'))],
  ['health.blindSpot.newStakeholderCompetitor', newStakeholderCompetitor],
  ['health.blindSpot.roadmapDisappointment', (c) => evidenceOf(openOfKind(c, 'roadmap-disappointment'))],
  ['health.blindSpot.roiQuestioned', (c) => evidenceOf(openOfKind(c, 'roi-questioned'))],
  ['health.blindSpot.roiNeverShown', roiNeverShown],
  ['health.blindSpot.unresolvedIssue', lastTouchUnresolved],
  ['health.blindSpot.goalsExhausted', goalsAllDone],
];

/**
 * What the score alone would hide. Healthy-looking usage (≥ HEALTHY_USAGE) with a risk a usage
 * dashboard cannot see: a hidden risk per kind found. Weak usage (< WEAK_USAGE) with a strong
 * relationship or open advocacy/expansion: an adoption gap, not a churn risk. Nothing without
 * usage data: both read against it.
 */
export function findBlindSpots(input: BlindSpotInput): BlindSpot[] {
  const { usage, relationship, asOf } = input;
  if (usage === null) return [];
  const c: Context = {
    input,
    today: dayNumber(asOf),
    open: input.signals.filter((s) => isOpenAsOf(s, asOf)),
    goals: goalsAsOf(input.goals, asOf),
  };
  const usageEvidence: Reason = { key: 'health.evidence.usageScore', params: { value: usage } };
  const spots: BlindSpot[] = [];
  if (usage >= HEALTHY_USAGE) {
    for (const [key, find] of HIDDEN_RISKS) {
      const evidence = find(c);
      if (evidence.length > 0) spots.push({ kind: 'hidden-risk', key, evidence: [usageEvidence, ...evidence] });
    }
  } else if (usage < WEAK_USAGE) {
    const strong = relationship !== null && relationship >= STRONG_RELATIONSHIP;
    const advocates = c.open.filter(isAdvocacyOrExpansion);
    if (strong || advocates.length > 0) {
      const evidence = [usageEvidence];
      if (strong) evidence.push({ key: 'health.evidence.relationshipScore', params: { value: relationship } });
      spots.push({ kind: 'adoption-gap', key: 'health.blindSpot.adoptionGap', evidence: [...evidence, ...evidenceOf(advocates)] });
    }
  }
  return spots;
}
