import {
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readsWholeRegency } from '../../../platform/auth/capabilities';
import { useMe } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { ListFilters } from '../../../platform/ui/ListFilters';
import { AnchorLink } from '../../../platform/ui/links';
import { enumOptions } from '../../../platform/ui/options';
import { DEFAULT_PAGE_SIZE, useListState } from '../../../platform/ui/useListState';
import { AgencySelect } from '../../organization/components/AgencySelect';
import { type BackupPolicy, type SupervisionRow, useBackupSupervision, useCatalogue } from '../api';
import { canCreateBackupPolicies } from '../capabilities';
import { BACKUP_FREQUENCIES, POLICY_STATUSES } from '../model';
import { BackupPolicyForm } from './BackupPolicyForm';

type View = 'policies' | 'supervision';

/**
 * "Cadangan": the backup policy of each system with its reports and restore tests, and the
 * supervision view of who is overdue (Purbalingga 45/2024 Pasal 14 ayat (13)–(14); OKU Timur 2022
 * Pasal 15). The Dinas opens on the supervision.
 */
export function BackupsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [view, setView] = useState<View>(readsWholeRegency(me) ? 'supervision' : 'policies');
  return (
    <Stack>
      <SegmentedControl
        w="fit-content"
        value={view}
        onChange={(value) => setView(value as View)}
        data={[
          { value: 'supervision', label: t('datacenter.backups.supervision') },
          { value: 'policies', label: t('datacenter.backups.policies') },
        ]}
      />
      {view === 'supervision' ? <SupervisionView /> : <PoliciesView />}
    </Stack>
  );
}

function PoliciesView() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const list = useListState({
    q: '',
    agencyId: null as string | null,
    status: null as string | null,
    frequency: null as string | null,
  });
  const policies = useCatalogue<BackupPolicy>('backup-policies', list.query);
  const [creating, setCreating] = useState(false);

  const columns: Column<BackupPolicy>[] = [
    {
      key: 'system',
      header: t('datacenter.backups.fields.systemName'),
      render: (policy) => (
        <Stack gap={0}>
          <AnchorLink to="/pusat-data/backups/$policyId" params={{ policyId: policy.id }}>
            {policy.systemName}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {policy.agency.name}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'frequency',
      header: t('datacenter.backups.fields.frequency'),
      render: (policy) => t(`datacenter.frequencies.${policy.frequency}`),
    },
    {
      key: 'location',
      header: t('datacenter.backups.fields.location'),
      render: (policy) => policy.location,
    },
    {
      key: 'offsite',
      header: t('datacenter.backups.fields.offsiteCopy'),
      render: (policy) =>
        policy.offsiteCopy ? (
          policy.offsiteLocation
        ) : (
          <Badge color="orange" variant="light">
            {t('datacenter.backups.noOffsite')}
          </Badge>
        ),
    },
    {
      key: 'status',
      header: t('datacenter.backups.fields.status'),
      render: (policy) => (
        <Badge color={policy.status === 'active' ? 'teal' : 'gray'} variant="light">
          {t(`datacenter.policyStatuses.${policy.status}`)}
        </Badge>
      ),
    },
  ];

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Text c="dimmed" size="sm">
          {t('datacenter.backups.description')}
        </Text>
        {canCreateBackupPolicies(me) ? (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('datacenter.backups.add')}
          </Button>
        ) : null}
      </Group>
      <ListFilters
        search={list.filters.q}
        onSearch={(value) => list.setFilter('q', value)}
        placeholder={t('datacenter.backups.searchPlaceholder')}
      >
        <AgencySelect
          label={t('datacenter.backups.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={list.filters.agencyId}
          onChange={(value) => list.setFilter('agencyId', value)}
        />
        <Select
          label={t('datacenter.backups.fields.frequency')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, BACKUP_FREQUENCIES, 'datacenter.frequencies')}
          value={list.filters.frequency}
          onChange={(value) => list.setFilter('frequency', value)}
          w={160}
        />
        <Select
          label={t('datacenter.backups.fields.status')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, POLICY_STATUSES, 'datacenter.policyStatuses')}
          value={list.filters.status}
          onChange={(value) => list.setFilter('status', value)}
          w={160}
        />
      </ListFilters>
      <DataTable
        testId="backup-policies-table"
        columns={columns}
        rows={policies.data?.items}
        rowKey={(policy) => policy.id}
        loading={policies.isPending}
        error={policies.error}
        emptyText={t('datacenter.backups.empty')}
        pagination={{
          total: policies.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('datacenter.backups.add')}
        size="lg"
      >
        <BackupPolicyForm
          policy={null}
          onDone={(policy) => {
            setCreating(false);
            if (policy) {
              void navigate({
                to: '/pusat-data/backups/$policyId',
                params: { policyId: policy.id },
              });
            }
          }}
        />
      </Modal>
    </>
  );
}

