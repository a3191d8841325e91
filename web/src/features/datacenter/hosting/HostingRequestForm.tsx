import {
  Button,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { submitWith } from '../../../platform/ui/forms';
import { enumOptions } from '../../../platform/ui/options';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useApplicationOptions } from '../../applications/api';
import {
  ActingAgencySelect,
  useDefaultActingAgency,
} from '../../organization/components/ActingAgencySelect';
import type { HostingRequest } from '../api';
import { DATA_CLASSIFICATIONS, SERVICE_TYPES, type ServiceType } from '../model';
import { type HostingFormValues, hostingFormValues } from './hostingForms';

interface HostingRequestFormProps {
  request?: HostingRequest;
  onSubmit: (values: HostingFormValues) => Promise<unknown>;
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  onCancel?: () => void;
}

/**
 * What the agency asks for (Perbup Tabanan 44/2022 Pasal 14 ayat (10) huruf a): the service, the
 * application, the resources, the data classification, the backup and disaster-recovery plans
 * and the last restore test. `request` switches it to edit mode (a draft or a returned request).
 */
export function HostingRequestForm({
  request,
  onSubmit,
  error,
  submitting,
  submitLabel,
  onCancel,
}: HostingRequestFormProps) {
  const { t } = useTranslation();
  const defaultAgency = useDefaultActingAgency();
  const form = useForm<HostingFormValues>({
    mode: 'controlled',
    initialValues: hostingFormValues(request, defaultAgency),
    validate: {
      agencyId: (value) => (request || value ? null : t('validation.required')),
      applicationName: (value) =>
        value.trim().length >= 2 ? null : t('validation.minLength', { min: 2 }),
    },
  });
  const agencyId = form.values.agencyId;
  const applications = useApplicationOptions(agencyId, Boolean(agencyId));
  const applicationOptions = (applications.data?.items ?? []).map((app) => ({
    value: app.id,
    label: app.name,
  }));
  const serviceType: ServiceType = form.values.serviceType;
  const beforeSubmit = t('datacenter.hosting.neededToSubmit');

  const chooseApplication = (id: string | null) => {
    form.setFieldValue('applicationId', id);
    const app = applications.data?.items.find((candidate) => candidate.id === id);
    if (app) {
      form.setFieldValue('applicationName', app.name);
      form.setFieldValue('dataClassification', app.dataClassification);
      if (app.subdomain?.includes('.') && !form.values.domain) {
        form.setFieldValue('domain', app.subdomain);
      }
    }
  };

  return (
    <form onSubmit={submitWith(form, onSubmit)} noValidate>
      <Stack>
        <ProblemAlert error={error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {request ? null : (
            <ActingAgencySelect
              label={t('datacenter.hosting.fields.agency')}
              required
              {...form.getInputProps('agencyId')}
            />
          )}
          <Select
            label={t('datacenter.hosting.fields.serviceType')}
            required
            allowDeselect={false}
            data={enumOptions(t, SERVICE_TYPES, 'datacenter.serviceTypes')}
            {...form.getInputProps('serviceType')}
          />
          <Select
            label={t('datacenter.hosting.fields.application')}
            description={t('datacenter.hosting.applicationHelp')}
            searchable
            clearable
            nothingFoundMessage={t('common.noOptions')}
            data={applicationOptions}
            {...form.getInputProps('applicationId')}
            onChange={chooseApplication}
          />
          <TextInput
            label={t('datacenter.hosting.fields.applicationName')}
            required
            {...form.getInputProps('applicationName')}
          />
        </SimpleGrid>
        <Textarea
          label={t('datacenter.hosting.fields.description')}
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Title order={4} size="h6">
          {t('datacenter.hosting.sections.resources')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <NumberInput
            label={t('datacenter.hosting.fields.vcpu')}
            description={serviceType === 'vps' ? beforeSubmit : undefined}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('vcpu')}
          />
          <NumberInput
            label={t('datacenter.hosting.fields.ramGb')}
            description={serviceType === 'vps' ? beforeSubmit : undefined}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('ramGb')}
          />
          <NumberInput
            label={t('datacenter.hosting.fields.storageGb')}
            description={serviceType !== 'colocation' ? beforeSubmit : undefined}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('storageGb')}
          />
          <NumberInput
            label={t('datacenter.hosting.fields.bandwidthMbps')}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('bandwidthMbps')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('datacenter.hosting.fields.operatingSystem')}
            description={serviceType === 'vps' ? beforeSubmit : undefined}
            placeholder="Ubuntu 24.04 LTS"
            {...form.getInputProps('operatingSystem')}
          />
          <TextInput
            label={t('datacenter.hosting.fields.domain')}
            placeholder="simpus.tabanankab.go.id"
            {...form.getInputProps('domain')}
          />
          <Select
            label={t('datacenter.hosting.fields.dataClassification')}
            required
            allowDeselect={false}
            data={enumOptions(t, DATA_CLASSIFICATIONS, 'dataClassifications')}
            {...form.getInputProps('dataClassification')}
          />
        </SimpleGrid>
        <Title order={4} size="h6">
          {t('datacenter.hosting.sections.continuity')}
        </Title>
        <Textarea
          label={t('datacenter.hosting.fields.backupPlan')}
          description={beforeSubmit}
          autosize
          minRows={2}
          {...form.getInputProps('backupPlan')}
        />
        <Textarea
          label={t('datacenter.hosting.fields.disasterRecoveryPlan')}
          description={beforeSubmit}
          autosize
          minRows={2}
          {...form.getInputProps('disasterRecoveryPlan')}
        />
        <TextInput
          type="date"
          label={t('datacenter.hosting.fields.lastRestoreTestOn')}
          w={{ base: '100%', sm: 240 }}
          {...form.getInputProps('lastRestoreTestOn')}
        />
        <Group justify="flex-end">
          {onCancel ? (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={submitting}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
