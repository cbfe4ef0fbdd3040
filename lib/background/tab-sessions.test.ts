import { describe, expect, it } from 'vitest';
import type { SidebarPush } from '../messaging/sidebar-push';
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

  it('drops a port whose frame is gone and still reaches the tab’s other sidebar', () => {
    const sessions = new TabSessions();
    let tried = 0;
    const gone: SidebarPort = {
      postMessage: () => {
        tried += 1;
        throw new Error('Attempting to use a disconnected port object');
      },
    };
    const live = recording();
    sessions.attach(1, gone);
    sessions.attach(1, live.port);
    expect(() => sessions.push(1, { type: 'usage.changed' })).not.toThrow();
    sessions.push(1, { type: 'account.changed', accountKey: 'salesforce:acme:001000000000001AAA' });
    expect(live.pushes).toEqual([{ type: 'usage.changed' }, { type: 'account.changed', accountKey: 'salesforce:acme:001000000000001AAA' }]);
    expect(tried).toBe(1);
  });
});
