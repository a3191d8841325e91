const BASE = '/console';

/**
 * The router path of a notification's link. Links are console paths (`/console/applications/…`);
 * the router works below its `/console` base. Anything else (another site, a relative path) is not
 * followed.
 */
export function consoleHref(link: string | null | undefined): string | null {
  if (!link?.startsWith('/') || link.startsWith('//')) return null;
  if (link === BASE) return '/';
  if (link.startsWith(`${BASE}/`)) return link.slice(BASE.length);
  if (link.startsWith(`${BASE}?`) || link.startsWith(`${BASE}#`))
    return `/${link.slice(BASE.length)}`;
  return null;
}
