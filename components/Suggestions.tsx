import { useRef, type KeyboardEvent } from 'react';
import type { Tone } from '@/lib/model/interaction';
import type { ToneSuggestion } from '@/lib/suggest/notes';
import type { SuggestionGroup } from '@/lib/suggest/group';
import { excerptAround } from '@/lib/suggest/excerpt';
import { useI18n } from './i18n';

/** At most this many suggestions are shown at once (a long transcript can hold hundreds). */
const SHOWN = 50;

interface Props {
  groups: readonly SuggestionGroup[];
  tone: ToneSuggestion | null;
  onAccept: (group: SuggestionGroup) => void;
  onDismiss: (group: SuggestionGroup) => void;
  onAcceptTone: (tone: Tone) => void;
  onDismissTone: (tone: Tone) => void;
  /** Where focus goes when the last suggestion is gone (the notes). */
  onEmptied: () => void;
}

/**
 * What the notes suggest, for the CSM to take or leave: each signal with the phrase that
 * suggested it highlighted (as text), who it is about and its lines. Keys on a suggestion:
 * Enter (or A) adds it, Delete or Backspace (or D) dismisses it, ↑ ↓ move between them.
 */
export function Suggestions({ groups, tone, onAccept, onDismiss, onAcceptTone, onDismissTone, onEmptied }: Props) {
  const { t, number } = useI18n();
  const list = useRef<HTMLUListElement>(null);
  if (groups.length === 0 && !tone) return null;
  const shown = groups.slice(0, SHOWN);

  const focusAt = (index: number) => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[data-testid="quick-log-suggestion-accept"]');
    const target = buttons?.[Math.max(0, Math.min(index, buttons.length - 1))];
    if (target) target.focus();
    else onEmptied();
  };
  // After a suggestion goes, focus stays where it was in the list (the next one moves up).
  const afterRemoving = (index: number) => requestAnimationFrame(() => focusAt(index));

  const onKey = (event: KeyboardEvent, group: SuggestionGroup, index: number) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'enter' || key === 'a') {
      event.preventDefault();
      onAccept(group);
      afterRemoving(index);
    } else if (key === 'delete' || key === 'backspace' || key === 'd') {
      event.preventDefault();
      onDismiss(group);
      afterRemoving(index);
    } else if (key === 'arrowdown' || key === 'arrowup') {
      event.preventDefault();
      focusAt(index + (key === 'arrowdown' ? 1 : -1));
    }
  };

  return (
    <section className="suggestions" data-testid="quick-log-suggestions" aria-label={t('suggest.title')}>
      {tone && (
        <div className="tone-suggestion" data-testid="quick-log-tone-suggestion" data-tone={tone.tone}>
          <span>{t('suggest.tone', { tone: t(`tone.${tone.tone}`) })}</span>
          {tone.words.length > 0 && <span className="muted small"> {t('suggest.toneWords', { words: tone.words.join(', ') })}</span>}
          <button type="button" className="link" data-testid="quick-log-tone-accept" onClick={() => onAcceptTone(tone.tone)}>{t('suggest.toneUse')}</button>
          <button type="button" className="link" aria-label={t('suggest.dismissTone')} onClick={() => onDismissTone(tone.tone)}>×</button>
        </div>
      )}
      {shown.length > 0 && (
        <>
          <p className="muted small">{t('suggest.help')}</p>
          <ul ref={list} className="suggestion-list">
            {shown.map((group, index) => {
              const s = group.first;
              const excerpt = excerptAround(s.sentence, s.phrase);
              const kind = t(`signalKind.${s.kind}`);
              const lines = group.lines.map((l) => (l.cueTime ? `${number(l.line)} (${l.cueTime.replace(/\.\d+$/, '')})` : number(l.line)));
              return (
                <li
                  key={group.key}
                  className={`suggestion ${s.polarity}`}
                  data-testid="quick-log-suggestion"
                  data-kind={s.kind}
                  data-polarity={s.polarity}
                  data-stakeholder={s.stakeholder?.name}
                  data-line={s.line}
                  onKeyDown={(e) => onKey(e, group, index)}
                >
                  <div className="suggestion-head">
                    <button type="button" className="chip-toggle" data-testid="quick-log-suggestion-accept" aria-label={t('suggest.acceptLabel', { kind })} onClick={() => { onAccept(group); afterRemoving(index); }}>
                      + {kind}
                    </button>
                    {s.stakeholder && <span className="chip">{s.stakeholder.name}</span>}
                    <span className="muted small">{t(lines.length > 1 ? 'suggest.lines' : 'suggest.line', { lines: lines.slice(0, 5).join(', ') + (lines.length > 5 ? '…' : '') })}</span>
                    <button type="button" className="link" data-testid="quick-log-suggestion-dismiss" aria-label={t('suggest.dismissLabel', { kind })} onClick={() => { onDismiss(group); afterRemoving(index); }}>×</button>
                  </div>
                  <q className="suggestion-text">
                    {excerpt.before}
                    <mark>{excerpt.phrase}</mark>
                    {excerpt.after}
                  </q>
                </li>
              );
            })}
          </ul>
          {groups.length > SHOWN && <p className="muted small">{t('suggest.more', { count: number(groups.length - SHOWN) })}</p>}
        </>
      )}
    </section>
  );
}
