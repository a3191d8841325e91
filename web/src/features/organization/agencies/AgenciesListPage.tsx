import { Badge, Button, Group, Modal, Select, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { notifySuccess, omitBlank } from '../../../platform/ui/forms';
import { AnchorLink } from '../../../platform/ui/links';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { StatusBadge } from '../../../platform/ui/StatusBadge';
import { useListState } from '../../../platform/ui/useListState';
import { type Agency, useAgencies, useCreateAgency } from '../api';
import { agencyKindOptions } from '../components/options';
import { AgencyForm, type AgencyFormValues } from './AgencyForm';

export function AgenciesListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListState({ q: '', kind: null as string | null });
  const agencies = useAgencies(list.query);
  const [createOpened, createModal] = useDisclosure(false);
  const create = useCreateAgency();
  const closeCreate = () => {
    createModal.close();
    create.reset();
  };

  const submitCreate = async ({ status: _status, ...values }: AgencyFormValues) => {
    const agency = await create.mutateAsync(omitBlank(values));
    notifySuccess(t('agencies.created', { name: agency.name }));
    closeCreate();
    void navigate({ to: '/organization/agencies/$agencyId', params: { agencyId: agency.id } });
  };

  const columns: Column<Agency>[] = [
    { key: 'code', header: t('agencies.fields.code'), render: (agency) => agency.code },
    {
      key: 'name',
      header: t('agencies.fields.name'),
      render: (agency) => (
        <AnchorLink to="/organization/agencies/$agencyId" params={{ agencyId: agency.id }}>
          {agency.name}
        </AnchorLink>
      ),
    },
    {
      key: 'kind',
      header: t('agencies.fields.kind'),
      render: (agency) => t(`agencyKinds.${agency.kind}`),
    },
    {
      key: 'head',
      header: t('agencies.fields.headName'),
      render: (agency) => agency.headName ?? '—',
    },
    {
      key: 'status',
      header: t('agencies.fields.status'),
      render: (agency) => (
        <Group gap={4}>
          <StatusBadge status={agency.status} />
          {agency.isKominfo ? <Badge variant="outline">{t('agencies.kominfoBadge')}</Badge> : null}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('agencies.title')}
        description={t('agencies.description')}
        actions={
          can('agency:create') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
              {t('agencies.add')}
            </Button>
          ) : null
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('common.search')}
          placeholder={t('agencies.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={list.filters.q}
          onChange={(event) => list.setFilter('q', event.currentTarget.value)}
          w={{ base: '100%', sm: 320 }}
        />
        <Select
          label={t('agencies.fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={agencyKindOptions(t)}
          value={list.filters.kind}
          onChange={(value) => list.setFilter('kind', value)}
          w={{ base: '100%', sm: 240 }}
        />
      </Group>
      <DataTable
        testId="agencies-table"
        columns={columns}
        rows={agencies.data?.items}
        rowKey={(agency) => agency.id}
        loading={agencies.isPending}
        error={agencies.error}
        emptyText={t('agencies.empty')}
        pagination={{
          total: agencies.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal opened={createOpened} onClose={closeCreate} title={t('agencies.add')} size="lg">
        <AgencyForm
          onSubmit={submitCreate}
          error={create.error}
          submitting={create.isPending}
          submitLabel={t('common.save')}
          onCancel={closeCreate}
        />
      </Modal>
    </>
  );
}
