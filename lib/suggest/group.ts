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

/** A signal already logged with a touch (or chosen in the quick log): its kind, and who it is about. */
export interface LoggedSignal {
  kind: SignalKind;
  stakeholderId: string | null;
  /** A person named who is not a stakeholder yet (the quick log's), when `stakeholderId` is null. */
  newStakeholderName?: string;
}

/** Who a signal is about, comparable across known stakeholders and new names; null: nobody known. */
function personOf(stakeholderId: string | null, newName: string | undefined): string | null {
  if (stakeholderId !== null) return `id:${stakeholderId}`;
  const name = newName?.trim().toLowerCase();
  return name ? `new:${name}` : null;
}

/**
 * The suggestions a signal list does not hold yet: a suggestion is left out when a signal of its
 * kind is already there about the same person, or when either names nobody known. So two people
 * leaving are two signals, but one signal about nobody in particular covers its kind.
 */
export function notYetLogged(groups: readonly SuggestionGroup[], logged: readonly LoggedSignal[]): SuggestionGroup[] {
  return groups.filter(({ first }) => {
    const person = first.stakeholder ? personOf(first.stakeholder.id, first.stakeholder.name) : null;
    return !logged.some((signal) => {
      if (signal.kind !== first.kind) return false;
      const theirs = personOf(signal.stakeholderId, signal.newStakeholderName);
      return theirs === null || person === null || theirs === person;
    });
  });
}
