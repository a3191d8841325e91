import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { AnchorLink } from '../../../platform/ui/links';
import { enumOptions } from '../../../platform/ui/options';
import { useListState } from '../../../platform/ui/useListState';
import { type SubscriptionSummary, useSubscriptions } from '../api';
import { SubscriptionStateBadge } from '../components/badges';
import { ScopeList } from '../components/ScopeList';
import { SUBSCRIPTION_STATES } from '../model';

/** "Langganan": subscriptions the caller's agencies consume or provide (all, for the Dinas). */
export function SubscriptionsListPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const list = useListState({ q: '', state: null as string | null });
  const { q: _q, ...query } = list.query;
  const subs = useSubscriptions(query);
  const columns: Column<SubscriptionSummary>[] = [
    {
      key: 'consumer',
      header: t('interop.subscription.application'),
      render: (s) => (
        <Stack gap={0}>
          <AnchorLink to="/interop/subscriptions/$subscriptionId" params={{ subscriptionId: s.id }}>
            {s.consumer.name}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {s.consumer.agency.name}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'api',
      header: t('interop.subscription.api'),
      render: (s) => (
        <Stack gap={0}>
          <Text size="sm">{`${s.api.name} ${s.api.version}`}</Text>
          <Text size="xs" c="dimmed">
            {s.api.agency.name}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'state',
      header: t('interop.subscription.state'),
      render: (s) => <SubscriptionStateBadge state={s.state} />,
    },
    {
      key: 'scopes',
      header: t('interop.subscription.scopes'),
      render: (s) => <ScopeList scopes={s.scopes} />,
    },
    {
      key: 'plan',
      header: t('interop.subscription.plan'),
      render: (s) => t('interop.subscription.planShort', { rate: s.plan.ratePerMinute }),
    },
    {
      key: 'createdAt',
      header: t('interop.subscription.createdAt'),
      render: (s) => format.dateTime(s.createdAt),
    },
  ];
  return (
    <>
      <Text c="dimmed" size="sm" mb="xs">
        {t('interop.subscription.listDescription')}
      </Text>
      <Select
        label={t('interop.subscription.state')}
        placeholder={t('common.all')}
        clearable
        data={enumOptions(t, SUBSCRIPTION_STATES, 'interop.subscriptionStates')}
        value={list.filters.state}
        onChange={(value) => list.setFilter('state', value)}
        w={260}
        mb="md"
      />
      <DataTable
        columns={columns}
        rows={subs.data?.items}
        rowKey={(s) => s.id}
        loading={subs.isPending}
        error={subs.error}
        emptyText={t('interop.subscription.empty')}
        pagination={
          subs.data
            ? {
                total: subs.data.total,
                page: list.page,
                pageSize: list.pageSize,
                onPageChange: list.setPage,
              }
            : undefined
        }
      />
    </>
  );
}
