import type { SiteDefinition } from '../model/site-definition';

/**
 * The taught sites, kept in memory: the background asks on every tab load whether a tab's host has
 * one. Read once per worker, replaced when a request writes them; while the store cannot be read,
 * none (a taught site is never injected from a guess).
 */
export class SiteRegistry {
  private known: Promise<SiteDefinition[]> | undefined;

  constructor(private readonly read: () => Promise<SiteDefinition[]>) {}

  current(): Promise<SiteDefinition[]> {
    this.known ??= this.read().catch(() => {
      this.known = undefined;
      return [];
    });
    return this.known;
  }

  set(definitions: SiteDefinition[]): void {
    this.known = Promise.resolve(definitions);
  }

  forget(): void {
    this.known = undefined;
  }

  /** The definitions for a page's host (several kinds of record may be taught on one site). */
  async forUrl(url: string | undefined): Promise<SiteDefinition[]> {
    const host = hostOf(url);
    return host === null ? [] : (await this.current()).filter((d) => d.host === host);
  }
}

/** The host of an https page, else null (taught sites are https only). */
export function hostOf(url: string | undefined): string | null {
  if (url === undefined) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' ? parsed.hostname : null;
  } catch {
    return null;
  }
}
