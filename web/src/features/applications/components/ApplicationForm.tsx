import {
  Button,
  Fieldset,
  Group,
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
import {
  ActingAgencySelect,
  useDefaultActingAgency,
} from '../../organization/components/ActingAgencySelect';
import { type ApplicationDetail, useNationalApplications } from '../api';
import {
  APPLICATION_KINDS,
  APPLICATION_STATUSES,
  type ApplicationKind,
  COMPLEXITIES,
  DATA_CLASSIFICATIONS,
  HANDOVER_STATUSES,
  HOSTING_LOCATIONS,
  NATIONAL_RELATIONS,
  STAGES,
} from '../model';
import { type ApplicationFormValues, applicationFormValues } from './applicationFormValues';

interface ApplicationFormProps {
  app?: ApplicationDetail;
  onSubmit: (values: ApplicationFormValues) => Promise<unknown>;
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  readOnly?: boolean;
  onCancel?: () => void;
}

/** Create and edit form of the registry fields; `app` switches it to edit mode. */
export function ApplicationForm({
  app,
  onSubmit,
  error,
  submitting,
  submitLabel,
  readOnly = false,
  onCancel,
}: ApplicationFormProps) {
  const { t } = useTranslation();
  const defaultAgency = useDefaultActingAgency(true);
  const national = useNationalApplications();
  const required = (value: string | null) =>
    value && String(value).trim() ? null : t('validation.required');
  const form = useForm<ApplicationFormValues>({
    mode: 'controlled',
    initialValues: applicationFormValues(app, defaultAgency),
    validate: {
      agencyId: required,
      name: (value) => (value.trim().length >= 3 ? null : t('validation.minLength', { min: 3 })),
      nationalRelation: (value, values) =>
        values.nationalApplicationId && !value ? t('validation.required') : null,
    },
  });

  const setKind = (kind: string | null) => {
    if (!kind) return;
    form.setFieldValue('kind', kind as ApplicationKind);
    // Complexity classifies aplikasi umum only (OKU Timur 2022 Pasal 18 ayat (2)).
    if (kind !== 'umum') form.setFieldValue('complexity', null);
  };
  const setNational = (id: string | null) => {
    form.setFieldValue('nationalApplicationId', id);
    if (!id) form.setFieldValue('nationalRelation', null);
  };

  const nationalOptions = (national.data?.items ?? [])
    .filter((item) => item.active || item.id === form.values.nationalApplicationId)
    .map((item) => ({ value: item.id, label: `${item.name} (${item.owner})` }));

  return (
    <form onSubmit={submitWith(form, onSubmit)} noValidate>
      <Stack>
        <ProblemAlert error={error} />
        <Fieldset disabled={readOnly} variant="unstyled">
          <Stack>
            {app ? null : (
              <ActingAgencySelect
                anyForAdmin
                label={t('applications.fields.agency')}
                required
                {...form.getInputProps('agencyId')}
              />
            )}
            <TextInput
              label={t('applications.fields.name')}
              required
              {...form.getInputProps('name')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('applications.fields.kind')}
                required
                allowDeselect={false}
                data={enumOptions(t, APPLICATION_KINDS, 'applications.kinds')}
                {...form.getInputProps('kind')}
                onChange={setKind}
              />
              <Select
                label={t('applications.fields.complexity')}
                description={t('applications.complexityHelp')}
                clearable
                disabled={readOnly || form.values.kind !== 'umum'}
                data={enumOptions(t, COMPLEXITIES, 'applications.complexities')}
                {...form.getInputProps('complexity')}
              />
              <Select
                label={t('applications.fields.nationalApplication')}
                description={t('applications.nationalHelp')}
                searchable
                clearable
                nothingFoundMessage={t('common.noOptions')}
                data={nationalOptions}
                {...form.getInputProps('nationalApplicationId')}
                onChange={setNational}
              />
              <Select
                label={t('applications.fields.nationalRelation')}
                clearable
                disabled={readOnly || !form.values.nationalApplicationId}
                required={Boolean(form.values.nationalApplicationId)}
                data={enumOptions(t, NATIONAL_RELATIONS, 'applications.nationalRelations')}
                {...form.getInputProps('nationalRelation')}
              />
            </SimpleGrid>
            <Textarea
              label={t('applications.fields.description')}
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('applications.fields.url')}
                placeholder="https://"
                {...form.getInputProps('url')}
              />
              <TextInput
                label={t('applications.fields.subdomain')}
                placeholder="simpus.tabanankab.go.id"
                {...form.getInputProps('subdomain')}
              />
              <Select
                label={t('applications.fields.hostingLocation')}
                required
                allowDeselect={false}
                data={enumOptions(t, HOSTING_LOCATIONS, 'applications.hostingLocations')}
                {...form.getInputProps('hostingLocation')}
              />
              <Select
                label={t('applications.fields.dataClassification')}
                required
                allowDeselect={false}
                data={enumOptions(t, DATA_CLASSIFICATIONS, 'dataClassifications')}
                {...form.getInputProps('dataClassification')}
              />
              <TextInput
                label={t('applications.fields.technologyStack')}
                placeholder="Laravel, PostgreSQL"
                {...form.getInputProps('technologyStack')}
              />
              <TextInput
                label={t('applications.fields.sourceRepositoryUrl')}
                placeholder="https://"
                {...form.getInputProps('sourceRepositoryUrl')}
              />
            </SimpleGrid>
            <Title order={4} size="h6" mt="xs">
              {t('applications.sections.vendor')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('applications.fields.vendorName')}
                {...form.getInputProps('vendorName')}
              />
              <TextInput
                type="date"
                label={t('applications.fields.handoverDate')}
                {...form.getInputProps('handoverDate')}
              />
              <Select
                label={t('applications.fields.handoverStatus')}
                clearable
                data={enumOptions(t, HANDOVER_STATUSES, 'applications.handoverStatuses')}
                {...form.getInputProps('handoverStatus')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                type="date"
                label={t('applications.fields.lastAuditDate')}
                description={t('applications.auditHelp')}
                {...form.getInputProps('lastAuditDate')}
              />
              {app ? (
                <Select
                  label={t('applications.fields.status')}
                  allowDeselect={false}
                  data={enumOptions(t, APPLICATION_STATUSES, 'applications.statuses')}
                  {...form.getInputProps('status')}
                />
              ) : (
                <Select
                  label={t('applications.fields.stage')}
                  description={t('applications.stageHelp')}
                  allowDeselect={false}
                  data={enumOptions(t, STAGES, 'applications.stages')}
                  {...form.getInputProps('stage')}
                />
              )}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        {readOnly ? null : (
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
        )}
      </Stack>
    </form>
  );
}
