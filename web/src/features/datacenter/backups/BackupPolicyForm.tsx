import {
  Checkbox,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../../platform/ui/FormActions';
import { changedFields, notifySuccess, omitBlank, submitWith } from '../../../platform/ui/forms';
import { formValuesFrom } from '../../../platform/ui/formValues';
import { enumOptions } from '../../../platform/ui/options';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useApplicationOptions } from '../../applications/api';
import {
  ActingAgencySelect,
  useDefaultActingAgency,
} from '../../organization/components/ActingAgencySelect';
import { type BackupPolicy, useCreateCatalogueEntry, useUpdateCatalogueEntry } from '../api';
import {
  BACKUP_FREQUENCIES,
  type BackupFrequency,
  POLICY_STATUSES,
  type PolicyStatus,
} from '../model';

interface PolicyValues {
  agencyId: string | null;
  systemName: string;
  applicationId: string | null;
  frequency: BackupFrequency;
  location: string;
  offsiteCopy: boolean;
  offsiteLocation: string;
  retentionDays: number | '';
  notes: string;
  status: PolicyStatus;
}

/**
 * How a system is backed up (OKU Timur 2022 Pasal 15; Sragen 41/2019 Pasal 17 ayat (4)): how
 * often, where, the off-site copy and how long it is kept. `policy` switches it to edit mode.
 */
export function BackupPolicyForm({
  policy,
  onDone,
}: {
  policy: BackupPolicy | null;
  onDone: (policy?: BackupPolicy) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCatalogueEntry<object, BackupPolicy>('backup-policies');
  const update = useUpdateCatalogueEntry<object, BackupPolicy>('backup-policies');
  const defaultAgency = useDefaultActingAgency(true);
  const initial = formValuesFrom<PolicyValues>(
    {
      agencyId: defaultAgency,
      systemName: '',
      applicationId: null,
      frequency: 'daily',
      location: '',
      offsiteCopy: false,
      offsiteLocation: '',
      retentionDays: '',
      notes: '',
      status: 'active',
    },
    policy && { ...policy, agencyId: policy.agency.id },
  );
  const required = (value: string | null) => (value?.trim() ? null : t('validation.required'));
  const form = useForm<PolicyValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      agencyId: required,
      systemName: required,
      location: required,
      offsiteLocation: (value, values) =>
        values.offsiteCopy && !value.trim() ? t('validation.required') : null,
    },
  });
  const applications = useApplicationOptions(form.values.agencyId, Boolean(form.values.agencyId));
  const mutation = policy ? update : create;

  const submit = async (values: PolicyValues) => {
    let saved: BackupPolicy | undefined;
    if (policy) {
      const { agencyId: _fixed, ...changes } = changedFields(initial, values);
      if (Object.keys(changes).length > 0) {
        saved = await update.mutateAsync({ id: policy.id, input: changes });
      }
    } else {
      const { status: _new, ...fields } = values;
      saved = await create.mutateAsync(omitBlank(fields));
    }
    notifySuccess(t('datacenter.saved'));
    onDone(saved);
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <ProblemAlert error={mutation.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {policy ? null : (
            <ActingAgencySelect
              anyForAdmin
              label={t('datacenter.backups.fields.agency')}
              required
              {...form.getInputProps('agencyId')}
            />
          )}
          <TextInput
            label={t('datacenter.backups.fields.systemName')}
            required
            {...form.getInputProps('systemName')}
          />
          <Select
            label={t('datacenter.backups.fields.application')}
            searchable
            clearable
            nothingFoundMessage={t('common.noOptions')}
            data={(applications.data?.items ?? []).map((app) => ({
              value: app.id,
              label: app.name,
            }))}
            {...form.getInputProps('applicationId')}
          />
          <Select
            label={t('datacenter.backups.fields.frequency')}
            required
            allowDeselect={false}
            data={enumOptions(t, BACKUP_FREQUENCIES, 'datacenter.frequencies')}
            {...form.getInputProps('frequency')}
          />
          <TextInput
            label={t('datacenter.backups.fields.location')}
            required
            {...form.getInputProps('location')}
          />
          <NumberInput
            label={t('datacenter.backups.fields.retentionDays')}
            min={1}
            allowDecimal={false}
            {...form.getInputProps('retentionDays')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('datacenter.backups.fields.offsiteCopy')}
          {...form.getInputProps('offsiteCopy', { type: 'checkbox' })}
        />
        {form.values.offsiteCopy ? (
          <TextInput
            label={t('datacenter.backups.fields.offsiteLocation')}
            required
            {...form.getInputProps('offsiteLocation')}
          />
        ) : null}
        {policy ? (
          <Select
            label={t('datacenter.backups.fields.status')}
            allowDeselect={false}
            data={enumOptions(t, POLICY_STATUSES, 'datacenter.policyStatuses')}
            {...form.getInputProps('status')}
            w={{ base: '100%', sm: 240 }}
          />
        ) : null}
        <Textarea
          label={t('datacenter.fields.notes')}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <FormActions submitting={mutation.isPending} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
