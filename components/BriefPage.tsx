import { startTransition, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { requestTakingEarly } from '@/lib/messaging/client';
import { toErrorData, type AppErrorData } from '@/lib/errors';
import { parseBriefLink, type BriefLink } from '@/lib/export/brief-link';
import { briefRequest } from '@/lib/messaging/brief-request';
import { briefPageModel, metricProgress, type BriefPageModel } from '@/lib/export/qbr';
import { signedPercent } from '@/lib/export/brief-health';
import { TREND_DAYS } from '@/lib/health/trend';
import { daysInStatus } from '@/lib/insights/goals';
import type { Signal } from '@/lib/model/signal';
import type { BriefStep } from '@/lib/export/brief';
import type { ReplyDataOf } from '@/lib/messaging/protocol';
import { ErrorMessage, useI18n } from './i18n';
import { UsageChart } from './UsageChart';

type State =
  | { kind: 'loading' }
  | { kind: 'bad-link' }
  | { kind: 'not-found' }
  | { kind: 'error'; error: AppErrorData }
  | { kind: 'ready'; link: BriefLink; model: BriefPageModel; now: Date };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="brief-section" data-testid="brief-section" data-section={id} aria-labelledby={`brief-${id}`}>
      <h2 id={`brief-${id}`}>{title}</h2>
      {children}
    </section>
  );
}

export interface BriefLoad {
  link: BriefLink | null;
  reply: Promise<ReplyDataOf<'account.brief'>> | null;
}

/**
 * The brief's data: the answer to the request the page's first script sent
 * (lib/messaging/early-request.ts) when it was this link's, else asked for now, before React has
 * rendered anything.
 */
export function loadBrief(win: Window): BriefLoad {
  const link = parseBriefLink(win.location.hash);
  const message = link && briefRequest(link);
  if (!link || !message) return { link, reply: null };
  return { link, reply: requestTakingEarly(win, message) };
}

/**
 * Interactions in the first render: more than a screen holds (an entry is about 52 px tall, and
 * the other sections come first). The rest follow in a transition, so the brief shows sooner; a
 * brief of 2,000 entries spent about 90 ms making them and 40 ms laying them out. Printing (the
 * button or the browser's own command) renders them all first.
 */
const FIRST_INTERACTIONS = 40;

/**
 * The QBR brief of one account laid out for reading and printing (A4). Opened from the sidebar
 * with only the account key, range and internal-notes flag in its address; the record itself
 * comes from the background.
 */
export function BriefPage({ load }: { load: BriefLoad }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [complete, setComplete] = useState(false);
  const main = useRef<HTMLElement>(null);
  // When the brief was laid out, first and whole, for `npm run bench` (the page's own clock). The
  // layout the browser would do next, before its paint, is done here, so the figures count it.
  useLayoutEffect(() => {
    const el = main.current;
    if (state.kind !== 'ready' || !el) return;
    el.getBoundingClientRect();
    if (!el.hasAttribute('data-rendered-at')) el.setAttribute('data-rendered-at', String(performance.now()));
    if (complete) el.setAttribute('data-all-rendered-at', String(performance.now()));
  }, [state, complete]);

  useEffect(() => {
    if (state.kind !== 'ready' || complete) return;
    // After the first screen's paint, in slices between frames.
    const rest = setTimeout(() => startTransition(() => setComplete(true)), 0);
    // Printing before then: the whole brief, rendered synchronously.
    const printAll = () => flushSync(() => setComplete(true));
    window.addEventListener('beforeprint', printAll);
    return () => {
      clearTimeout(rest);
      window.removeEventListener('beforeprint', printAll);
    };
  }, [state, complete]);

  useEffect(() => {
    const { link, reply } = load;
    if (!link || !reply) {
      setState({ kind: 'bad-link' });
      return;
    }
    const { from, to, includeInternal } = link;
    reply.then(
      (brief) => {
        if (!brief) return setState({ kind: 'not-found' });
        const { record, health } = brief;
        const model = briefPageModel({ record, health }, { range: { from, to }, includeInternal }, i18n);
        document.title = t('brief.title', { account: record.account.name, from: i18n.day(from), to: i18n.day(to) });
        setState({ kind: 'ready', link, model, now: new Date() });
      },
      (error: unknown) => setState({ kind: 'error', error: toErrorData(error) }),
    );
  }, [i18n, t, load]);

  // `ready` once every entry is on the page; until then the brief shows, still `loading`.
  const shownState = state.kind === 'ready' && !complete ? 'loading' : state.kind;
  return (
    <main ref={main} className="brief-page" data-testid="brief-page" data-state={shownState}>
      {state.kind === 'loading' && <p className="muted">{t('briefPage.loading')}</p>}
      {state.kind === 'bad-link' && <p className="error" role="alert">{t('briefPage.badLink')}</p>}
      {state.kind === 'not-found' && <p className="error" role="alert">{t('briefPage.notFound')}</p>}
      {state.kind === 'error' && <ErrorMessage error={state.error} />}
      {state.kind === 'ready' && <BriefBody model={state.model} includeInternal={state.link.includeInternal} now={state.now} interactions={complete ? undefined : FIRST_INTERACTIONS} />}
    </main>
  );
}

