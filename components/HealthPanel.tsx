import type { AccountHealth } from '@/lib/health/model';
import { healthView } from '@/lib/export/brief-health';
import { useI18n } from './i18n';
import { Sparkline } from './Sparkline';

const TREND_ARROWS = { up: '↑', down: '↓', flat: '→', unknown: '' } as const;

/** The health score, what drives it, what is missing, and the blind spots: shown with their evidence. */
export function HealthPanel({ health }: { health: AccountHealth | null | undefined }) {
  const i18n = useI18n();
  const { t, day } = i18n;
  if (health === undefined) return <p className="muted">{t('timeline.loading')}</p>;
  if (health === null || health.current.score === null) {
    return <p className="muted" data-testid="health-none">{t('health.score.none')}</p>;
  }
  // The same words as the QBR brief: one translation of the score for both.
  const view = healthView(health, i18n);
  const score = health.current.score;
  const band = score >= 70 ? 'good' : score >= 45 ? 'fair' : 'poor';
  return (
    <div className="health" data-testid="health">
      <div className="health-head">
        <p className={`health-score health-${band}`} data-testid="health-score" data-score={score} data-trend={view.trend}>
          {t('health.score', { score })}{' '}
          <span className="trend" title={view.trendName} aria-label={view.trendName}>{TREND_ARROWS[view.trend]}</span>
        </p>
        {health.sparkline.some((v) => v > 0) && (
          <Sparkline values={health.sparkline} label={t('health.sparkline', { days: health.sparkline.length })} />
        )}
      </div>
      {view.blindSpots.length > 0 && (
        <div className="blind-spots" role="alert" data-testid="blind-spots">
          <strong>{t('health.blindSpots')}</strong>
          <ul>
            {view.blindSpots.map((spot) => (
              <li key={spot.text} data-testid="blind-spot" data-kind={spot.kind}>
                <span className={`chip blind-${spot.kind}`}>{spot.kindName}</span> {spot.text}
                <ul className="evidence">
                  {spot.evidence.map((e, i) => <li key={i}>{e}</li>)}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      <ul className="components" data-testid="health-components">
        {view.components.map((c) => (
          <li key={c.id} data-testid="health-component" data-component={c.id} data-value={c.value}>
            <span className="component-name">{t('health.component.value', { name: c.name, value: c.value, weight: c.weight })}</span>
            <meter min={0} max={100} value={c.value} aria-label={c.name} />
            <ul className="reasons muted small">
              {c.reasons.map((r, i) => <li key={i}>{r}</li>)}
            </ul>
          </li>
        ))}
      </ul>
      {view.missing.length > 0 && (
        <div className="muted small" data-testid="health-missing">
          <ul>{view.missing.map((line) => <li key={line}>{line}</li>)}</ul>
          <p>{t('health.missing.shared')}</p>
        </div>
      )}
      {view.subscriptions.length > 0 && (
        <ul className="small" data-testid="health-subscriptions">
          {view.subscriptions.map((line) => <li key={line}>{line}</li>)}
        </ul>
      )}
      {health.usageAsOf && <p className="muted small" data-testid="usage-age">{t('health.usageAsOf', { date: day(health.usageAsOf) })}</p>}
    </div>
  );
}
