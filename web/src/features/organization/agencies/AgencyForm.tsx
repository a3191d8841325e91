import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { submitWith } from '../../../platform/ui/forms';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import type { Agency } from '../api';
import { AgencySelect } from '../components/AgencySelect';
import { agencyKindOptions } from '../components/options';
import type { AgencyKind } from '../model';

export interface AgencyFormValues {
  code: string;
  name: string;
  shortName: string;
  kind: AgencyKind;
  parentId: string | null;
  headName: string;
  headNip: string;
  email: string;
  phone: string;
  address: string;
  website: string;
  isKominfo: boolean;
  status: Agency['status'];
}

export function agencyFormValues(agency?: Agency): AgencyFormValues {
  return {
    code: agency?.code ?? '',
    name: agency?.name ?? '',
    shortName: agency?.shortName ?? '',
    kind: agency?.kind ?? 'dinas',
    parentId: agency?.parentId ?? null,
    headName: agency?.headName ?? '',
    headNip: agency?.headNip ?? '',
    email: agency?.email ?? '',
    phone: agency?.phone ?? '',
    address: agency?.address ?? '',
    website: agency?.website ?? '',
    isKominfo: agency?.isKominfo ?? false,
    status: agency?.status ?? 'active',
  };
}

interface AgencyFormProps {
  agency?: Agency;
  onSubmit: (values: AgencyFormValues) => Promise<unknown>;
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  readOnly?: boolean;
  onCancel?: () => void;
}

/** Create and edit form for a Perangkat Daerah; `agency` switches it to edit mode. */
export function AgencyForm({
  agency,
  onSubmit,
  error,
  submitting,
  submitLabel,
  readOnly = false,
  onCancel,
}: AgencyFormProps) {
  const { t } = useTranslation();
  const form = useForm<AgencyFormValues>({
    mode: 'controlled',
    initialValues: agencyFormValues(agency),
    validate: {
      code: (value) => (value.trim() ? null : t('validation.required')),
      name: (value) => (value.trim() ? null : t('validation.required')),
    },
  });

  return (
    <form onSubmit={submitWith(form, onSubmit)} noValidate>
      <Stack>
        <ProblemAlert error={error} />
        <Fieldset disabled={readOnly} variant="unstyled">
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('agencies.fields.code')}
                required
                {...form.getInputProps('code')}
              />
              <TextInput
                label={t('agencies.fields.shortName')}
                {...form.getInputProps('shortName')}
              />
            </SimpleGrid>
            <TextInput label={t('agencies.fields.name')} required {...form.getInputProps('name')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Select
                label={t('agencies.fields.kind')}
                required
                allowDeselect={false}
                data={agencyKindOptions(t)}
                {...form.getInputProps('kind')}
              />
              <AgencySelect
                label={t('agencies.fields.parent')}
                clearable
                excludeId={agency?.id}
                disabled={readOnly}
                {...form.getInputProps('parentId')}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('agencies.fields.headName')}
                {...form.getInputProps('headName')}
              />
              <TextInput label={t('agencies.fields.headNip')} {...form.getInputProps('headNip')} />
              <TextInput
                label={t('agencies.fields.email')}
                type="email"
                {...form.getInputProps('email')}
              />
              <TextInput label={t('agencies.fields.phone')} {...form.getInputProps('phone')} />
            </SimpleGrid>
            <Textarea
              label={t('agencies.fields.address')}
              autosize
              minRows={2}
              {...form.getInputProps('address')}
            />
            <TextInput
              label={t('agencies.fields.website')}
              placeholder="https://"
              {...form.getInputProps('website')}
            />
            {agency ? (
              <Select
                label={t('agencies.fields.status')}
                allowDeselect={false}
                data={[
                  { value: 'active', label: t('status.active') },
                  { value: 'inactive', label: t('status.inactive') },
                ]}
                {...form.getInputProps('status')}
              />
            ) : null}
            <Checkbox
              label={t('agencies.fields.isKominfo')}
              {...form.getInputProps('isKominfo', { type: 'checkbox' })}
            />
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
