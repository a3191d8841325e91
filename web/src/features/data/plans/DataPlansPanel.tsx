import {
  Button,
  Card,
  Group,
  NativeSelect,
  NumberInput,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useAgencies } from '../../organization/api';
import { type PlanInput, type PlanRow, useDataPlans, useSaveDataPlan } from '../api';
import { DatasetKindSelects } from '../datasets/DatasetMetadataFields';

/** Adds or corrects one entry of the Daftar Data (Perpres 39/2019 Pasal 27). */
function PlanForm({
  year,
  plan,
  onDone,
}: {
  year: number;
  plan: PlanRow | null;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const can = useCan();
  const save = useSaveDataPlan();
  // The walidata keeps the list for every agency; a producer adds to its own.
  const chooseAgency = plan === null && can('dataset:verify');
  const agencies = useAgencies({ pageSize: 100 });
  const [values, setValues] = useState<PlanInput>({
    year: plan?.year ?? year,
    title: plan?.title ?? '',
    topic: plan?.topic ?? 'kesehatan',
    frequency: plan?.frequency ?? 'tahunan',
    classification: plan?.classification ?? 'public',
    agencyId: undefined,
  });
  const set = (key: keyof PlanInput) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value || undefined }));
  };
  const submit = async () => {
    await save.mutateAsync(plan ? { ...values, agencyId: undefined, id: plan.id } : values);
    onDone();
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>{plan ? t('data.planForm.edit') : t('data.planForm.add')}</Title>
        {save.error ? <ProblemAlert error={save.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('data.fields.title')}
            required
            value={values.title}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setValues((v) => ({ ...v, title: value }));
            }}
          />
          <NumberInput
            label={t('data.planForm.year')}
            min={2000}
            max={2100}
            value={values.year}
            onChange={(value) => setValues((v) => ({ ...v, year: Number(value) }))}
          />
          <DatasetKindSelects values={values} set={set} />
          {chooseAgency ? (
            <NativeSelect
              label={t('data.fields.agency')}
              value={values.agencyId ?? ''}
              onChange={set('agencyId')}
              data={[
                { value: '', label: '—' },
                ...(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name })),
              ]}
            />
          ) : null}
        </SimpleGrid>
        <Group>
          <Button onClick={submit} loading={save.isPending}>
            {t('common.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** The yearly Daftar Data of the agencies in the caller's scope, any year, with the dataset fulfilling each entry. */
export function DataPlansPanel() {
  const { t } = useTranslation();
  const can = useCan();
  const [year, setYear] = useState(new Date().getFullYear());
  const [editing, setEditing] = useState<PlanRow | 'new' | null>(null);
  const plans = useDataPlans(year);
  const canManage = can('dataPlan:manage');
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="end">
        <Title order={4}>{t('data.plans', { year })}</Title>
        <Group align="end">
          <NumberInput
            label={t('data.planForm.year')}
            min={2000}
            max={2100}
            w={120}
            value={year}
            onChange={(value) => {
              const n = Number(value);
              if (Number.isInteger(n) && n >= 2000 && n <= 2100) setYear(n);
            }}
          />
          {canManage && editing === null ? (
            <Button onClick={() => setEditing('new')}>{t('data.planForm.add')}</Button>
          ) : null}
        </Group>
      </Group>
      {editing !== null ? (
        <PlanForm
          key={editing === 'new' ? 'new' : editing.id}
          year={year}
          plan={editing === 'new' ? null : editing}
          onDone={() => setEditing(null)}
        />
      ) : null}
      {plans.error ? <ProblemAlert error={plans.error} /> : null}
      {plans.data && plans.data.length === 0 ? (
        <Text c="dimmed">{t('data.planForm.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('data.fields.title')}</Table.Th>
              <Table.Th>{t('data.fields.agency')}</Table.Th>
              <Table.Th>{t('data.fields.frequency')}</Table.Th>
              <Table.Th>{t('data.fields.state')}</Table.Th>
              {canManage ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(plans.data ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td>{p.agencyName}</Table.Td>
                <Table.Td>{t(`data.frequencies.${p.frequency}`)}</Table.Td>
                <Table.Td>
                  {p.datasetState ? t(`data.states.${p.datasetState}`) : t('data.planned')}
                </Table.Td>
                {canManage ? (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={`${t('common.edit')} ${p.title}`}
                      onClick={() => setEditing(p)}
                    >
                      {t('common.edit')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
