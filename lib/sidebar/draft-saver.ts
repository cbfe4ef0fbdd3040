/**
 * Saves what is typed shortly after each keystroke, and at once when the page is hidden or
 * closed, so closing the tab mid-sentence loses nothing.
 */
export class DraftSaver<T> {
  private pending: T | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly save: (value: T) => Promise<unknown>,
    private readonly delayMs = 150,
  ) {}

  schedule(value: T): void {
    this.pending = value;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.delayMs);
  }

  /** Saves what is pending now; resolves when the save has been handed over. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    const value = this.pending;
    this.pending = undefined;
    if (value !== undefined) await this.save(value);
  }

  /** Forgets what is pending (the form was saved or discarded). */
  cancel(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
  }
}
