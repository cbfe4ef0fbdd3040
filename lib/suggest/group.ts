/**
 * The quick log's list of suggestions: the same suggestion from several lines shown once with
 * every line, and what makes two suggestions the same. Small and free of the rules, so the sidebar
 * bundle holds it while the rules load only when the quick log opens (./engine.ts).
 */
import type { Suggestion } from './notes';
import type { SignalKind } from '../model/signal';

/** Suggestions that say the same (kind, polarity, person, phrase), with every line they came from. */
export interface SuggestionGroup {
  key: string;
  first: Suggestion;
  lines: Array<{ line: number; cueTime: string | null }>;
}

export function groupSuggestions(suggestions: readonly Suggestion[]): SuggestionGroup[] {
  const groups = new Map<string, SuggestionGroup>();
  for (const s of suggestions) {
    const key = suggestionKey(s);
    const group = groups.get(key);
    if (group) group.lines.push({ line: s.line, cueTime: s.cueTime });
    else groups.set(key, { key, first: s, lines: [{ line: s.line, cueTime: s.cueTime }] });
  }
  return [...groups.values()];
}

/** What makes two suggestions the same one: a dismissed suggestion stays dismissed for its phrase. */
export function suggestionKey(s: Pick<Suggestion, 'kind' | 'polarity' | 'stakeholder' | 'phrase'>): string {
  return [s.kind, s.polarity, s.stakeholder?.name ?? '', s.phrase.toLowerCase().replace(/\s+/g, ' ')].join('|');
}

/** A signal already logged with a touch: its kind, and who it is about. */
export interface LoggedSignal {
  kind: SignalKind;
  stakeholderId: string | null;
}

/**
 * What an edited touch's notes still suggest: a suggestion is left out when a signal of its kind
 * is already logged with the touch about the same person, or when either names nobody known.
 */
export function notYetLogged(groups: readonly SuggestionGroup[], logged: readonly LoggedSignal[]): SuggestionGroup[] {
  return groups.filter(({ first }) => {
    const person = first.stakeholder?.id ?? null;
    return !logged.some((signal) => signal.kind === first.kind && (signal.stakeholderId === null || person === null || signal.stakeholderId === person));
  });
}
