import type { ToneReading } from '@/lib/model/overview';
import { staleToneDays, toneTrend } from '@/lib/insights/tone';
import { useI18n } from './i18n';

export function ToneTrend({ recentTones, staleAfterDays }: { recentTones: ToneReading[]; staleAfterDays: number }) {
  const { t, date } = useI18n();
  if (recentTones.length === 0) return <p className="muted" data-testid="tone-none">{t('tone.none')}</p>;
  const trend = toneTrend(recentTones);
  const stale = staleToneDays(recentTones, new Date(), staleAfterDays);
  return (
    <div className="tone-trend" data-testid="tone-trend" data-trend={trend ?? 'none'}>
      <ol className="tone-dots">
        {[...recentTones].slice(0, 6).reverse().map((r) => (
          <li key={r.interactionId} className={`tone tone-${r.tone}`} title={date(r.at)}>{t(`tone.${r.tone}`)}</li>
        ))}
      </ol>
      {trend && <p className={`trend trend-${trend}`}>{t(`tone.trend.${trend}`)}</p>}
      {stale !== null && <p className="warning" role="status" data-testid="tone-stale">{t('tone.stale', { days: stale })}</p>}
    </div>
  );
}
