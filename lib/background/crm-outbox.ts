import type { IDBPDatabase } from 'idb';
import type { AdoptionDb } from '../db/schema';
import { getSettings } from '../store/settings';
import { Interaction } from '../model/interaction';
import { parseStored } from '../db/records';
import { drainDue, forgetUnwritten, queueWrite, type WriteContext } from '../crm-write/outbox';
import { writableCrmOf } from '../model/crm-write';
import { nextDue, retryWrites } from '../crm-write/store';

/** How long after a save its write starts: the sidebar has shown the save and reloaded by then. */
const KICK_AFTER_SAVE_MS = 300;

export interface CrmOutboxOptions extends WriteContext {
  /** KICK_AFTER_SAVE_MS unless set. */
  settleMs?: number;
  /** Wakes the worker for the next retry (an alarm; null: none waits). */
  schedule: (at: Date | null) => Promise<void>;
  /** A touch of the account changed state: its sidebars show it. */
  changed: (accountKey: string) => void;
}

/**
 * The background's outbox of touches written to the CRM, one per background instance. A save
 * queues its touch and returns at once; the write happens after, off the quick log's path.
 */
export class CrmOutbox {
  private draining: Promise<void> | null = null;
  private again = false;
  /** Saves being queued, and the drain set to start a moment after the last one. */
  private readonly queueing = new Set<Promise<void>>();
  private soon: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly db: () => Promise<IDBPDatabase<AdoptionDb>>,
    private readonly options: CrmOutboxOptions,
  ) {}

  /**
   * Touches just saved (new or edited): queued when logging to their account's CRM is on, then
   * written a moment later. Callers do not wait for it: the queue is stored beside the save's
   * answer, not before it (the worker lives on for 30 s after any event). Never rejects: a queue
   * that could not be stored leaves the touch saved, unwritten, like one saved while logging was off.
   */
  saved(interactionIds: readonly string[]): Promise<void> {
    const queueing = this.queue(interactionIds).catch(() => undefined);
    this.queueing.add(queueing);
    void queueing.finally(() => this.queueing.delete(queueing));
    return queueing;
  }

  private async queue(interactionIds: readonly string[]): Promise<void> {
    if (interactionIds.length === 0) return;
    const db = await this.db();
    const switches = (await getSettings(db)).crmWrites;
    // Logging to every CRM is off (the default): nothing to read back.
    if (!Object.values(switches).some((on) => on)) return;
    let queued = false;
    for (const id of interactionIds) {
      const raw: unknown = await db.get('interactions', id);
      if (raw === undefined) continue;
      const interaction = parseStored(Interaction, raw, `interaction ${id}`);
      const crm = writableCrmOf(interaction.accountKey);
      if (!crm || !switches[crm]) continue;
      // Internal-only touches are never queued: nothing of them leaves the browser.
      if (interaction.internalOnly && (await db.get('crmWrites', id)) === undefined) continue;
      await queueWrite(db, interaction, crm, this.options.now());
      queued = true;
    }
    // A moment later, so the save's answer and the sidebar's reload go first.
    if (queued) this.kickSoon();
  }

  /** Drains after the sidebar's reload following a save (several saves in a row drain once). */
  private kickSoon(): void {
    if (this.soon !== null) clearTimeout(this.soon);
    this.soon = setTimeout(() => {
      this.soon = null;
      void this.kick();
    }, this.options.settleMs ?? KICK_AFTER_SAVE_MS);
  }

  /** A touch deleted here: a write not made yet is dropped. */
  async deleted(interactionId: string): Promise<void> {
    await forgetUnwritten(await this.db(), interactionId);
  }

  /** The CSM asked to retry (one touch, or every waiting and failed one): written now. */
  async retry(interactionId?: string): Promise<void> {
    await retryWrites(await this.db(), this.options.now(), interactionId);
    void this.kick();
  }

  /** Writes what is due now (a save, an alarm, a retry); a kick while draining drains again after. */
  kick(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      try {
        // Should the worker be stopped mid-way, this wakes it to finish; replaced once done.
        await this.options.schedule(new Date(this.options.now().getTime() + 60_000));
        do {
          this.again = false;
          const db = await this.db();
          const changed = await drainDue(db, this.options);
          for (const accountKey of changed) this.options.changed(accountKey);
        } while (this.again);
        const due = await nextDue(await this.db());
        await this.options.schedule(due === null ? null : new Date(due));
      } catch {
        // The store could not be read: the next save, alarm or retry drains again.
      } finally {
        this.draining = null;
      }
    })();
    return this.draining;
  }

  /** Resolves once nothing is queued to start or being written (tests). */
  async idle(): Promise<void> {
    while (this.queueing.size > 0 || this.soon !== null || this.draining) {
      await Promise.allSettled([...this.queueing]);
      if (this.soon !== null) {
        clearTimeout(this.soon);
        this.soon = null;
        void this.kick();
      }
      await this.draining;
    }
  }
}
