import { defineWorkflow } from '../../platform/workflow/definition.js';
import {
  findActiveUserIdsWithRole,
  findApiById,
  findConsumerById,
  findSubscriptionById,
} from './db/queries.js';
import { SUBSCRIPTION_WORKFLOW_ID } from './subscription-constants.js';

export const SUBSCRIPTION_STATES = [
  'requested',
  'provider_approved',
  'active',
  'rejected',
  'revoked',
] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];

/** States after which the subscription is over (a new one may be requested). */
export const ENDED_STATES: readonly string[] = ['rejected', 'revoked'];

/**
 * A consumer application's access to an API. Data sharing between Perangkat Daerah goes
 * through the Sistem Penghubung Layanan managed by the Dinas (Perbup Purbalingga 45/2024 Pasal 20;
 * Tabanan 44/2022 Pasal 13 ayat (3)): the provider agency approves first (the data owner
 * controls access), then the Dinas, which runs the gateway. Either may refuse with reasons; either
 * may revoke an active subscription. The instance's agency is the PROVIDER's, so "agency
 * operator/head" means the provider's people.
 *
 * SLA hours are Simpul's defaults (the Perbup name none): two working days for each approval.
 */
export const subscriptionWorkflow = defineWorkflow({
  id: SUBSCRIPTION_WORKFLOW_ID,
  version: 1,
  label: { id: 'Langganan API', en: 'API subscription' },
  initial: 'requested',
  states: {
    requested: {
      label: { id: 'Menunggu persetujuan penyedia', en: 'Awaiting the provider' },
      slaHours: 16,
    },
    provider_approved: {
      label: { id: 'Menunggu persetujuan Dinas', en: 'Awaiting the Dinas' },
      slaHours: 16,
    },
    active: { label: { id: 'Aktif', en: 'Active' } },
    rejected: { label: { id: 'Ditolak', en: 'Rejected' }, final: true },
    revoked: { label: { id: 'Dicabut', en: 'Revoked' }, final: true },
  },
  transitions: [
    {
      name: 'approve_provider',
      label: { id: 'Setujui (penyedia)', en: 'Approve (provider)' },
      from: ['requested'],
      to: 'provider_approved',
      roles: ['agency_operator', 'agency_head'],
    },
    {
      name: 'reject_provider',
      label: { id: 'Tolak (penyedia)', en: 'Reject (provider)' },
      from: ['requested'],
      to: 'rejected',
      roles: ['agency_operator', 'agency_head'],
      requireComment: true,
    },
    {
      name: 'approve_dinas',
      label: { id: 'Setujui (Dinas)', en: 'Approve (Dinas)' },
      from: ['provider_approved'],
      to: 'active',
      roles: ['kominfo_admin'],
    },
    {
      name: 'reject_dinas',
      label: { id: 'Tolak (Dinas)', en: 'Reject (Dinas)' },
      from: ['provider_approved'],
      to: 'rejected',
      roles: ['kominfo_admin'],
      requireComment: true,
    },
    {
      name: 'revoke',
      label: { id: 'Cabut', en: 'Revoke' },
      from: ['active'],
      to: 'revoked',
      roles: ['agency_operator', 'agency_head', 'kominfo_admin'],
      requireComment: true,
    },
  ],
  // The provider's approval goes to the Dinas; the outcome goes back to the consumer's operators.
  notify: async (tx, { instance, transition }) => {
    if (transition.name === 'approve_provider')
      return findActiveUserIdsWithRole(tx, ['kominfo_admin']);
    const sub = await findSubscriptionById(tx, instance.subjectId);
    const consumer = sub && (await findConsumerById(tx, sub.consumerId));
    return consumer
      ? findActiveUserIdsWithRole(tx, ['agency_operator', 'agency_head'], consumer.agencyId)
      : [];
  },
  describe: async (tx, instance) => {
    const sub = await findSubscriptionById(tx, instance.subjectId);
    if (!sub) return null;
    const consumer = await findConsumerById(tx, sub.consumerId);
    const api = await findApiById(tx, sub.apiId);
    return consumer && api ? `${consumer.name} → ${api.name} ${api.version}` : null;
  },
  link: (instance) => `/console/interop/subscriptions/${instance.subjectId}`,
});
