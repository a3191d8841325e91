import { hasPermission, type Permission } from '../auth/permissions';

export type ConsolePath =
  | '/'
  | '/organization/profile'
  | '/organization/agencies'
  | '/organization/users'
  | '/audit';

export interface NavItem {
  /** Also the i18n key under `nav.` and the key of the icon. */
  key: string;
  to?: ConsolePath;
  permission?: Permission;
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
    items: [{ key: 'home', to: '/' }],
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
    key: 'governance',
    items: [{ key: 'audit', to: '/audit', permission: 'audit:read' }],
  },
  {
    key: 'upcoming',
    items: [
      { key: 'applications', comingSoon: true },
      { key: 'dataCenter', comingSoon: true },
      { key: 'interoperability', comingSoon: true },
      { key: 'oneData', comingSoon: true },
      { key: 'evaluation', comingSoon: true },
      { key: 'compliance', comingSoon: true },
    ],
  },
];

/** Items the user may open (coming-soon items are always listed); empty sections are dropped. */
export function visibleNavigation(
  sections: readonly NavSection[],
  permissions: readonly string[],
): NavSection[] {
  return sections
    .map((section) => ({
      ...section,
      items: section.items.filter(
        (item) => item.comingSoon || hasPermission(permissions, item.permission),
      ),
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
