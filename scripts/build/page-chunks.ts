/** What a chunking pass knows of a module: who imports it statically (rolldown's ChunkingContext). */
interface ModuleGraph {
  getModuleInfo(moduleId: string): { importers: readonly string[] } | null;
}

/**
 * Names the chunk of a module shared by two or more extension pages: `ui` when the sidebar's page
 * imports it (React, zod, the model, the i18n), else none, and the bundler splits it as usual among
 * the other pages. A browser runs the top level of every module in a chunk it loads: one chunk of
 * all shared code made the sidebar build schemas it never uses at start (the request protocol's,
 * which it now loads on its first request). `isSidebarEntry` tells the sidebar page's entry
 * module apart (entrypoints/sidebar/).
 */
export function sharedChunkName(isSidebarEntry: (moduleId: string) => boolean) {
  return (moduleId: string, graph: ModuleGraph): string | null => {
    // Walked up its static importers (cycles included) until the sidebar's entry, or not.
    const stack = [moduleId];
    const seen = new Set<string>();
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (isSidebarEntry(id)) return 'ui';
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(graph.getModuleInfo(id)?.importers ?? []));
    }
    return null;
  };
}
