import { describe, expect, it } from 'vitest';
import { PendingRequests } from './pending-requests';

/** A request's handling the test settles itself. */
function handling() {
  let answer!: (value: string) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<string>((resolve, reject) => ((answer = resolve), (fail = reject)));
  return { promise, answer, fail };
}

describe('PendingRequests', () => {
  it('settles once the requests received before are answered or failed, not those received after', async () => {
    const requests = new PendingRequests();
    const first = handling();
    const second = handling();
    expect(requests.track(first.promise)).toBe(first.promise);
    requests.track(second.promise);
    let settled = false;
    const waiting = requests.settled().then(() => (settled = true));
    const later = handling();
    requests.track(later.promise);
    first.answer('stored');
    await Promise.resolve();
    expect(settled).toBe(false);
    second.fail(new Error('refused'));
    await expect(second.promise).rejects.toThrow('refused');
    await waiting;
    expect(settled).toBe(true);
    // The later one is still under way; nothing before it is.
    let laterSettled = false;
    const afterLater = requests.settled().then(() => (laterSettled = true));
    await Promise.resolve();
    expect(laterSettled).toBe(false);
    later.answer('done');
    await afterLater;
  });

  it('settles at once with nothing under way', async () => {
    await new PendingRequests().settled();
  });
});
