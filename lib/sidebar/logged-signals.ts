import type { Signal } from '../model/signal';
import type { TimelineEntry } from '../model/timeline';
import type { LoggedSignal } from '../suggest/group';

/**
 * The signals logged with a touch, as the sidebar knows them: the account's open signals (all of
 * them, from its overview) and those on the timeline's pages read so far (resolved ones too).
 */
export function signalsLoggedWith(interactionId: string, openSignals: readonly Signal[], entries: readonly TimelineEntry[]): LoggedSignal[] {
  const byId = new Map<string, Signal>();
  for (const signal of openSignals) byId.set(signal.id, signal);
  for (const entry of entries) if (entry.kind === 'signal') byId.set(entry.signal.id, entry.signal);
  return [...byId.values()].filter((s) => s.interactionId === interactionId).map((s) => ({ kind: s.kind, stakeholderId: s.stakeholderId }));
}
