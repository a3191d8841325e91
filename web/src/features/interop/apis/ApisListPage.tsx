import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { notifySuccess } from '../../../platform/ui/forms';
import { ListFilters } from '../../../platform/ui/ListFilters';
import { AnchorLink } from '../../../platform/ui/links';
import { enumOptions } from '../../../platform/ui/options';
import { useListState } from '../../../platform/ui/useListState';
import { type ApiSummary, useApis, useCreateApi } from '../api';
import { ApiStatusBadge } from '../components/badges';
import { API_STATUSES } from '../model';
import { ApiForm } from './ApiForm';

/** "Katalog API": every published API, and the drafts of the caller's agencies. */
export function ApisListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const navigate = useNavigate();
  const list = useListState({ q: '', status: null as string | null });
  const apis = useApis(list.query);
  const [opened, modal] = useDisclosure(false);
  const create = useCreateApi();
  const mayCreate = me.permissions.includes('interopApi:manage');

  const columns: Column<ApiSummary>[] = [
    {
      key: 'name',
      header: t('interop.api.name'),
      render: (api) => (
        <Stack gap={0}>
          <AnchorLink to="/interop/apis/$apiId" params={{ apiId: api.id }}>
            {api.name}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {api.agency.name}
          </Text>
        </Stack>
      ),
    },
    { key: 'path', header: t('interop.api.gatewayPath'), render: (api) => api.gatewayPath },
    {
      key: 'visibility',
      header: t('interop.api.visibility'),
      render: (api) => t(`interop.visibilities.${api.visibility}`),
    },
    { key: 'operations', header: t('interop.api.operations'), render: (api) => api.operationCount },
    {
      key: 'status',
      header: t('interop.api.status'),
      render: (api) => <ApiStatusBadge status={api.status} />,
    },
    {
      key: 'updatedAt',
      header: t('interop.api.updatedAt'),
      render: (api) => format.dateTime(api.updatedAt),
    },
  ];

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="xs">
        <Text c="dimmed" size="sm">
          {t('interop.api.listDescription')}
        </Text>
        {mayCreate ? (
          <Button leftSection={<IconPlus size={16} />} onClick={modal.open}>
            {t('interop.api.add')}
          </Button>
        ) : null}
      </Group>
      <ListFilters
        search={list.filters.q}
        onSearch={(v) => list.setFilter('q', v)}
        placeholder={t('interop.api.searchPlaceholder')}
      >
        <Select
          label={t('interop.api.status')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, API_STATUSES, 'interop.apiStatuses')}
          value={list.filters.status}
          onChange={(value) => list.setFilter('status', value)}
          w={200}
        />
      </ListFilters>
      <DataTable
        columns={columns}
        rows={apis.data?.items}
        rowKey={(api) => api.id}
        loading={apis.isPending}
        error={apis.error}
        emptyText={t('interop.api.empty')}
        pagination={
          apis.data
            ? {
                total: apis.data.total,
                page: list.page,
                pageSize: list.pageSize,
                onPageChange: list.setPage,
              }
            : undefined
        }
      />
      <Modal
        opened={opened}
        onClose={() => {
          modal.close();
          create.reset();
        }}
        title={t('interop.api.add')}
        size="lg"
      >
        <ApiForm
          submitting={create.isPending}
          error={create.error}
          onSubmit={async (input) => {
            const api = await create.mutateAsync(input);
            modal.close();
            notifySuccess(t('interop.api.created'));
            void navigate({ to: '/interop/apis/$apiId', params: { apiId: api.id } });
          }}
        />
      </Modal>
    </>
  );
}
