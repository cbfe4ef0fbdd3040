import { useEffect, useMemo, useRef, useState } from 'react';
import type { Stakeholder } from '@/lib/model/stakeholder';
import type { Matcher, SuggestSettings } from '@/lib/suggest/match';
import type { LineCache, NotesReading } from '@/lib/suggest/notes';

/** How long typing must pause before the notes are read: short, so suggestions follow within a moment. */
const PAUSE_MS = 30;
/** The longest the reader runs before giving the page back to typing. */
const SLICE_MS = 8;

export type SuggestionsReading = Omit<NotesReading, 'cache'>;
type Engine = typeof import('@/lib/suggest/engine');

/**
 * The suggestions for `notes`, read after a short pause in typing, in slices of a few
 * milliseconds (a pasted transcript of megabytes never holds up a keystroke), only changed lines
 * read again. Never changes anything itself: the quick log shows what it returns. The rules load
 * (a chunk of their own) the first time `enabled` is true, so the sidebar's first load does not
 * carry them.
 */
export function useSuggestions(enabled: boolean, notes: string, stakeholders: readonly Stakeholder[], settings: SuggestSettings): SuggestionsReading | null {
  const [engine, setEngine] = useState<Engine | null>(null);
  useEffect(() => {
    if (!enabled || engine) return;
    let live = true;
    // A failed load leaves the quick log as it was before suggestions: nothing to show.
    void import('@/lib/suggest/engine').then((loaded) => live && setEngine(loaded), () => undefined);
    return () => {
      live = false;
    };
  }, [enabled, engine]);

  const peopleKey = stakeholders.map((s) => `${s.id}\u0000${s.name}\u0000${s.role}`).join('\u0001');
  const settingsKey = JSON.stringify([settings.competitorNames, settings.ownPhrases]);
  // Compiled again only when the stakeholders or the CSM's phrases change, not on every render.
  const matcher = useMemo(() => engine?.makeMatcher(stakeholders, settings) ?? null, [engine, peopleKey, settingsKey]);
  const [reading, setReading] = useState<SuggestionsReading | null>(null);
  const cache = useRef<{ matcher: Matcher; lines: LineCache } | null>(null);

  useEffect(() => {
    if (!engine || !matcher) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const previous = cache.current?.matcher === matcher ? cache.current.lines : undefined;
    const steps = engine.readNotesStepwise(notes, matcher, previous);
    const slice = () => {
      const start = performance.now();
      for (;;) {
        if (stopped) return;
        const step = steps.next();
        if (step.done) {
          cache.current = { matcher, lines: step.value.cache };
          setReading({ suggestions: step.value.suggestions, tone: step.value.tone });
          return;
        }
        if (performance.now() - start > SLICE_MS) {
          timer = setTimeout(slice, 0);
          return;
        }
      }
    };
    timer = setTimeout(slice, PAUSE_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [engine, notes, matcher]);
  return reading;
}
