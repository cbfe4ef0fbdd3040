/** Only web addresses become links: a stored URL is outside data and could be `javascript:` or `data:`. */
export function safeWebUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** scheme://host[:port]: what `URL.origin` gives for web addresses, spelled out because some URL implementations call every extension address's origin opaque ("null"). */
export function originOf(url: URL): string {
  return `${url.protocol}//${url.host}`;
}
