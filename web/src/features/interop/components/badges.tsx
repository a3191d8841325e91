import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiStatus, SubscriptionState } from '../model';

const API_COLORS: Record<ApiStatus, string> = {
  draft: 'gray',
  published: 'green',
  deprecated: 'yellow',
  retired: 'dark',
};

const SUBSCRIPTION_COLORS: Record<SubscriptionState, string> = {
  requested: 'blue',
  provider_approved: 'indigo',
  active: 'green',
  rejected: 'red',
  revoked: 'dark',
};

export function ApiStatusBadge({ status }: { status: ApiStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={API_COLORS[status]} variant="light">
      {t(`interop.apiStatuses.${status}`)}
    </Badge>
  );
}

export function SubscriptionStateBadge({ state }: { state: SubscriptionState }) {
  const { t } = useTranslation();
  return (
    <Badge color={SUBSCRIPTION_COLORS[state]} variant="light" data-testid="subscription-state">
      {t(`interop.subscriptionStates.${state}`)}
    </Badge>
  );
}
