/** What a chunking pass knows of a module: who imports it statically (rolldown's ChunkingContext). */
interface ModuleGraph {
  getModuleInfo(moduleId: string): { importers: readonly string[] } | null;
}

/**
 * Picks, among the code shared by two or more extension pages, what the sidebar's page imports
 * (React, zod, the model, the i18n): the `ui` chunk, captured first (with everything it imports).
 * The rest of the shared code (the protocol's schemas of backups, handovers and usage imports,
 * which the sidebar loads on its first request) goes to a second chunk. One shared chunk made the
 * sidebar's document evaluate the top level of every shared module.
 * `isSidebarEntry` tells the sidebar page's entry module apart (entrypoints/sidebar/).
 */
export function sharedChunkName(isSidebarEntry: (moduleId: string) => boolean) {
  // One answer per module per chunking pass: the same config bundles other graphs too (the
  // worker, the scripts), where the sidebar reaches nothing.
  const passes = new WeakMap<ModuleGraph, Map<string, boolean>>();
  /** Whether the sidebar's entry reaches the module through static imports (walked up its importers). */
  const reachedFromSidebar = (moduleId: string, graph: ModuleGraph, known: Map<string, boolean>): boolean => {
    const stack = [moduleId];
    const seen = new Set<string>();
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      if (seen.has(id)) continue;
      seen.add(id);
      const cached = known.get(id);
      if (cached === true || isSidebarEntry(id)) return true;
      if (cached === false) continue;
      stack.push(...(graph.getModuleInfo(id)?.importers ?? []));
    }
    return false;
  };
  return (moduleId: string, graph: ModuleGraph): string | null => {
    let known = passes.get(graph);
    if (!known) passes.set(graph, (known = new Map()));
    const reached = reachedFromSidebar(moduleId, graph, known);
    known.set(moduleId, reached);
    return reached ? 'ui' : null;
  };
}
