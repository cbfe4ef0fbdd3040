import { describe, expect, it } from 'vitest';
import { sharedChunkName } from '../../scripts/build/page-chunks';

/** A module graph as a chunking pass sees it: each module's static importers. */
function graph(importers: Record<string, string[]>) {
  return { getModuleInfo: (id: string) => (id in importers ? { importers: importers[id] ?? [] } : null) };
}

describe('sharedChunkName', () => {
  const isSidebar = (id: string) => id.startsWith('/entrypoints/sidebar/');
  const modules = graph({
    '/entrypoints/sidebar/main.tsx': [],
    '/entrypoints/options/main.tsx': [],
    '/components/Sidebar.tsx': ['/entrypoints/sidebar/main.tsx'],
    '/components/Goals.tsx': ['/components/Sidebar.tsx'],
    '/lib/parse-number.ts': ['/components/Goals.tsx', '/lib/usage/mapping.ts'],
    '/lib/usage/mapping.ts': ['/entrypoints/options/main.tsx', '/lib/messaging/protocol.ts'],
    // Reached from the sidebar only through a dynamic import: not among its importers.
    '/lib/messaging/protocol.ts': [],
    // A cycle the walk must get out of.
    '/lib/a.ts': ['/lib/b.ts'],
    '/lib/b.ts': ['/lib/a.ts', '/entrypoints/options/main.tsx'],
  });

  it('puts what the sidebar imports, however deep, in the ui chunk', () => {
    const name = sharedChunkName(isSidebar);
    expect(name('/lib/parse-number.ts', modules)).toBe('ui');
    expect(name('/components/Goals.tsx', modules)).toBe('ui');
  });

  it('leaves the rest to the other pages’ chunks, cycles included', () => {
    const name = sharedChunkName(isSidebar);
    expect(name('/lib/usage/mapping.ts', modules)).toBeNull();
    expect(name('/lib/messaging/protocol.ts', modules)).toBeNull();
    expect(name('/lib/a.ts', modules)).toBeNull();
  });
});
