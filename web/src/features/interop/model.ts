export const VISIBILITIES = ['internal', 'partner', 'public'] as const;
export type Visibility = (typeof VISIBILITIES)[number];
export const API_STATUSES = ['draft', 'published', 'deprecated', 'retired'] as const;
export type ApiStatus = (typeof API_STATUSES)[number];
export const SUBSCRIPTION_STATES = [
  'requested',
  'provider_approved',
  'active',
  'rejected',
  'revoked',
] as const;
export type SubscriptionState = (typeof SUBSCRIPTION_STATES)[number];
export const DATA_CLASSIFICATIONS = ['publik', 'terbatas', 'rahasia'] as const;

/** Which status the provider may move an API to next (the server checks again). */
export const NEXT_STATUSES: Record<ApiStatus, ApiStatus[]> = {
  draft: ['published', 'retired'],
  published: ['deprecated', 'retired'],
  deprecated: ['published', 'retired'],
  retired: [],
};
