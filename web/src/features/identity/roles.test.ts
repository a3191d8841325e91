import { describe, expect, it } from 'vitest';
import { rescopeRoles } from './roles';

describe('rescopeRoles', () => {
  it('moves roles that followed the old agency, keeps explicit scopes', () => {
    const roles = [
      { role: 'agency_operator', agencyId: 'old' },
      { role: 'auditor', agencyId: 'other' },
      { role: 'data_producer', agencyId: null },
    ];
    expect(rescopeRoles(roles, 'old', 'new')).toEqual([
      { role: 'agency_operator', agencyId: 'new' },
      { role: 'auditor', agencyId: 'other' },
      { role: 'data_producer', agencyId: 'new' },
    ]);
  });
});
