/** The running copy of the content script in a page, as kept in the extension's isolated world. */
export interface ScriptInstance {
  /** Is this copy still running, with its extension context? */
  alive(): boolean;
  /** Ends this copy: whatever was registered with `onStop` is undone. */
  stop(): void;
  onStop(cleanup: () => void): void;
}

/**
 * Makes this copy of the content script the one running in `world` (the content script's
 * `window`: the extension's isolated world, which the page's scripts can neither see nor write).
 * Returns undefined when a live copy already runs there: injected twice, it steps aside. A copy
 * whose extension context is gone (the extension was updated or reloaded) is ended first.
 *
 * Only `contextAlive` (the extension's `runtime.id`, which no page script can touch) and `stop`
 * end a copy: not WXT's ContentScriptContext, which invalidates itself on a
 * `…:wxt:content-script-started` event that any page script can dispatch.
 */
export function claimWorld(world: object, flag: string, contextAlive: () => boolean): ScriptInstance | undefined {
  const previous = Reflect.get(world, flag) as Partial<ScriptInstance> | undefined;
  if (typeof previous?.alive === 'function' && previous.alive()) return undefined;
  if (typeof previous?.stop === 'function') previous.stop();
  const cleanups: (() => void)[] = [];
  let stopped = false;
  const instance: ScriptInstance = {
    alive: () => !stopped && contextAlive(),
    stop() {
      if (stopped) return;
      stopped = true;
      for (const cleanup of cleanups.splice(0).reverse()) {
        try {
          cleanup();
        } catch {
          // The extension context is gone: its listeners went with it.
        }
      }
      if (Reflect.get(world, flag) === instance) Reflect.deleteProperty(world, flag);
    },
    onStop(cleanup) {
      if (stopped) cleanup();
      else cleanups.push(cleanup);
    },
  };
  Reflect.set(world, flag, instance);
  return instance;
}
