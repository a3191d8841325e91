import { hasPermission, type Permission } from '../auth/permissions';

export type ConsolePath =
  | '/'
  | '/notifications'
  | '/outbox'
  | '/organization/profile'
  | '/organization/agencies'
  | '/organization/users'
  | '/applications'
  | '/pusat-data'
  | '/pusat-data/hosting'
  | '/pusat-data/devices'
  | '/pusat-data/authorities'
  | '/pusat-data/activities'
  | '/pusat-data/backups'
  | '/data'
  | '/evaluation'
  | '/compliance'
  | '/compliance/obligations'
  | '/compliance/agency'
  | '/compliance/profiles'
  | '/compliance/history'
  | '/interop'
  | '/interop/apis'
  | '/interop/subscriptions'
  | '/interop/credentials'
  | '/interop/usage'
  | '/audit'
  | '/holidays';

export interface NavItem {
  /** Also the i18n key under `nav.` and the key of the icon. */
  key: string;
  to?: ConsolePath;
  permission?: Permission;
  /** Shown only to holders of one of these roles (for screens no permission names yet). */
  roles?: readonly string[];
  /** Module not built yet: shown disabled with a "coming soon" badge. */
  comingSoon?: boolean;
}

export interface NavSection {
  /** i18n key under `nav.sections.`; sections without a key render their items ungrouped. */
  key?: string;
  items: NavItem[];
}

export const NAVIGATION: NavSection[] = [
  {
    items: [
      { key: 'home', to: '/' },
      { key: 'notifications', to: '/notifications' },
    ],
  },
  {
    key: 'organization',
    items: [
      { key: 'government', to: '/organization/profile' },
      { key: 'agencies', to: '/organization/agencies' },
      { key: 'users', to: '/organization/users', permission: 'user:read' },
    ],
  },
  {
    // Shown to every signed-in user: the server scopes the records to the user's agencies.
    key: 'services',
    items: [
      { key: 'applications', to: '/applications' },
      { key: 'dataCenter', to: '/pusat-data' },
      { key: 'interoperability', to: '/interop' },
      { key: 'oneData', to: '/data' },
    ],
  },
  {
    key: 'governance',
    items: [
      { key: 'evaluation', to: '/evaluation', permission: 'evaluation:read' },
      // Every signed-in user: the server narrows it to the duties of the user's own agencies.
      { key: 'compliance', to: '/compliance', permission: 'compliance:read' },
      { key: 'audit', to: '/audit', permission: 'audit:read' },
      // Read by everyone (SLA deadlines depend on them); changed by the Diskominfo admin.
      { key: 'holidays', to: '/holidays' },
      { key: 'outbox', to: '/outbox', roles: ['kominfo_admin'] },
    ],
  },
];

function mayOpen(item: NavItem, permissions: readonly string[], roles: readonly string[]) {
  if (item.comingSoon) return true;
  if (item.roles && !item.roles.some((role) => roles.includes(role))) return false;
  return hasPermission(permissions, item.permission);
}

/** Items the user may open (coming-soon items are always listed); empty sections are dropped. */
export function visibleNavigation(
  sections: readonly NavSection[],
  permissions: readonly string[],
  roles: readonly string[] = [],
): NavSection[] {
  return sections
    .map((section) => ({
      ...section,
      items: section.items.filter((item) => mayOpen(item, permissions, roles)),
    }))
    .filter((section) => section.items.length > 0);
}

/** The nav item that owns a pathname: exact for `/`, otherwise the longest matching prefix. */
export function activeNavKey(sections: readonly NavSection[], pathname: string): string | null {
  let best: NavItem | null = null;
  for (const item of sections.flatMap((section) => section.items)) {
    if (!item.to) continue;
    const matches =
      item.to === '/'
        ? pathname === '/'
        : pathname === item.to || pathname.startsWith(`${item.to}/`);
    if (matches && (!best?.to || item.to.length > best.to.length)) best = item;
  }
  return best?.key ?? null;
}
