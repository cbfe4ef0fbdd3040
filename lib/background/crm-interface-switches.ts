import type { StorageArea } from './kept-state';
import { ALL_CRM_INTERFACES_ON, CrmInterfaces } from '../model/crm-interfaces';

/**
 * Where the switches are copied for a worker that has just started (`storage.local`): a woken
 * worker decides a CRM tab's injection from it without opening IndexedDB first, which cost a cold
 * start about 70 ms. The settings in IndexedDB stay the record; the copy is made from them.
 */
export interface SwitchesCopy {
  get(): Promise<unknown>;
  set(interfaces: CrmInterfaces): Promise<void>;
  clear(): Promise<void>;
}

const COPY_KEY = 'crmInterfaces';

/** The copy in a storage area (`storage.local`: kept across worker and browser restarts). */
export function storageSwitchesCopy(area: StorageArea & { remove(key: string): Promise<void> }): SwitchesCopy {
  return {
    get: async () => (await area.get(COPY_KEY))[COPY_KEY],
    set: (interfaces) => area.set({ [COPY_KEY]: interfaces }),
    clear: () => area.remove(COPY_KEY),
  };
}

/**
 * The CRM interface switches (CsmSettings.crmInterfaces), kept in memory: the background asks on
 * every CRM tab load and single-page navigation, and the settings live in IndexedDB. Read once per
 * worker (from the copy when there is one), replaced when a request writes them. While the store
 * cannot be read (an older version blocks the upgrade) every interface counts as on and nothing is
 * kept: the sidebar must still come, if only to say why it cannot show the record.
 */
export class CrmInterfaceSwitches {
  private known: Promise<CrmInterfaces> | undefined;
  /** The last change to the copy: a read waits for it, so it never sees what was just replaced. */
  private copying: Promise<void> = Promise.resolve();

  constructor(
    private readonly read: () => Promise<CrmInterfaces>,
    private readonly copy?: SwitchesCopy,
  ) {}

  current(): Promise<CrmInterfaces> {
    this.known ??= this.readOnce().catch(() => {
      this.known = undefined;
      return ALL_CRM_INTERFACES_ON;
    });
    return this.known;
  }

  private async readOnce(): Promise<CrmInterfaces> {
    await this.copying;
    const copied = CrmInterfaces.safeParse(await this.copy?.get().catch(() => undefined));
    if (copied.success) return copied.data;
    const stored = await this.read();
    this.update(() => this.copy?.set(stored));
    return stored;
  }

  private update(change: () => Promise<void> | undefined): void {
    this.copying = this.copying.then(change).catch(() => undefined);
  }

  /** What was just stored. */
  set(interfaces: CrmInterfaces): void {
    this.known = Promise.resolve(interfaces);
    this.update(() => this.copy?.set(interfaces));
  }

  /** The stored settings were replaced wholesale (a backup restored): read again when next asked. */
  forget(): void {
    this.known = undefined;
    this.update(() => this.copy?.clear());
  }
}
