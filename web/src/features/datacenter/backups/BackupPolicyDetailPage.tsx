import {
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import type { FileMetadata } from '../../../platform/files/api';
import { AttachmentList } from '../../../platform/files/FileLink';
import { FileUploadField } from '../../../platform/files/FileUploadField';
import { formatBytes } from '../../../platform/files/size';
import { jakartaToday, useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { Facts } from '../../../platform/ui/Facts';
import { FormActions } from '../../../platform/ui/FormActions';
import { notifySuccess, omitBlank, submitWith } from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { enumOptions } from '../../../platform/ui/options';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import { SectionCard } from '../../../platform/ui/SectionCard';
import {
  type BackupPolicy,
  type BackupReport,
  type RestoreTest,
  useBackupHistory,
  useCatalogueItem,
  useRecordBackupEvent,
} from '../api';
import { canManageBackupsOf } from '../capabilities';
import { BACKUP_RESULTS, RESTORE_RESULTS } from '../model';
import { BackupPolicyForm } from './BackupPolicyForm';

const RESULT_COLORS: Record<string, string> = { success: 'teal', partial: 'yellow', failed: 'red' };

export function BackupPolicyDetailPage({ policyId }: { policyId: string }) {
  const { t } = useTranslation();
  const policy = useCatalogueItem<BackupPolicy>('backup-policies', policyId);
  return (
    <QueryView
      query={policy}
      header={<BackLink to="/pusat-data/backups">{t('datacenter.backups.backToList')}</BackLink>}
    >
      {(current) => <PolicyView policy={current} />}
    </QueryView>
  );
}

function PolicyView({ policy }: { policy: BackupPolicy }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const canManage = canManageBackupsOf(useMe(), policy.agency.id);
  const [editing, edit] = useDisclosure(false);

  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fz="xl" fw={700} component="h2" m={0}>
            {policy.systemName}
          </Text>
          <Text c="dimmed" size="sm">
            {policy.agency.name}
          </Text>
        </div>
        {canManage ? (
          <Button variant="light" leftSection={<IconPencil size={16} />} onClick={edit.open}>
            {t('datacenter.backups.editPolicy')}
          </Button>
        ) : null}
      </Group>
      <SectionCard title={t('datacenter.backups.policy')}>
        <Facts
          cols={3}
          items={[
            [
              t('datacenter.backups.fields.frequency'),
              t(`datacenter.frequencies.${policy.frequency}`),
            ],
            [t('datacenter.backups.fields.location'), policy.location],
            [
              t('datacenter.backups.fields.offsiteCopy'),
              policy.offsiteCopy ? policy.offsiteLocation : t('datacenter.backups.noOffsite'),
            ],
            [
              t('datacenter.backups.fields.retentionDays'),
              policy.retentionDays === null
                ? null
                : t('datacenter.backups.days', { count: policy.retentionDays }),
            ],
            [
              t('datacenter.backups.fields.status'),
              t(`datacenter.policyStatuses.${policy.status}`),
            ],
            [t('datacenter.backups.fields.registeredOn'), format.dateTime(policy.createdAt)],
            [t('datacenter.fields.notes'), policy.notes],
          ]}
        />
      </SectionCard>
      <ReportsSection policy={policy} canManage={canManage} />
      <RestoreTestsSection policy={policy} canManage={canManage} />
      <Modal
        opened={editing}
        onClose={edit.close}
        title={t('datacenter.backups.editPolicy')}
        size="lg"
      >
        <BackupPolicyForm policy={policy} onDone={edit.close} />
      </Modal>
    </Stack>
  );
}

function ReportsSection({ policy, canManage }: { policy: BackupPolicy; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const reports = useBackupHistory<BackupReport>(policy.id, 'reports', page);
  const [opened, modal] = useDisclosure(false);

  const columns: Column<BackupReport>[] = [
    {
      key: 'on',
      header: t('datacenter.backups.report.backupOn'),
      render: (report) => format.date(report.backupOn),
    },
    {
      key: 'result',
      header: t('datacenter.backups.report.result'),
      render: (report) => (
        <Badge color={RESULT_COLORS[report.result]} variant="light">
          {t(`datacenter.backupResults.${report.result}`)}
        </Badge>
      ),
    },
    {
      key: 'size',
      header: t('datacenter.backups.report.sizeBytes'),
      render: (report) =>
        report.sizeBytes === null ? '—' : formatBytes(report.sizeBytes, i18n.language),
    },
    { key: 'notes', header: t('datacenter.fields.notes'), render: (report) => report.notes ?? '' },
  ];

  return (
    <SectionCard title={t('datacenter.backups.reports')}>
      <Stack>
        {canManage && policy.status === 'active' ? (
          <Group>
            <Button leftSection={<IconPlus size={16} />} variant="light" onClick={modal.open}>
              {t('datacenter.backups.report.add')}
            </Button>
          </Group>
        ) : null}
        <DataTable
          testId="backup-reports-table"
          columns={columns}
          rows={reports.data?.items}
          rowKey={(report) => report.id}
          loading={reports.isPending}
          error={reports.error}
          emptyText={t('datacenter.backups.report.empty')}
          pagination={{
            total: reports.data?.total ?? 0,
            page,
            pageSize: 10,
            onPageChange: setPage,
          }}
        />
      </Stack>
      <Modal opened={opened} onClose={modal.close} title={t('datacenter.backups.report.add')}>
        <ReportForm policyId={policy.id} onDone={modal.close} />
      </Modal>
    </SectionCard>
  );
}

function ReportForm({ policyId, onDone }: { policyId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordBackupEvent<object>(policyId, 'reports');
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      backupOn: jakartaToday(),
      result: 'success' as string,
      sizeBytes: '' as number | '',
      notes: '',
    },
    validate: { backupOn: (value) => (value ? null : t('validation.required')) },
  });
  return (
    <form
      onSubmit={submitWith(form, async (values) => {
        await record.mutateAsync(omitBlank(values));
        notifySuccess(t('datacenter.backups.report.saved'));
        onDone();
      })}
      noValidate
    >
      <Stack>
        <ProblemAlert error={record.error} />
        <TextInput
          type="date"
          label={t('datacenter.backups.report.backupOn')}
          required
          {...form.getInputProps('backupOn')}
        />
        <Select
          label={t('datacenter.backups.report.result')}
          required
          allowDeselect={false}
          data={enumOptions(t, BACKUP_RESULTS, 'datacenter.backupResults')}
          {...form.getInputProps('result')}
        />
        <NumberInput
          label={t('datacenter.backups.report.sizeBytes')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('sizeBytes')}
        />
        <Textarea
          label={t('datacenter.fields.notes')}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <FormActions submitting={record.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}

function RestoreTestsSection({ policy, canManage }: { policy: BackupPolicy; canManage: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [page, setPage] = useState(1);
  const tests = useBackupHistory<RestoreTest>(policy.id, 'restore-tests', page);
  const [opened, modal] = useDisclosure(false);

  const columns: Column<RestoreTest>[] = [
    {
      key: 'on',
      header: t('datacenter.backups.restore.testedOn'),
      render: (test) => format.date(test.testedOn),
    },
    {
      key: 'result',
      header: t('datacenter.backups.restore.result'),
      render: (test) => (
        <Badge color={RESULT_COLORS[test.result]} variant="light">
          {t(`datacenter.restoreResults.${test.result}`)}
        </Badge>
      ),
    },
    {
      key: 'duration',
      header: t('datacenter.backups.restore.durationMinutes'),
      render: (test) =>
        test.durationMinutes === null
          ? '—'
          : t('datacenter.backups.minutes', { count: test.durationMinutes }),
    },
    {
      key: 'evidence',
      header: t('datacenter.backups.restore.attachments'),
      render: (test) => <AttachmentList ids={test.attachmentIds} />,
    },
    { key: 'notes', header: t('datacenter.fields.notes'), render: (test) => test.notes ?? '' },
  ];

  return (
    <SectionCard title={t('datacenter.backups.restoreTests')}>
      <Stack>
        {canManage && policy.status === 'active' ? (
          <Group>
            <Button leftSection={<IconPlus size={16} />} variant="light" onClick={modal.open}>
              {t('datacenter.backups.restore.add')}
            </Button>
          </Group>
        ) : null}
        <DataTable
          testId="restore-tests-table"
          columns={columns}
          rows={tests.data?.items}
          rowKey={(test) => test.id}
          loading={tests.isPending}
          error={tests.error}
          emptyText={t('datacenter.backups.restore.empty')}
          pagination={{
            total: tests.data?.total ?? 0,
            page,
            pageSize: 10,
            onPageChange: setPage,
          }}
        />
      </Stack>
      <Modal opened={opened} onClose={modal.close} title={t('datacenter.backups.restore.add')}>
        <RestoreTestForm policy={policy} onDone={modal.close} />
      </Modal>
    </SectionCard>
  );
}

function RestoreTestForm({ policy, onDone }: { policy: BackupPolicy; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordBackupEvent<object>(policy.id, 'restore-tests');
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      testedOn: jakartaToday(),
      result: 'success' as string,
      durationMinutes: '' as number | '',
      notes: '',
      attachments: [] as FileMetadata[],
    },
    validate: { testedOn: (value) => (value ? null : t('validation.required')) },
  });
  return (
    <form
      onSubmit={submitWith(form, async ({ attachments, ...values }) => {
        await record.mutateAsync({
          ...omitBlank(values),
          ...(attachments.length ? { attachmentIds: attachments.map((file) => file.id) } : {}),
        });
        notifySuccess(t('datacenter.backups.restore.saved'));
        onDone();
      })}
      noValidate
    >
      <Stack>
        <ProblemAlert error={record.error} />
        <TextInput
          type="date"
          label={t('datacenter.backups.restore.testedOn')}
          required
          {...form.getInputProps('testedOn')}
        />
        <Select
          label={t('datacenter.backups.restore.result')}
          required
          allowDeselect={false}
          data={enumOptions(t, RESTORE_RESULTS, 'datacenter.restoreResults')}
          {...form.getInputProps('result')}
        />
        <NumberInput
          label={t('datacenter.backups.restore.durationMinutes')}
          min={0}
          allowDecimal={false}
          {...form.getInputProps('durationMinutes')}
        />
        <Textarea
          label={t('datacenter.fields.notes')}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <FileUploadField
          label={t('datacenter.backups.restore.attachments')}
          agencyId={policy.agency.id}
          multiple
          value={form.values.attachments}
          onChange={(files) => form.setFieldValue('attachments', files)}
        />
        <FormActions submitting={record.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
