import { describe, expect, it } from 'vitest';
import {
  canCreateBackupPolicies,
  canDraftHostingRequests,
  canManageBackupsOf,
  canManageRegistry,
  canReadActivities,
  canRecordHostingTest,
} from './capabilities';

const user = (roles: [string, string][], permissions: string[] = []) => ({
  roles: roles.map(([role, agencyId]) => ({ role, agencyId })),
  permissions,
});
const admin = user([['kominfo_admin', 'kominfo']]);
const operator = user([['agency_operator', 'dinkes']]);
const auditor = user([['auditor', 'inspektorat']]);

describe('Pusat Data capabilities', () => {
  it('lets agencies draft requests, not the Dinas', () => {
    expect(canDraftHostingRequests(operator)).toBe(true);
    expect(canDraftHostingRequests(admin)).toBe(false);
    expect(canDraftHostingRequests(user([], ['hostingRequest:create']))).toBe(true);
  });

  it('keeps the registries with the Dinas, the logbook readable by oversight', () => {
    expect(canManageRegistry(admin)).toBe(true);
    expect(canManageRegistry(operator)).toBe(false);
    expect(canReadActivities(auditor)).toBe(true);
    expect(canReadActivities(operator)).toBe(false);
  });

  it('scopes backups to the owner agency, the Dinas everywhere', () => {
    expect(canManageBackupsOf(operator, 'dinkes')).toBe(true);
    expect(canManageBackupsOf(operator, 'rsud')).toBe(false);
    expect(canManageBackupsOf(admin, 'rsud')).toBe(true);
    expect(canCreateBackupPolicies(auditor)).toBe(false);
  });

  it('offers the checklist while testing to whoever may complete the test', () => {
    const complete = {
      name: 'complete_test',
      label: { id: '', en: '' },
      to: 'analysis',
      requireComment: false,
      requireAttachment: false,
      blockedBy: null,
    };
    expect(canRecordHostingTest({ state: 'testing', availableTransitions: [complete] })).toBe(true);
    expect(canRecordHostingTest({ state: 'testing', availableTransitions: [] })).toBe(false);
    expect(canRecordHostingTest({ state: 'analysis', availableTransitions: [complete] })).toBe(
      false,
    );
  });
});
