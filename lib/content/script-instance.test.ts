import { describe, expect, it, vi } from 'vitest';
import { claimWorld } from './script-instance';

describe('claimWorld', () => {
  it('one live copy per world: a second injection steps aside', () => {
    const world = {};
    const first = claimWorld(world, 'flag', () => true);
    expect(first?.alive()).toBe(true);
    expect(claimWorld(world, 'flag', () => true)).toBeUndefined();
    expect(Reflect.get(world, 'flag')).toBe(first);
  });

  it('a copy whose extension context is gone is ended by the next one', () => {
    const world = {};
    let oldContext = true;
    const old = claimWorld(world, 'flag', () => oldContext);
    const cleanup = vi.fn();
    old?.onStop(cleanup);
    oldContext = false;
    const next = claimWorld(world, 'flag', () => true);
    expect(next).toBeDefined();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(Reflect.get(world, 'flag')).toBe(next);
  });

  it('stop undoes everything registered, in reverse, once, even when a cleanup throws; then the world is free', () => {
    const world = {};
    const instance = claimWorld(world, 'flag', () => true);
    const order: string[] = [];
    instance?.onStop(() => order.push('first'));
    instance?.onStop(() => {
      throw new Error('listener of a gone context');
    });
    instance?.onStop(() => order.push('last'));
    instance?.stop();
    instance?.stop();
    expect(order).toEqual(['last', 'first']);
    expect(instance?.alive()).toBe(false);
    expect(Reflect.has(world, 'flag')).toBe(false);
    const late = vi.fn();
    instance?.onStop(late);
    expect(late).toHaveBeenCalledTimes(1);
    expect(claimWorld(world, 'flag', () => true)).toBeDefined();
  });

  it('a flag left by an older version of the script (not an instance) does not block', () => {
    const world = { flag: true };
    expect(claimWorld(world, 'flag', () => true)).toBeDefined();
  });
});
