import { describe, expect, it } from 'vitest';
import { openSidebarConnection, type SidebarConnection } from './connection';

describe('openSidebarConnection', () => {
  it('connects at once and hands what arrived before the view listened over in order, then the rest as it comes', () => {
    let source: SidebarConnection | undefined;
    const opened = openSidebarConnection((handlers) => {
      source = handlers;
      return () => undefined;
    });
    expect(source).toBeDefined();
    source!.onPush({ type: 'view', view: null });
    source!.onInvalid('bad push');

    const seen: string[] = [];
    const listener: SidebarConnection = {
      onPush: (push) => seen.push(`push ${push.type}`),
      onInvalid: (detail) => seen.push(`invalid ${detail}`),
      onRefused: () => seen.push('refused'),
    };
    const stop = opened.listen(listener);
    expect(seen).toEqual(['push view', 'invalid bad push']);
    source!.onPush({ type: 'quickLog.open' });
    expect(seen).toEqual(['push view', 'invalid bad push', 'push quickLog.open']);

    // Unmounted (and mounted again): held meanwhile, nothing lost.
    stop();
    source!.onRefused();
    expect(seen).toHaveLength(3);
    opened.listen(listener);
    expect(seen.at(-1)).toBe('refused');
  });
});
