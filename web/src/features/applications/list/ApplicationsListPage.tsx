import { Button, Checkbox, Modal, Select, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconDownload, IconPlus } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { notifySuccess } from '../../../platform/ui/forms';
import { ListFilters } from '../../../platform/ui/ListFilters';
import { AnchorLink } from '../../../platform/ui/links';
import { enumOptions } from '../../../platform/ui/options';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useListState } from '../../../platform/ui/useListState';
import { AgencySelect } from '../../organization/components/AgencySelect';
import {
  type ApplicationSummary,
  downloadApplicationsXlsx,
  useApplications,
  useCreateApplication,
} from '../api';
import { canRegisterApplications } from '../capabilities';
import {
  ApplicationStatusBadge,
  AuditBadge,
  CompletenessBadge,
  StageBadge,
} from '../components/ApplicationBadges';
import { ApplicationForm } from '../components/ApplicationForm';
import { createInput } from '../components/applicationFormValues';
import { EMPTY_APPLICATION_FILTERS } from '../filters';
import { APPLICATION_KINDS, APPLICATION_STATUSES, STAGES } from '../model';

/** "Aplikasi SPBE": the registry, searched and filtered, with the export and registration. */
export function ApplicationsListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const list = useListState(EMPTY_APPLICATION_FILTERS);
  const { page, pageSize, ...filters } = list.query;
  const applications = useApplications(filters, page, pageSize);
  const [createOpened, createModal] = useDisclosure(false);
  const create = useCreateApplication();
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const closeCreate = () => {
    createModal.close();
    create.reset();
  };

  const exportXlsx = async () => {
    setExporting(true);
    setExportError(null);
    try {
      await downloadApplicationsXlsx(filters);
    } catch (error) {
      setExportError(error);
    } finally {
      setExporting(false);
    }
  };

  const columns: Column<ApplicationSummary>[] = [
    {
      key: 'name',
      header: t('applications.fields.name'),
      render: (app) => (
        <Stack gap={0}>
          <AnchorLink to="/applications/$applicationId" params={{ applicationId: app.id }}>
            {app.name}
          </AnchorLink>
          <Text size="xs" c="dimmed">
            {app.agency.shortName ?? app.agency.name}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'kind',
      header: t('applications.fields.kind'),
      render: (app) => t(`applications.kinds.${app.kind}`),
    },
    {
      key: 'stage',
      header: t('applications.fields.stage'),
      render: (app) => <StageBadge stage={app.stage} />,
    },
    {
      key: 'documents',
      header: t('applications.fields.documents'),
      render: (app) => <CompletenessBadge app={app} />,
    },
    {
      key: 'audit',
      header: t('applications.fields.auditDueDate'),
      render: (app) => <AuditBadge app={app} />,
    },
    {
      key: 'status',
      header: t('applications.fields.status'),
      render: (app) => <ApplicationStatusBadge status={app.status} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('applications.title')}
        description={t('applications.description')}
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={exporting}
              onClick={() => void exportXlsx()}
            >
              {t('applications.export')}
            </Button>
            {canRegisterApplications(me) ? (
              <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
                {t('applications.add')}
              </Button>
            ) : null}
          </>
        }
      />
      <ListFilters
        search={list.filters.q}
        onSearch={(value) => list.setFilter('q', value)}
        placeholder={t('applications.searchPlaceholder')}
      >
        <AgencySelect
          label={t('applications.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={list.filters.agencyId}
          onChange={(value) => list.setFilter('agencyId', value)}
        />
        <Select
          label={t('applications.fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, APPLICATION_KINDS, 'applications.kinds')}
          value={list.filters.kind}
          onChange={(value) => list.setFilter('kind', value)}
          w={140}
        />
        <Select
          label={t('applications.fields.stage')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, STAGES, 'applications.stages')}
          value={list.filters.stage}
          onChange={(value) => list.setFilter('stage', value)}
          w={200}
        />
        <Select
          label={t('applications.fields.status')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, APPLICATION_STATUSES, 'applications.statuses')}
          value={list.filters.status}
          onChange={(value) => list.setFilter('status', value)}
          w={160}
        />
        <Stack gap={6} pb={4}>
          <Checkbox
            label={t('applications.filters.missingDocuments')}
            checked={list.filters.missingDocuments}
            onChange={(event) => list.setFilter('missingDocuments', event.currentTarget.checked)}
          />
          <Checkbox
            label={t('applications.filters.auditOverdue')}
            checked={list.filters.auditOverdue}
            onChange={(event) => list.setFilter('auditOverdue', event.currentTarget.checked)}
          />
        </Stack>
      </ListFilters>
      <ProblemAlert error={exportError} />
      <DataTable
        testId="applications-table"
        columns={columns}
        rows={applications.data?.items}
        rowKey={(app) => app.id}
        loading={applications.isPending}
        error={applications.error}
        emptyText={t('applications.empty')}
        pagination={{
          total: applications.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal opened={createOpened} onClose={closeCreate} title={t('applications.add')} size="xl">
        <ApplicationForm
          onSubmit={async (values) => {
            const app = await create.mutateAsync(createInput(values));
            notifySuccess(t('applications.created', { name: app.name }));
            closeCreate();
            void navigate({
              to: '/applications/$applicationId',
              params: { applicationId: app.id },
            });
          }}
          error={create.error}
          submitting={create.isPending}
          submitLabel={t('common.save')}
          onCancel={closeCreate}
        />
      </Modal>
    </>
  );
}
