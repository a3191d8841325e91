import { describe, expect, it } from 'vitest';
import { canManageApplicationsOf, canRegisterApplications } from './capabilities';

const user = (roles: [string, string][], permissions: string[] = []) => ({
  roles: roles.map(([role, agencyId]) => ({ role, agencyId })),
  permissions,
});

describe('application capabilities', () => {
  it('lets the Dinas and agency operators or heads register', () => {
    expect(canRegisterApplications(user([['kominfo_admin', 'k']]))).toBe(true);
    expect(canRegisterApplications(user([['agency_head', 'd']]))).toBe(true);
    expect(canRegisterApplications(user([['auditor', 'i']]))).toBe(false);
    expect(canRegisterApplications(user([], ['application:create']))).toBe(true);
  });

  it('limits managing to the owner agency, except for the Dinas', () => {
    const operator = user([['agency_operator', 'dinkes']]);
    expect(canManageApplicationsOf(operator, 'dinkes')).toBe(true);
    expect(canManageApplicationsOf(operator, 'rsud')).toBe(false);
    expect(canManageApplicationsOf(user([['kominfo_admin', 'k']]), 'rsud')).toBe(true);
  });
});
