import {
  Button,
  Card,
  Fieldset,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { notifySuccess, submitWith } from '../../../platform/ui/forms';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import { type Government, type GovernmentInput, useGovernment, useUpdateGovernment } from '../api';
import { governmentTypeOptions, regulationProfileOptions } from '../components/options';

export function GovernmentProfilePage() {
  const { t } = useTranslation();
  const government = useGovernment();

  return (
    <QueryView
      query={government}
      header={
        <PageHeader title={t('government.title')} description={t('government.description')} />
      }
    >
      {(data) => <GovernmentForm key={data.updatedAt} government={data} />}
    </QueryView>
  );
}

function GovernmentForm({ government }: { government: Government }) {
  const { t } = useTranslation();
  const can = useCan();
  const format = useFormatters();
  const update = useUpdateGovernment();
  const readOnly = !can('government:update');
  const form = useForm<GovernmentInput>({
    mode: 'controlled',
    initialValues: {
      name: government.name,
      type: government.type,
      province: government.province,
      portalDomain: government.portalDomain,
      regulationProfile: government.regulationProfile,
    },
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      province: (value) => (value.trim() ? null : t('validation.required')),
      portalDomain: (value) => (value.trim() ? null : t('validation.required')),
    },
  });

  const submit = async (values: GovernmentInput) => {
    await update.mutateAsync(values);
    notifySuccess(t('government.updated'));
  };

  return (
    <Card withBorder padding="lg" maw={760}>
      <form onSubmit={submitWith(form, submit)} noValidate>
        <Stack>
          <ProblemAlert error={update.error} />
          <Fieldset disabled={readOnly} variant="unstyled">
            <Stack>
              <TextInput
                label={t('government.fields.name')}
                required
                {...form.getInputProps('name')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('government.fields.type')}
                  required
                  allowDeselect={false}
                  data={governmentTypeOptions(t)}
                  {...form.getInputProps('type')}
                />
                <TextInput
                  label={t('government.fields.province')}
                  required
                  {...form.getInputProps('province')}
                />
              </SimpleGrid>
              <TextInput
                label={t('government.fields.portalDomain')}
                required
                placeholder="spbe.example.go.id"
                {...form.getInputProps('portalDomain')}
              />
              <Select
                label={t('government.fields.regulationProfile')}
                description={t('government.regulationHelp')}
                required
                allowDeselect={false}
                data={regulationProfileOptions(t, government.regulationProfile)}
                {...form.getInputProps('regulationProfile')}
              />
            </Stack>
          </Fieldset>
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {t('common.lastUpdated', { date: format.dateTime(government.updatedAt) })}
            </Text>
            {readOnly ? null : (
              <Button type="submit" loading={update.isPending}>
                {t('common.save')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