/** `interactions`: how many of the brief's interactions to render (all when undefined). */
function BriefBody({ model, includeInternal, now, interactions: limit }: { model: BriefPageModel; includeInternal: boolean; now: Date; interactions?: number }) {
  const i18n = useI18n();
  const { t, day, date, dateTime, number } = i18n;
  const { brief, health, usage, chart } = model;
  const people = new Map(brief.stakeholders.map((s) => [s.id, s.name]));
  const healthLine = health && health.score !== null ? t('brief.healthScore', { score: health.score, trend: health.trendName }) : t('health.score.none');

  const signalItem = (s: Signal) => (
    <li key={s.id} className={`signal-${s.polarity}`}>
      <time dateTime={s.occurredAt}>{date(s.occurredAt)}</time>{' '}
      <strong>{s.kind === 'other' && s.otherLabel ? s.otherLabel : t(`signalKind.${s.kind}`)}</strong> ({t(`severity.${s.severity}`)})
      {s.stakeholderId && people.has(s.stakeholderId) && <>, {people.get(s.stakeholderId)}</>}
      {s.whatHappened && <>: {s.whatHappened}</>}
      {s.resolvedAt && <> ({t('signal.resolvedOn', { date: date(s.resolvedAt) })})</>}
    </li>
  );
  const stepItem = ({ step }: BriefStep) => (
    <li key={step.id}>
      {step.text} <span className="muted">({step.dueDate ? t('steps.due', { date: day(step.dueDate) }) : t('brief.noDue')})</span>
    </li>
  );
  const none = <p className="muted">{t('brief.none')}</p>;

  return (
    <>
      <div className="brief-toolbar no-print">
        <button type="button" className="primary" data-testid="brief-print" onClick={() => window.print()}>{t('briefPage.print')}</button>
      </div>
      <header className="brief-header">
        <p className="app-name">{t('appName')}</p>
        <h1>{t('brief.title', { account: brief.account.name, from: day(brief.range.from), to: day(brief.range.to) })}</h1>
      </header>

      <Section id="summary" title={t('brief.summary')}>
        <ul>
          <li data-testid="brief-health-line">{healthLine}</li>
          <li>{brief.renewalDate ? t('brief.renewal', { date: day(brief.renewalDate) }) : t('brief.noRenewal')}</li>
          <li>{t('brief.counts', { interactions: brief.interactions.length, risks: brief.risks.length, opportunities: brief.opportunities.length })}</li>
        </ul>
      </Section>

      <Section id="goals" title={t('brief.goals')}>
        {brief.goals.length === 0 ? none : (
          <ul className="brief-goals">
            {brief.goals.map(({ goal, status, changesInRange }) => (
              <li key={goal.id}>
                <p>
                  <strong>{goal.title}</strong> <span className="muted">{t(`horizon.${goal.horizon}`)}</span>:{' '}
                  <span className={`status-${status.status}`}>{t(`goalStatus.${status.status}`)}</span>{' '}
                  <span className="muted">{t('goal.inStatusFor', { days: daysInStatus(goal, now) })}</span>
                </p>
                {goal.metric && (
                  <div className="metric">
                    <span>{t('brief.metricLine', { name: goal.metric.name, start: number(goal.metric.start), current: number(goal.metric.current), target: number(goal.metric.target), unit: goal.metric.unit })}</span>
                    <meter min={0} max={100} value={metricProgress(goal.metric)} aria-label={t('briefPage.progress', { percent: metricProgress(goal.metric) })} />
                    <span className="muted small">{t('briefPage.progress', { percent: metricProgress(goal.metric) })}</span>
                  </div>
                )}
                {changesInRange.length > 0 && (
                  <ul className="changes">
                    {changesInRange.map((c) => (
                      <li key={c.changedAt}>{t('brief.goalChange', { date: date(c.changedAt), status: t(`goalStatus.${c.status}`), reason: c.reason ? `: ${c.reason}` : '' })}</li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="usage" title={t('brief.usage')}>
        <p className="muted small">{t('health.sparkline', { days: usage?.values.length ?? 90 })}</p>
        <UsageChart chart={chart} peak={usage?.peak ?? 0} />
        {usage && (
          <ul>
            <li>{t('brief.usageWindow', { from: day(usage.from), to: day(usage.to), average: number(usage.average), peak: number(usage.peak) })}</li>
            <li>{t('brief.usageChange', { days: usage.compareDays, before: number(usage.firstAverage), after: number(usage.lastAverage), change: usage.changePercent === null ? '—' : signedPercent(usage.changePercent) })}</li>
            <li>{t('brief.usageAsOf', { date: day(usage.asOf) })}</li>
          </ul>
        )}
      </Section>

      <Section id="health" title={t('brief.health')}>
        <p>
          <strong>
            {health && health.score !== null && health.previousScore !== null
              ? t('brief.healthCompared', { score: health.score, trend: health.trendName, previous: health.previousScore, days: TREND_DAYS })
              : healthLine}
          </strong>
        </p>
        {health && health.components.length > 0 && (
          <table className="health-table">
            <thead>
              <tr>
                <th scope="col">{t('briefPage.component')}</th>
                <th scope="col" className="num">{t('briefPage.value')}</th>
                <th scope="col" className="num">{t('briefPage.weight')}</th>
                <th scope="col">{t('briefPage.why')}</th>
              </tr>
            </thead>
            <tbody>
              {health.components.map((c) => (
                <tr key={c.id} data-testid="brief-health-component" data-component={c.id}>
                  <th scope="row">{c.name}</th>
                  <td className="num">{c.value}/100</td>
                  <td className="num">{c.weight}%</td>
                  <td>
                    <ul>{c.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {health && health.missing.length > 0 && (
          <ul className="muted">
            {health.missing.map((m) => <li key={m}>{m}</li>)}
            {health.components.length > 0 && <li>{t('health.missing.shared')}</li>}
          </ul>
        )}
        {health && health.subscriptions.length > 0 && <ul>{health.subscriptions.map((s) => <li key={s}>{s}</li>)}</ul>}
      </Section>

      <Section id="blindSpots" title={t('brief.blindSpots')}>
        {!health || health.blindSpots.length === 0 ? none : (
          <ul>
            {health.blindSpots.map((b) => (
              <li key={b.text} className={`blind-spot ${b.kind}`}>
                <strong>{b.kindName}</strong>: {b.text}
                {b.evidence.length > 0 && <ul>{b.evidence.map((e) => <li key={e}>{e}</li>)}</ul>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="signals" title={t('brief.signals')}>
        <h3>{t('brief.risks')}</h3>
        {brief.risks.length === 0 ? none : <ul>{brief.risks.map(signalItem)}</ul>}
        <h3>{t('brief.opportunities')}</h3>
        {brief.opportunities.length === 0 ? none : <ul>{brief.opportunities.map(signalItem)}</ul>}
      </Section>

      <Section id="stakeholders" title={t('brief.stakeholders')}>
        {brief.stakeholders.length === 0 && brief.stakeholderChanges.length === 0 ? none : (
          <ul>
            {brief.stakeholders.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong>{s.title && `, ${s.title}`} <span className="muted">({t(`role.${s.role}`)}, {t(`influence.${s.influence}`)})</span>
              </li>
            ))}
            {brief.stakeholderChanges.map((c) => (
              <li key={`${c.stakeholder.id}-${c.change}`}>{t(c.change === 'joined' ? 'brief.joined' : 'brief.left', { name: c.stakeholder.name, role: t(`role.${c.stakeholder.role}`), date: day(c.on) })}</li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="interactions" title={t('brief.interactions')}>
        {brief.interactions.length === 0 ? none : (
          <ul className="brief-interactions">
            {brief.interactions.slice(0, limit).map((i) => (
              <li key={i.id} data-testid="brief-interaction">
                <div className="entry-head">
                  <span className="entry-type">{t(`interaction.${i.type}`)}</span>
                  {i.tone && <span className={`tone tone-${i.tone}`}>{t(`tone.${i.tone}`)}</span>}
                  {i.internalOnly && <span className="chip">{t('timeline.internalOnly')}</span>}
                  <time dateTime={i.occurredAt}>{dateTime(i.occurredAt)}</time>
                </div>
                {i.notes && <p className="entry-notes">{i.notes}</p>}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="nextSteps" title={t('brief.nextSteps')}>
        <h3>{t('brief.open')}</h3>
        {brief.openSteps.length === 0 ? none : <ul>{brief.openSteps.map(stepItem)}</ul>}
        <h3>{t('brief.completed')}</h3>
        {brief.completedSteps.length === 0 ? none : <ul>{brief.completedSteps.map(stepItem)}</ul>}
      </Section>

      <footer className="brief-footer muted small">
        {t('brief.generated', { date: dateTime(now.toISOString()), internal: t(includeInternal ? 'brief.internalIncluded' : 'brief.internalExcluded') })}
      </footer>
    </>
  );
}
