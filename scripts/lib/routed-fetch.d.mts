export function routedFetch(
  routes: Record<string, string>,
  options?: { cookies?: (host: string) => string | null | undefined },
): (url: string, init?: RequestInit) => Promise<Response>;
