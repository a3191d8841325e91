import { describe, expect, it } from 'vitest';
import { activeNavKey, NAVIGATION, visibleNavigation } from './navigation';

const keys = (permissions: string[], roles: string[] = []) =>
  visibleNavigation(NAVIGATION, permissions, roles).flatMap((section) =>
    section.items.filter((item) => !item.comingSoon).map((item) => item.key),
  );

describe('visibleNavigation', () => {
  it('shows only ungated screens to a user without permissions', () => {
    expect(keys([])).toEqual([
      'home',
      'notifications',
      'government',
      'agencies',
      'applications',
      'dataCenter',
      'interoperability',
      'oneData',
      'holidays',
    ]);
  });

  it('adds users and audit when the permissions are granted', () => {
    expect(keys(['user:read', 'audit:read'])).toEqual([
      'home',
      'notifications',
      'government',
      'agencies',
      'users',
      'applications',
      'dataCenter',
      'interoperability',
      'oneData',
      'audit',
      'holidays',
    ]);
  });

  it('shows Evaluasi SPBE to every signed-in user (the server scopes the evaluations)', () => {
    expect(keys(['evaluation:read'])).toContain('evaluation');
    expect(keys([])).not.toContain('evaluation');
  });

  it('shows the compliance view to holders of compliance:read (every signed-in user)', () => {
    expect(keys([])).not.toContain('compliance');
    expect(keys(['compliance:read'])).toContain('compliance');
  });

  it('shows the mail outbox to the Diskominfo admin only', () => {
    expect(keys([], ['agency_operator'])).not.toContain('outbox');
    expect(keys([], ['kominfo_admin'])).toContain('outbox');
  });

  it('drops a section whose items are all hidden, keeps coming-soon modules', () => {
    const sections = visibleNavigation(
      [
        ...NAVIGATION.map((section) =>
          section.key === 'governance'
            ? { ...section, items: section.items.filter((item) => item.key !== 'holidays') }
            : section,
        ),
        { key: 'upcoming', items: [{ key: 'serviceDesk', comingSoon: true }] },
      ],
      ['user:read'],
    );
    expect(sections.map((section) => section.key)).not.toContain('governance');
    const upcoming = sections.find((section) => section.key === 'upcoming');
    expect(upcoming?.items.map((item) => item.key)).toEqual(['serviceDesk']);
  });
});

describe('activeNavKey', () => {
  it('matches the home item only exactly', () => {
    expect(activeNavKey(NAVIGATION, '/')).toBe('home');
    expect(activeNavKey(NAVIGATION, '/account')).toBeNull();
  });

  it('matches detail pages to their list item', () => {
    expect(activeNavKey(NAVIGATION, '/organization/agencies/abc')).toBe('agencies');
    expect(activeNavKey(NAVIGATION, '/organization/users')).toBe('users');
    expect(activeNavKey(NAVIGATION, '/organization/usersx')).toBeNull();
    expect(activeNavKey(NAVIGATION, '/pusat-data/hosting/abc')).toBe('dataCenter');
    expect(activeNavKey(NAVIGATION, '/applications/abc')).toBe('applications');
    expect(activeNavKey(NAVIGATION, '/outbox')).toBe('outbox');
    expect(activeNavKey(NAVIGATION, '/holidays')).toBe('holidays');
    expect(activeNavKey(NAVIGATION, '/evaluation/abc')).toBe('evaluation');
    expect(activeNavKey(NAVIGATION, '/notifications')).toBe('notifications');
  });
});
