/**
 * A fetch that sends requests for the given `https://` hosts to local origins (`{ 'acme.my.salesforce.com': 'http://127.0.0.1:1234' }`),
 * keeping the path, method, headers and body; the real host name goes along as `X-Forwarded-Host`.
 *
 * `cookies(host)`: the `Cookie` header a browser would send to that host. Node's fetch keeps no
 * cookie jar, so it is added here, and only when the request asks for credentials
 * (`credentials: 'include'`), as a browser would.
 */
export function routedFetch(routes, { cookies } = {}) {
  return (url, init = {}) => {
    const parsed = new URL(url);
    const origin = routes[parsed.hostname];
    if (!origin || parsed.protocol !== 'https:') return Promise.reject(new TypeError(`fetch failed: no route to ${parsed.origin}`));
    const headers = new Headers(init.headers);
    headers.set('X-Forwarded-Host', parsed.hostname);
    const cookie = init.credentials === 'include' ? cookies?.(parsed.hostname) : null;
    if (cookie) headers.set('Cookie', cookie);
    return fetch(`${origin}${parsed.pathname}${parsed.search}`, { ...init, headers });
  };
}
