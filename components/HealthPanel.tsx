import type { AccountHealth } from '@/lib/record/health';
import type { Reason } from '@/lib/health/model';
import { blindSpotKindKey, componentNameKey, missingKey, trendKey } from '@/lib/health/messages';
import type { Translator } from '@/lib/i18n';
import { useI18n } from './i18n';
import { Sparkline } from './Sparkline';

const TREND_ARROWS = { up: '↑', down: '↓', flat: '→', unknown: '' } as const;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A reason in the UI language; day parameters shown as dates of the locale. */
export function reasonText(reason: Reason, { t, day }: Translator): string {
  const params = Object.fromEntries(Object.entries(reason.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && ISO_DAY.test(v) ? day(v) : v]));
  return t(reason.key, params);
}

/** The health score, what drives it, what is missing, and the blind spots: shown with their evidence. */
export function HealthPanel({ health }: { health: AccountHealth | null | undefined }) {
  const i18n = useI18n();
  const { t, day } = i18n;
  if (health === undefined) return <p className="muted">{t('timeline.loading')}</p>;
  if (health === null || health.current.score === null) {
    return <p className="muted" data-testid="health-none">{t('health.score.none')}</p>;
  }
  const { current, trend } = health;
  const score = current.score ?? 0;
  const band = score >= 70 ? 'good' : score >= 45 ? 'fair' : 'poor';
  return (
    <div className="health" data-testid="health">
      <div className="health-head">
        <p className={`health-score health-${band}`} data-testid="health-score" data-score={score} data-trend={trend}>
          {t('health.score', { score })}{' '}
          <span className="trend" title={t(trendKey(trend))} aria-label={t(trendKey(trend))}>{TREND_ARROWS[trend]}</span>
        </p>
        {health.sparkline.some((v) => v > 0) && (
          <Sparkline values={health.sparkline} label={t('health.sparkline', { days: health.sparkline.length })} />
        )}
      </div>
      {current.blindSpots.length > 0 && (
        <div className="blind-spots" role="alert" data-testid="blind-spots">
          <strong>{t('health.blindSpots')}</strong>
          <ul>
            {current.blindSpots.map((spot) => (
              <li key={spot.key} data-testid="blind-spot" data-kind={spot.kind}>
                <span className={`chip blind-${spot.kind}`}>{t(blindSpotKindKey(spot.kind))}</span> {t(spot.key)}
                <ul className="evidence">
                  {spot.evidence.map((e, i) => <li key={i}>{reasonText(e, i18n)}</li>)}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="components" data-testid="health-components">
        {current.components.map((c) => (
          <li key={c.id} data-testid="health-component" data-component={c.id} data-value={c.value}>
            <span className="component-name">{t('health.component.value', { name: t(componentNameKey(c.id)), value: c.value, weight: Math.round(c.effectiveWeight) })}</span>
            <meter min={0} max={100} value={c.value} aria-label={t(componentNameKey(c.id))} />
            <ul className="reasons muted small">
              {c.reasons.map((r, i) => <li key={i}>{reasonText(r, i18n)}</li>)}
            </ul>
          </li>
        ))}
      </ul>
      {current.missing.length > 0 && (
        <div className="muted small" data-testid="health-missing">
          <ul>{current.missing.map((id) => <li key={id}>{t(missingKey(id))}</li>)}</ul>
          <p>{t('health.missing.shared')}</p>
        </div>
      )}
      {current.subscriptions.length > 0 && (
        <ul className="small" data-testid="health-subscriptions">
          {current.subscriptions.map((s) => (
            <li key={s.subscription}>{s.score === null ? t('health.subscription.none', { subscription: s.subscription }) : t('health.subscription', { subscription: s.subscription, score: s.score })}</li>
          ))}
        </ul>
      )}
      {health.usageAsOf && <p className="muted small" data-testid="usage-age">{t('health.usageAsOf', { date: day(health.usageAsOf) })}</p>}
    </div>
  );
}
