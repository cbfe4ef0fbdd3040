import { describe, expect, it } from 'vitest';
import { afterPageLoad, type LoadingPage } from './after-load';

/** A page as afterPageLoad sees it: its ready state, its `load` listeners, its task queue. */
function page(readyState: DocumentReadyState) {
  const loadListeners: (() => void)[] = [];
  const tasks: (() => void)[] = [];
  const win: LoadingPage = {
    document: { readyState },
    addEventListener: (_type, listener) => void loadListeners.push(listener),
    setTimeout: (task) => tasks.push(task),
  };
  return {
    win,
    load: () => loadListeners.splice(0).forEach((listener) => listener()),
    runTasks: () => tasks.splice(0).forEach((task) => task()),
  };
}

describe('afterPageLoad', () => {
  it('starts at once in a page that has loaded (injected later)', () => {
    const { win } = page('complete');
    let started = 0;
    afterPageLoad(win, () => started++);
    expect(started).toBe(1);
  });

  it('in a page still loading (the browser injects at document idle), starts in a task after `load`, not during it', () => {
    const p = page('interactive');
    let started = 0;
    afterPageLoad(p.win, () => started++);
    expect(started).toBe(0);
    p.load();
    expect(started).toBe(0);
    p.runTasks();
    expect(started).toBe(1);
  });
});
