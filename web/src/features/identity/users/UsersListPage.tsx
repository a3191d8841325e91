import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { AnchorLink } from '../../../platform/ui/links';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { StatusBadge } from '../../../platform/ui/StatusBadge';
import { useListState } from '../../../platform/ui/useListState';
import { AgencySelect } from '../../organization/components/AgencySelect';
import { type User, useUsers } from '../api';
import { ROLES } from '../roles';
import { RoleBadges } from './RoleBadges';
import { UserCreateForm } from './UserCreateForm';

export function UsersListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const navigate = useNavigate();
  const list = useListState({
    q: '',
    agencyId: null as string | null,
    role: null as string | null,
  });
  const users = useUsers(list.query);
  const [createOpened, createModal] = useDisclosure(false);

  const columns: Column<User>[] = [
    {
      key: 'name',
      header: t('users.fields.name'),
      render: (user) => (
        <Stack gap={0}>
          <AnchorLink to="/organization/users/$userId" params={{ userId: user.id }}>
            {user.name}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {user.email}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'agency',
      header: t('users.fields.agency'),
      render: (user) => user.agency?.name ?? '—',
    },
    {
      key: 'roles',
      header: t('users.fields.roles'),
      render: (user) => <RoleBadges roles={user.roles} />,
    },
    {
      key: 'status',
      header: t('users.fields.status'),
      render: (user) => <StatusBadge status={user.status} />,
    },
    {
      key: 'lastLoginAt',
      header: t('users.fields.lastLoginAt'),
      render: (user) => (user.lastLoginAt ? format.dateTime(user.lastLoginAt) : t('common.never')),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          can('user:create') ? (
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
              {t('users.add')}
            </Button>
          ) : null
        }
      />
      <Group mb="md" align="flex-end">
        <TextInput
          label={t('common.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={list.filters.q}
          onChange={(event) => list.setFilter('q', event.currentTarget.value)}
          w={{ base: '100%', sm: 280 }}
        />
        <AgencySelect
          label={t('users.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={list.filters.agencyId}
          onChange={(value) => list.setFilter('agencyId', value)}
        />
        <Select
          label={t('users.fields.role')}
          placeholder={t('common.all')}
          clearable
          data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          value={list.filters.role}
          onChange={(value) => list.setFilter('role', value)}
          w={{ base: '100%', sm: 220 }}
        />
      </Group>
      <DataTable
        testId="users-table"
        columns={columns}
        rows={users.data?.items}
        rowKey={(user) => user.id}
        loading={users.isPending}
        error={users.error}
        emptyText={t('users.empty')}
        pagination={{
          total: users.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal opened={createOpened} onClose={createModal.close} title={t('users.add')} size="lg">
        <UserCreateForm
          onCancel={createModal.close}
          onCreated={(user) => {
            createModal.close();
            void navigate({ to: '/organization/users/$userId', params: { userId: user.id } });
          }}
        />
      </Modal>
    </>
  );
}
