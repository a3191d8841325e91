import {
  actsForAgency,
  agenciesActedFor,
  isKominfoAdmin,
  readsWholeRegency,
} from '../../platform/auth/capabilities';
import type { Me } from '../../platform/auth/session';
import type { HostingRequest } from './api';

type User = Pick<Me, 'roles' | 'permissions'>;

/**
 * What the Pusat Data screens offer (src/contexts/datacenter/policies.ts). The permission names
 * count once `/auth/me` lists them; until then the roles decide.
 */

/** Drafting a hosting request: the applicant agency's operator or head (Tabanan 14(10) huruf a). */
export const canDraftHostingRequests = (me: User) =>
  me.permissions.includes('hostingRequest:create') || agenciesActedFor(me).length > 0;

/** Devices, users and authorities, activity records: kept by the Dinas. */
export const canManageRegistry = (me: User) =>
  me.permissions.includes('datacenterRegistry:manage') || isKominfoAdmin(me);

/** The activity logbook is read by the Dinas and the oversight roles only. */
export const canReadActivities = (me: User) =>
  me.permissions.includes('datacenterActivity:read') || readsWholeRegency(me);

/** Backups are the owner agency's duty; the Dinas may record on its behalf. */
export const canManageBackupsOf = (me: User, agencyId: string) =>
  isKominfoAdmin(me) || actsForAgency(me, agencyId);

export const canCreateBackupPolicies = (me: User) =>
  isKominfoAdmin(me) || agenciesActedFor(me).length > 0;

/** The test checklist is recorded while testing, by whoever may complete the test (the Dinas). */
export const canRecordHostingTest = (
  request: Pick<HostingRequest, 'state' | 'availableTransitions'>,
) =>
  request.state === 'testing' &&
  request.availableTransitions.some((transition) => transition.name === 'complete_test');
