import { describe, expect, it } from 'vitest';
import type { SidebarPush } from '../messaging/protocol';
import { TabSessions, type SidebarPort } from './tab-sessions';

const recording = () => {
  const pushes: SidebarPush[] = [];
  const port: SidebarPort = { postMessage: (m) => pushes.push(m) };
  return { port, pushes };
};

describe('TabSessions', () => {
  it('keeps a quick-log request made before the tab’s sidebar listens, and gives it once it does', () => {
    const sessions = new TabSessions();
    sessions.push(1, { type: 'quickLog.open' });
    // Other pushes to a tab nobody listens to are simply not sent.
    sessions.push(1, { type: 'usage.changed' });
    const first = recording();
    sessions.attach(1, first.port);
    expect(first.pushes).toEqual([{ type: 'quickLog.open' }]);
    // Given once: a sidebar connecting again later does not open it again.
    const second = recording();
    sessions.attach(1, second.port);
    expect(second.pushes).toEqual([]);
    // A closed tab's request is forgotten.
    sessions.push(2, { type: 'quickLog.open' });
    sessions.forgetTab(2);
    const third = recording();
    sessions.attach(2, third.port);
    expect(third.pushes).toEqual([]);
  });
});
