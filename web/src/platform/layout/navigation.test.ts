import { describe, expect, it } from 'vitest';
import { activeNavKey, NAVIGATION, visibleNavigation } from './navigation';

const keys = (permissions: string[]) =>
  visibleNavigation(NAVIGATION, permissions).flatMap((section) =>
    section.items.filter((item) => !item.comingSoon).map((item) => item.key),
  );

describe('visibleNavigation', () => {
  it('shows only ungated screens to a user without permissions', () => {
    expect(keys([])).toEqual(['home', 'government', 'agencies']);
  });

  it('adds users and audit when the permissions are granted', () => {
    expect(keys(['user:read', 'audit:read'])).toEqual([
      'home',
      'government',
      'agencies',
      'users',
      'audit',
    ]);
  });

  it('drops a section whose items are all hidden, keeps coming-soon modules', () => {
    const sections = visibleNavigation(NAVIGATION, ['user:read']);
    expect(sections.map((section) => section.key)).not.toContain('governance');
    const upcoming = sections.find((section) => section.key === 'upcoming');
    expect(upcoming?.items.every((item) => item.comingSoon)).toBe(true);
    expect(upcoming?.items).toHaveLength(6);
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
  });
});
