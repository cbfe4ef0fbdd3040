import { ALL_CRM_INTERFACES_ON, type CrmInterfaces } from '../model/settings';

/**
 * The CRM interface switches (CsmSettings.crmInterfaces), kept in memory: the background asks on
 * every CRM tab load and single-page navigation, and the settings live in IndexedDB. Read once per
 * worker, replaced when a request writes them. While the store cannot be read (an older version
 * blocks the upgrade) every interface counts as on and nothing is kept: the sidebar must still
 * come, if only to say why it cannot show the record.
 */
export class CrmInterfaceSwitches {
  private known: Promise<CrmInterfaces> | undefined;

  constructor(private readonly read: () => Promise<CrmInterfaces>) {}

  current(): Promise<CrmInterfaces> {
    this.known ??= this.read().catch(() => {
      this.known = undefined;
      return ALL_CRM_INTERFACES_ON;
    });
    return this.known;
  }

  /** What was just stored. */
  set(interfaces: CrmInterfaces): void {
    this.known = Promise.resolve(interfaces);
  }

  /** The stored settings were replaced wholesale (a backup restored): read again when next asked. */
  forget(): void {
    this.known = undefined;
  }
}
