import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver } from './draft-saver';

describe('DraftSaver', () => {
  afterEach(() => vi.useRealTimers());

  it('saves the latest value once typing pauses', async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const saver = new DraftSaver<string>(async (v) => void saved.push(v), 150);
    saver.schedule('h');
    saver.schedule('he');
    saver.schedule('hel');
    await vi.advanceTimersByTimeAsync(149);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(['hel']);
  });

  it('saves at once on flush, and nothing after cancel', async () => {
    vi.useFakeTimers();
    const saved: string[] = [];
    const saver = new DraftSaver<string>(async (v) => void saved.push(v), 150);
    saver.schedule('closing the tab mid-sen');
    await saver.flush();
    expect(saved).toEqual(['closing the tab mid-sen']);
    saver.schedule('saved already');
    saver.cancel();
    await vi.advanceTimersByTimeAsync(500);
    expect(saved).toHaveLength(1);
  });
});
