import { Grid, Group, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { jakartaToday, useFormatters } from '../../../platform/i18n/format';
import { type Fact, Facts } from '../../../platform/ui/Facts';
import { notifySuccess } from '../../../platform/ui/forms';
import { BackLink } from '../../../platform/ui/links';
import { QueryView } from '../../../platform/ui/QueryView';
import { SectionCard } from '../../../platform/ui/SectionCard';
import { TransitionsPanel } from '../../../platform/workflow/TransitionsPanel';
import { WorkflowTimeline } from '../../../platform/workflow/WorkflowTimeline';
import {
  type Device,
  type HostingRequest,
  useCatalogueItem,
  useHostingRequest,
  useHostingTransition,
  useUpdateHostingRequest,
} from '../api';
import { canRecordHostingTest } from '../capabilities';
import { HostingStatus } from '../components/badges';
import { AllocationFields } from './AllocationFields';
import { HostingRequestForm } from './HostingRequestForm';
import { HostingTestForm } from './HostingTestForm';
import { HostingTestRecords } from './HostingTestRecords';
import {
  type AllocationValues,
  allocationInput,
  allocationValues,
  hostingFormValues,
  hostingUpdateInput,
} from './hostingForms';

export function HostingRequestDetailPage({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const request = useHostingRequest(requestId);
  return (
    <QueryView
      query={request}
      header={<BackLink to="/pusat-data/hosting">{t('datacenter.hosting.backToList')}</BackLink>}
    >
      {(current) => <HostingRequestView request={current} />}
    </QueryView>
  );
}

function HostingRequestView({ request }: { request: HostingRequest }) {
  const { t } = useTranslation();
  const stateLabel = (state: string) => t(`datacenter.hosting.states.${state}`);
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fz="xl" fw={700} component="h2" m={0}>
            {request.applicationName}
          </Text>
          <Text c="dimmed" size="sm">
            {request.agency.name} · {t(`datacenter.serviceTypes.${request.serviceType}`)}
          </Text>
        </div>
        <HostingStatus request={request} />
      </Group>
      {canRecordHostingTest(request) ? (
        <SectionCard title={t('datacenter.test.title')}>
          <HostingTestForm key={`${request.testRound}-${request.updatedAt}`} request={request} />
        </SectionCard>
      ) : null}
      <Grid>
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <SectionCard title={t('workflow.actions')}>
              <ActionsSection request={request} />
            </SectionCard>
            <SectionCard title={t('datacenter.hosting.sections.request')}>
              <RequestSection request={request} />
            </SectionCard>
            {request.allocation ? (
              <SectionCard title={t('datacenter.allocation.title')}>
                <AllocationFacts request={request} />
              </SectionCard>
            ) : null}
            <SectionCard title={t('datacenter.test.records')}>
              <HostingTestRecords tests={request.tests} />
            </SectionCard>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <SectionCard title={t('datacenter.hosting.sections.timeline')}>
            <WorkflowTimeline
              events={request.timeline}
              stateLabel={stateLabel}
              eventLabel={(event) => t(`datacenter.hosting.transitions.${event.transition}`)}
            />
          </SectionCard>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function ActionsSection({ request }: { request: HostingRequest }) {
  const { t } = useTranslation();
  const transition = useHostingTransition(request.id);
  const allocation = useForm<AllocationValues>({
    mode: 'controlled',
    initialValues: allocationValues(request, jakartaToday()),
    validate: {
      hostName: (value) => (value.trim() ? null : t('validation.required')),
      allocatedOn: (value) => (value ? null : t('validation.required')),
    },
  });
  const missing = request.missingForSubmission;
  const missingText = t('datacenter.hosting.missingForSubmission', {
    fields: missing.map((field) => t(`datacenter.hosting.fields.${field}`)).join(', '),
  });

  return (
    <Stack>
      <TransitionsPanel
        transitions={request.availableTransitions}
        agencyId={request.agency.id}
        onTake={(input) => transition.mutateAsync(input)}
        stateLabel={(state) => t(`datacenter.hosting.states.${state}`)}
        commentLabels={{ return: t('datacenter.hosting.returnReasons') }}
        // The server blocks an incomplete submission; the form's field names say what to fill in.
        blockReasons={
          missing.length > 0 ? { submit: missingText, resubmit: missingText } : undefined
        }
        extras={{
          accept: {
            fields: <AllocationFields form={allocation} />,
            validate: () => !allocation.validate().hasErrors,
            payload: () => ({ allocation: allocationInput(allocation.values) }),
            setErrors: (errors) =>
              allocation.setErrors(
                Object.fromEntries(
                  Object.entries(errors)
                    .filter(([path]) => path.startsWith('allocation.'))
                    .map(([path, message]) => [path.slice('allocation.'.length), message]),
                ),
              ),
            reset: () => allocation.reset(),
          },
        }}
        emptyText={t(`datacenter.hosting.waiting.${request.state}`)}
      />
    </Stack>
  );
}

function RequestSection({ request }: { request: HostingRequest }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const update = useUpdateHostingRequest(request.id);

  if (request.editable) {
    const initial = hostingFormValues(request);
    return (
      <HostingRequestForm
        key={request.updatedAt}
        request={request}
        error={update.error}
        submitting={update.isPending}
        submitLabel={t('common.saveChanges')}
        onSubmit={async (values) => {
          const changes = hostingUpdateInput(initial, values);
          if (Object.keys(changes).length === 0) {
            notifySuccess(t('common.noChanges'));
            return;
          }
          await update.mutateAsync(changes);
          notifySuccess(t('datacenter.hosting.updated'));
        }}
      />
    );
  }

  const amount = (value: number | null, unit: string) =>
    value === null ? null : `${value} ${unit}`;
  const facts: Fact[] = [
    [
      t('datacenter.hosting.fields.serviceType'),
      t(`datacenter.serviceTypes.${request.serviceType}`),
    ],
    [t('datacenter.hosting.fields.applicationName'), request.applicationName],
    [t('datacenter.hosting.fields.description'), request.description],
    [
      t('datacenter.hosting.fields.dataClassification'),
      t(`dataClassifications.${request.dataClassification}`),
    ],
    [t('datacenter.hosting.fields.vcpu'), amount(request.vcpu, 'vCPU')],
    [t('datacenter.hosting.fields.ramGb'), amount(request.ramGb, 'GB')],
    [t('datacenter.hosting.fields.storageGb'), amount(request.storageGb, 'GB')],
    [t('datacenter.hosting.fields.bandwidthMbps'), amount(request.bandwidthMbps, 'Mbps')],
    [t('datacenter.hosting.fields.operatingSystem'), request.operatingSystem],
    [t('datacenter.hosting.fields.domain'), request.domain],
    [t('datacenter.hosting.fields.backupPlan'), request.backupPlan],
    [t('datacenter.hosting.fields.disasterRecoveryPlan'), request.disasterRecoveryPlan],
    [t('datacenter.hosting.fields.lastRestoreTestOn'), format.date(request.lastRestoreTestOn)],
    [t('datacenter.hosting.fields.createdAt'), format.dateTime(request.createdAt)],
  ];
  return <Facts items={facts} />;
}

function AllocationFacts({ request }: { request: HostingRequest }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const allocation = request.allocation;
  if (!allocation) return null;
  const amount = (value: number | null, unit: string) =>
    value === null ? null : `${value} ${unit}`;
  return (
    <Facts
      items={[
        [t('datacenter.allocation.hostName'), allocation.hostName],
        [t('datacenter.allocation.ipAddress'), allocation.ipAddress],
        [
          t('datacenter.allocation.device'),
          allocation.deviceId ? <DeviceName key="device" id={allocation.deviceId} /> : null,
        ],
        [t('datacenter.allocation.allocatedOn'), format.date(allocation.allocatedOn)],
        [t('datacenter.hosting.fields.vcpu'), amount(allocation.vcpu, 'vCPU')],
        [t('datacenter.hosting.fields.ramGb'), amount(allocation.ramGb, 'GB')],
        [t('datacenter.hosting.fields.storageGb'), amount(allocation.storageGb, 'GB')],
        [t('datacenter.hosting.fields.bandwidthMbps'), amount(allocation.bandwidthMbps, 'Mbps')],
        [t('datacenter.allocation.notes'), allocation.notes],
      ]}
    />
  );
}

function DeviceName({ id }: { id: string }) {
  const device = useCatalogueItem<Device>('devices', id);
  return <>{device.data?.name ?? (device.isError ? '—' : '…')}</>;
}
