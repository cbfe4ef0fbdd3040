import type { Timeline as TimelineData } from '@/lib/messaging/protocol';
import { useI18n } from './i18n';

export const QUICK_LOG_SHORTCUT = 'Alt+Shift+L';

export function Timeline({ timeline }: { timeline: TimelineData }) {
  const { t, dateTime } = useI18n();
  return (
    <>
      {timeline.damaged > 0 && <p className="warning" role="status">{t('sidebar.damaged', { count: timeline.damaged })}</p>}
      {timeline.interactions.length === 0 ? (
        <p className="muted" data-testid="timeline-empty">{t('sidebar.timelineEmpty', { shortcut: QUICK_LOG_SHORTCUT })}</p>
      ) : (
        <ol className="timeline">
          {timeline.interactions.map((interaction) => (
            <li key={interaction.id} data-testid="timeline-entry" data-kind="interaction" data-id={interaction.id}>
              <div className="entry-head">
                <span className="entry-type">{t(`interaction.${interaction.type}`)}</span>
                {interaction.tone && <span className={`tone tone-${interaction.tone}`}>{t(`tone.${interaction.tone}`)}</span>}
                <time dateTime={interaction.occurredAt}>{dateTime(interaction.occurredAt)}</time>
              </div>
              {interaction.notes && <p className="entry-notes">{interaction.notes}</p>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