function SupervisionView() {
  const { t } = useTranslation();
  const format = useFormatters();
  const [agencyId, setAgencyId] = useState<string | null>(null);
  const [overdue, setOverdue] = useState(false);
  const [page, setPage] = useState(1);
  const supervision = useBackupSupervision({
    agencyId,
    overdue: overdue || undefined,
    page,
    pageSize: DEFAULT_PAGE_SIZE,
  });
  const summary = supervision.data?.summary;

  const last = (event: { on: string; result: string } | null, kind: 'backup' | 'restore') =>
    event ? (
      <Group gap={4} wrap="nowrap">
        <Text size="sm">{format.date(event.on)}</Text>
        <Badge size="sm" variant="light" color={event.result === 'success' ? 'teal' : 'red'}>
          {t(
            `datacenter.${kind === 'backup' ? 'backupResults' : 'restoreResults'}.${event.result}`,
          )}
        </Badge>
      </Group>
    ) : (
      <Text size="sm" c="dimmed">
        {t('common.never')}
      </Text>
    );
  const due = (isOverdue: boolean, dueBy: string) => (
    <Badge color={isOverdue ? 'red' : 'gray'} variant={isOverdue ? 'filled' : 'outline'}>
      {isOverdue
        ? t('datacenter.backups.overdueSince', { date: format.date(dueBy) })
        : t('datacenter.backups.dueBy', { date: format.date(dueBy) })}
    </Badge>
  );

  const columns: Column<SupervisionRow>[] = [
    {
      key: 'system',
      header: t('datacenter.backups.fields.systemName'),
      render: (row) => (
        <Stack gap={0}>
          <AnchorLink to="/pusat-data/backups/$policyId" params={{ policyId: row.policy.id }}>
            {row.policy.systemName}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {row.policy.agency.name} · {t(`datacenter.frequencies.${row.policy.frequency}`)}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'lastBackup',
      header: t('datacenter.backups.lastBackup'),
      render: (row) => last(row.lastBackup, 'backup'),
    },
    {
      key: 'backupDue',
      header: t('datacenter.backups.backupStatus'),
      render: (row) => due(row.backupOverdue, row.backupDueBy),
    },
    {
      key: 'lastRestore',
      header: t('datacenter.backups.lastRestoreTest'),
      render: (row) => last(row.lastRestoreTest, 'restore'),
    },
    {
      key: 'restoreDue',
      header: t('datacenter.backups.restoreStatus'),
      render: (row) => due(row.restoreTestOverdue, row.restoreTestDueBy),
    },
  ];

  const stats: [string, number | undefined, string][] = [
    [t('datacenter.backups.summary.policies'), summary?.policies, 'indigo'],
    [t('datacenter.backups.summary.backupOverdue'), summary?.backupOverdue, 'red'],
    [t('datacenter.backups.summary.restoreTestOverdue'), summary?.restoreTestOverdue, 'red'],
    [t('datacenter.backups.summary.withoutOffsiteCopy'), summary?.withoutOffsiteCopy, 'orange'],
  ];

  return (
    <>
      <Text c="dimmed" size="sm">
        {supervision.data
          ? t('datacenter.backups.supervisionHelp', {
              date: format.date(supervision.data.asOf),
              days: supervision.data.thresholds.restoreTestMaxAgeDays,
            })
          : t('datacenter.backups.supervisionIntro')}
      </Text>
      <SimpleGrid cols={{ base: 2, md: 4 }} data-testid="backup-summary">
        {stats.map(([label, value, color]) => (
          <Card key={label} withBorder padding="md">
            <Text size="xs" c="dimmed">
              {label}
            </Text>
            <Text fz={26} fw={700} c={value ? color : undefined}>
              {value ?? '—'}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Group align="flex-end">
        <AgencySelect
          label={t('datacenter.backups.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={agencyId}
          onChange={(value) => {
            setAgencyId(value);
            setPage(1);
          }}
        />
        <Checkbox
          mb={8}
          label={t('datacenter.backups.overdueOnly')}
          checked={overdue}
          onChange={(event) => {
            setOverdue(event.currentTarget.checked);
            setPage(1);
          }}
        />
      </Group>
      <DataTable
        testId="backup-supervision-table"
        columns={columns}
        rows={supervision.data?.items}
        rowKey={(row) => row.policy.id}
        loading={supervision.isPending}
        error={supervision.error}
        emptyText={t('datacenter.backups.supervisionEmpty')}
        pagination={{
          total: supervision.data?.total ?? 0,
          page,
          pageSize: DEFAULT_PAGE_SIZE,
          onPageChange: setPage,
        }}
      />
    </>
  );
}
