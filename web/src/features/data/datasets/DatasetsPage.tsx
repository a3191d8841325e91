import { Anchor, Badge, Button, Card, Group, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../../platform/auth/useSession';
import { AnchorLink } from '../../../platform/ui/links';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { type DatasetInput, useCreateDataset, useDatasets } from '../api';
import { DataPlansPanel } from '../plans/DataPlansPanel';
import { ReferenceListsPanel } from '../reference-lists/ReferenceListsPanel';
import { DatasetMetadataFields, fieldSetter, STANDARD_KEYS } from './DatasetMetadataFields';

function NewDatasetForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateDataset();
  const [values, setValues] = useState<Record<string, string>>({
    topic: 'kesehatan',
    frequency: 'tahunan',
    classification: 'public',
  });
  const set = fieldSetter(setValues);
  const submit = async () => {
    const body: DatasetInput = {
      title: values.title ?? '',
      description: values.description ?? '',
      topic: values.topic ?? 'kesehatan',
      frequency: values.frequency ?? 'tahunan',
      classification: values.classification === 'restricted' ? 'restricted' : 'public',
      spatialCoverage: values.spatialCoverage ?? '',
      tags: (values.tags ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
      standard: Object.fromEntries(
        STANDARD_KEYS.map((k) => [k, values[k] ?? '']),
      ) as unknown as DatasetInput['standard'],
    };
    const created = await create.mutateAsync(body);
    onDone();
    await navigate({ to: '/data/datasets/$datasetId', params: { datasetId: created.id } });
  };
  return (
    <Card withBorder mb="lg">
      <Stack>
        <Title order={4}>{t('data.newDataset')}</Title>
        {create.error ? <ProblemAlert error={create.error} /> : null}
        <DatasetMetadataFields values={values} set={set} />
        <Group>
          <Button onClick={submit} loading={create.isPending}>
            {t('data.create')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** Satu Data in the console: the datasets of the caller's agencies (every agency for the walidata). */
export function DatasetsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const list = useDatasets({ pageSize: 100 });
  const canCreate = can('dataset:create');
  return (
    <>
      <PageHeader
        title={t('data.title')}
        description={t('data.description')}
        actions={
          <>
            <Anchor href="/dataset" target="_blank">
              {t('data.openPortal')}
            </Anchor>
            {canCreate && !creating ? (
              <Button onClick={() => setCreating(true)}>{t('data.newDataset')}</Button>
            ) : null}
          </>
        }
      />
      {creating ? <NewDatasetForm onDone={() => setCreating(false)} /> : null}
      <Tabs defaultValue="datasets" keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="datasets">{t('data.tabs.datasets')}</Tabs.Tab>
          <Tabs.Tab value="plans">{t('data.tabs.plans')}</Tabs.Tab>
          <Tabs.Tab value="reference">{t('data.tabs.reference')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="datasets">
          {list.error ? <ProblemAlert error={list.error} /> : null}
          <Table striped highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('data.fields.title')}</Table.Th>
                <Table.Th>{t('data.fields.agency')}</Table.Th>
                <Table.Th>{t('data.fields.state')}</Table.Th>
                <Table.Th>{t('data.quality')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(list.data?.items ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <AnchorLink to="/data/datasets/$datasetId" params={{ datasetId: d.id }}>
                      {d.title}
                    </AnchorLink>
                  </Table.Td>
                  <Table.Td>{d.agency?.name}</Table.Td>
                  <Table.Td>
                    <Badge variant="light">{t(`data.states.${d.state}`)}</Badge>
                  </Table.Td>
                  <Table.Td>{d.qualityScore}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {list.data && list.data.items.length === 0 ? (
            <Text c="dimmed">{t('data.empty')}</Text>
          ) : null}
        </Tabs.Panel>
        <Tabs.Panel value="plans">
          <DataPlansPanel />
        </Tabs.Panel>
        <Tabs.Panel value="reference">
          <ReferenceListsPanel />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
