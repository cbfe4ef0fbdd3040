import { describe, expect, it } from 'vitest';
import { createDraftSaver, SMALL_DRAFT } from './draft-saver';

/** A background whose answers arrive when the test says so, recording what it was sent. */
function slowBackground() {
  const sent: string[] = [];
  const pending: (() => void)[] = [];
  return {
    sent,
    send: (draft: string) => {
      sent.push(draft);
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    answerAll: async () => {
      while (pending.length > 0) {
        pending.shift()?.();
        await Promise.resolve();
        await Promise.resolve();
        await Promise.resolve();
      }
    },
  };
}

const big = (suffix: string) => `${'x'.repeat(SMALL_DRAFT)}${suffix}`;

describe('draft saver', () => {
  it('sends every small change at once', () => {
    const bg = slowBackground();
    const saver = createDraftSaver({ send: bg.send, size: (d: string) => d.length, onError: () => undefined });
    saver.save('a');
    saver.save('ab');
    saver.save('abc');
    expect(bg.sent).toEqual(['a', 'ab', 'abc']);
  });

  it('coalesces large changes while one is being stored, and always ends on the last keystroke', async () => {
    const bg = slowBackground();
    const saver = createDraftSaver({ send: bg.send, size: (d: string) => d.length, onError: () => undefined });
    saver.save(big('1'));
    saver.save(big('12'));
    saver.save(big('123'));
    expect(bg.sent.map((d) => d.slice(SMALL_DRAFT))).toEqual(['1']);
    await bg.answerAll();
    await saver.settled();
    expect(bg.sent.map((d) => d.slice(SMALL_DRAFT))).toEqual(['1', '123']);
  });

  it('flushes a waiting draft at once (the tab is being closed) and drops it once the form is saved', async () => {
    const bg = slowBackground();
    const saver = createDraftSaver({ send: bg.send, size: (d: string) => d.length, onError: () => undefined });
    saver.save(big('1'));
    saver.save(big('12'));
    saver.flush();
    expect(bg.sent.map((d) => d.slice(SMALL_DRAFT))).toEqual(['1', '12']);
    saver.save(big('123'));
    saver.cancel();
    await bg.answerAll();
    await saver.settled();
    expect(bg.sent.map((d) => d.slice(SMALL_DRAFT))).toEqual(['1', '12']);
  });

  it('reports a failed send and carries on with the next draft', async () => {
    const errors: unknown[] = [];
    const sent: string[] = [];
    let fail = true;
    const saver = createDraftSaver({
      send: async (d: string) => {
        sent.push(d);
        if (fail) throw new Error('background gone');
      },
      size: (d: string) => d.length,
      onError: (e) => errors.push(e),
    });
    saver.save(big('1'));
    saver.save(big('2'));
    fail = false;
    await saver.settled();
    expect(errors).toHaveLength(1);
    expect(sent.map((d) => d.slice(SMALL_DRAFT))).toEqual(['1', '2']);
  });
});
