import { describe, expect, it } from 'vitest';
import { Signal } from '../model/signal';
import type { TimelineEntry } from '../model/timeline';
import { signalsLoggedWith } from './logged-signals';
import { notYetLogged, type SuggestionGroup } from '../suggest/group';
import { ACCOUNT_KEY } from '@/tests/unit/factories';

const AT = '2026-11-30T09:00:00.000Z';
const signal = (id: string, kind: Signal['kind'], interactionId: string | null, stakeholderId: string | null = null, resolvedAt: string | null = null) =>
  Signal.parse({ id, accountKey: ACCOUNT_KEY, kind, polarity: 'risk', severity: 'medium', stakeholderId, occurredAt: AT, detectedAt: AT, detectedVia: 'call', interactionId, resolvedAt, createdAt: AT, updatedAt: AT });
const onTimeline = (s: Signal): TimelineEntry => ({ kind: 'signal', id: s.id, at: s.occurredAt, signal: s });
const group = (kind: SuggestionGroup['first']['kind'], stakeholder: { id: string | null; name: string } | null = null): SuggestionGroup => ({
  key: `${kind}|${stakeholder?.name ?? ''}`,
  first: { kind, polarity: 'risk', stakeholder, phrase: 'x', start: 0, end: 1, sentence: 'x', line: 1, cueTime: null },
  lines: [{ line: 1, cueTime: null }],
});

describe('signals logged with a touch', () => {
  it('are the open ones and those on the timeline linked to it, each once', () => {
    const open = signal('s1', 'roi-questioned', 'i1');
    const resolved = signal('s2', 'competitor-mentioned', 'i1', null, AT);
    const other = signal('s3', 'budget-change', 'i2');
    expect(signalsLoggedWith('i1', [open, other], [onTimeline(open), onTimeline(resolved), onTimeline(other)])).toEqual([
      { kind: 'roi-questioned', stakeholderId: null },
      { kind: 'competitor-mentioned', stakeholderId: null },
    ]);
    expect(signalsLoggedWith('i9', [open], [onTimeline(resolved)])).toEqual([]);
  });

  it('are not suggested again: same kind about the same person, or about nobody known', () => {
    const groups = [group('roi-questioned'), group('champion-left', { id: 'p1', name: 'Priya' }), group('champion-left', { id: 'p2', name: 'Ken' }), group('budget-change')];
    const logged = [{ kind: 'roi-questioned' as const, stakeholderId: null }, { kind: 'champion-left' as const, stakeholderId: 'p1' }];
    expect(notYetLogged(groups, logged).map((g) => g.key)).toEqual(['champion-left|Ken', 'budget-change|']);
    // A signal about nobody in particular covers every suggestion of its kind.
    expect(notYetLogged(groups, [{ kind: 'champion-left', stakeholderId: null }]).map((g) => g.key)).toEqual(['roi-questioned|', 'budget-change|']);
    expect(notYetLogged(groups, [])).toHaveLength(4);
  });

  it('tell a new name apart from a stakeholder, and the same new name however it is written', () => {
    const mark = group('new-stakeholder', { id: null, name: 'Mark Chen' });
    const dana = group('new-stakeholder', { id: null, name: 'Dana Whitfield' });
    const chosen = [{ kind: 'new-stakeholder' as const, stakeholderId: null, newStakeholderName: ' mark chen ' }];
    expect(notYetLogged([mark, dana], chosen).map((g) => g.key)).toEqual(['new-stakeholder|Dana Whitfield']);
    expect(notYetLogged([mark], [{ kind: 'new-stakeholder', stakeholderId: 'p1' }])).toEqual([mark]);
  });
});
