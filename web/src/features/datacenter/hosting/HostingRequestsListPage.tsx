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
import { AgencySelect } from '../../organization/components/AgencySelect';
import { type HostingRequestSummary, useCreateHostingRequest, useHostingRequests } from '../api';
import { canDraftHostingRequests } from '../capabilities';
import { HostingStatus } from '../components/badges';
import { HOSTING_STATES, SERVICE_TYPES } from '../model';
import { HostingRequestForm } from './HostingRequestForm';
import { hostingCreateInput } from './hostingForms';

/** "Permohonan Hosting": the hosting, colocation and VPS requests in the caller's scope. */
export function HostingRequestsListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const navigate = useNavigate();
  const list = useListState({
    q: '',
    state: null as string | null,
    agencyId: null as string | null,
    serviceType: null as string | null,
  });
  const requests = useHostingRequests(list.query);
  const [createOpened, createModal] = useDisclosure(false);
  const create = useCreateHostingRequest();
  const closeCreate = () => {
    createModal.close();
    create.reset();
  };

  const columns: Column<HostingRequestSummary>[] = [
    {
      key: 'application',
      header: t('datacenter.hosting.fields.applicationName'),
      render: (request) => (
        <Stack gap={0}>
          <AnchorLink to="/pusat-data/hosting/$requestId" params={{ requestId: request.id }}>
            {request.applicationName}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {request.agency.name}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'serviceType',
      header: t('datacenter.hosting.fields.serviceType'),
      render: (request) => t(`datacenter.serviceTypes.${request.serviceType}`),
    },
    {
      key: 'classification',
      header: t('datacenter.hosting.fields.dataClassification'),
      render: (request) => t(`dataClassifications.${request.dataClassification}`),
    },
    {
      key: 'state',
      header: t('datacenter.hosting.fields.state'),
      render: (request) => <HostingStatus request={request} />,
    },
    {
      key: 'updatedAt',
      header: t('datacenter.hosting.fields.updatedAt'),
      render: (request) => format.dateTime(request.updatedAt),
    },
  ];

  return (
    <>
      <Group justify="space-between" align="flex-end" mb="xs">
        <Text c="dimmed" size="sm">
          {t('datacenter.hosting.description')}
        </Text>
        {canDraftHostingRequests(me) ? (
          <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
            {t('datacenter.hosting.add')}
          </Button>
        ) : null}
      </Group>
      <ListFilters
        search={list.filters.q}
        onSearch={(value) => list.setFilter('q', value)}
        placeholder={t('datacenter.hosting.searchPlaceholder')}
      >
        <Select
          label={t('datacenter.hosting.fields.state')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, HOSTING_STATES, 'datacenter.hosting.states')}
          value={list.filters.state}
          onChange={(value) => list.setFilter('state', value)}
          w={220}
        />
        <AgencySelect
          label={t('datacenter.hosting.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={list.filters.agencyId}
          onChange={(value) => list.setFilter('agencyId', value)}
        />
        <Select
          label={t('datacenter.hosting.fields.serviceType')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, SERVICE_TYPES, 'datacenter.serviceTypes')}
          value={list.filters.serviceType}
          onChange={(value) => list.setFilter('serviceType', value)}
          w={160}
        />
      </ListFilters>
      <DataTable
        testId="hosting-requests-table"
        columns={columns}
        rows={requests.data?.items}
        rowKey={(request) => request.id}
        loading={requests.isPending}
        error={requests.error}
        emptyText={t('datacenter.hosting.empty')}
        pagination={{
          total: requests.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal
        opened={createOpened}
        onClose={closeCreate}
        title={t('datacenter.hosting.add')}
        size="xl"
      >
        <HostingRequestForm
          onSubmit={async (values) => {
            const request = await create.mutateAsync(hostingCreateInput(values));
            notifySuccess(t('datacenter.hosting.created', { name: request.applicationName }));
            closeCreate();
            void navigate({
              to: '/pusat-data/hosting/$requestId',
              params: { requestId: request.id },
            });
          }}
          error={create.error}
          submitting={create.isPending}
          submitLabel={t('datacenter.hosting.saveDraft')}
          onCancel={closeCreate}
        />
      </Modal>
    </>
  );
}
