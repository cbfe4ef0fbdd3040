/**
 * The requests the worker is handling. What a tab's closing undoes (the sidebar frame it made, the
 * accounts it showed) waits for the requests received before it: a keystroke sent just before
 * the tab closed may reach a worker that is still starting, and must be checked against what the
 * tab was, not refused because the tab has gone meanwhile.
 */
export class PendingRequests {
  private readonly pending = new Set<Promise<void>>();

  /** Tracks the handling of a request until it settles; returns it unchanged. */
  track<T>(handling: Promise<T>): Promise<T> {
    const settled = handling.then(
      () => undefined,
      () => undefined,
    );
    this.pending.add(settled);
    void settled.then(() => this.pending.delete(settled));
    return handling;
  }

  /** Resolves once every request received so far has been answered or has failed. */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
