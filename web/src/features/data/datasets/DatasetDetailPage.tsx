import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BackLink } from '../../../platform/ui/links';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { QueryView } from '../../../platform/ui/QueryView';
import { WorkflowTimeline } from '../../../platform/workflow/WorkflowTimeline';
import {
  type Dataset,
  type Resource,
  type Standard,
  useAddComment,
  useAddResource,
  useDataset,
  useDatasetTransition,
  useUpdateDataset,
  useUpdateResourceSchema,
  useUploadResourceFile,
} from '../api';
import { SCHEMA_TEMPLATE } from '../model';
import { DatasetMetadataFields, fieldSetter, STANDARD_KEYS } from './DatasetMetadataFields';

const LINK_FORMATS = ['API', 'HTML', 'PDF', 'CSV', 'JSON', 'XLSX', 'OTHER'] as const;

/**
 * The metadata of a dataset, while the producer may still change it (draft or returned; a
 * published dataset is changed by the walidata returning it, as the API allows).
 */
function EditDatasetForm({ dataset, onDone }: { dataset: Dataset; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateDataset(dataset.id);
  const [values, setValues] = useState<Record<string, string>>({
    title: dataset.title,
    description: dataset.description,
    topic: dataset.topic,
    frequency: dataset.frequency,
    classification: dataset.classification,
    tags: dataset.tags.join(', '),
    spatialCoverage: dataset.spatialCoverage,
    unit: dataset.unit,
    temporalStart: dataset.temporalStart ?? '',
    temporalEnd: dataset.temporalEnd ?? '',
    contactName: dataset.contactName,
    contactEmail: dataset.contactEmail,
    ...dataset.standard,
  });
  const set = fieldSetter(setValues);
  const submit = async () => {
    await update.mutateAsync({
      title: values.title ?? '',
      description: values.description ?? '',
      topic: values.topic ?? dataset.topic,
      frequency: values.frequency ?? dataset.frequency,
      classification: values.classification === 'restricted' ? 'restricted' : 'public',
      tags: (values.tags ?? '')
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
      spatialCoverage: values.spatialCoverage ?? '',
      unit: values.unit ?? '',
      temporalStart: values.temporalStart || null,
      temporalEnd: values.temporalEnd || null,
      contactName: values.contactName ?? '',
      contactEmail: values.contactEmail ?? '',
      standard: Object.fromEntries(
        STANDARD_KEYS.map((k) => [k, values[k] ?? '']),
      ) as unknown as Standard,
    });
    onDone();
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>{t('data.editMetadata')}</Title>
        {update.error ? <ProblemAlert error={update.error} /> : null}
        <DatasetMetadataFields values={values} set={set} extended />
        <Group>
          <Button onClick={submit} loading={update.isPending}>
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

/** A link resource: a page, a file elsewhere, or an API published on the service bus. */
function AddLinkForm({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const add = useAddResource(dataset.id);
  const [values, setValues] = useState({ name: '', url: '', format: 'API', description: '' });
  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
  };
  const submit = async () => {
    await add.mutateAsync({
      kind: 'link',
      name: values.name,
      url: values.url.trim(),
      format: values.format,
      ...(values.description.trim() ? { description: values.description.trim() } : {}),
    });
    setValues({ name: '', url: '', format: 'API', description: '' });
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>{t('data.addLink')}</Title>
        <Text size="sm" c="dimmed">
          {t('data.linkHelp')}
        </Text>
        {add.error ? <ProblemAlert error={add.error} /> : null}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label={t('data.linkName')} value={values.name} onChange={set('name')} />
          <TextInput
            label={t('data.linkUrl')}
            placeholder="https://"
            value={values.url}
            onChange={set('url')}
          />
          <NativeSelect
            label={t('data.linkFormat')}
            value={values.format}
            onChange={set('format')}
            data={[...LINK_FORMATS]}
          />
        </SimpleGrid>
        <TextInput
          label={t('data.fields.description')}
          value={values.description}
          onChange={set('description')}
        />
        <Group>
          <Button onClick={submit} loading={add.isPending}>
            {t('data.addLink')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

/** A data dictionary typed as JSON: parsed on submit, the parse error shown under the field. */
function useSchemaText(initial: string) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState('');
  /** The parsed schema, or undefined (and the error shown) when the text is not JSON. */
  const parse = (): unknown => {
    try {
      const value: unknown = JSON.parse(text);
      setError('');
      return value;
    } catch {
      setError(t('data.schemaNotJson'));
      return undefined;
    }
  };
  return { text, setText, error, parse };
}

function SchemaTextarea({
  schema,
  description,
}: {
  schema: ReturnType<typeof useSchemaText>;
  description: string;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('data.dictionaryJson')}
      description={description}
      autosize
      minRows={6}
      styles={{ input: { fontFamily: 'monospace' } }}
      value={schema.text}
      error={schema.error || undefined}
      onChange={(e) => schema.setText(e.currentTarget.value)}
    />
  );
}

/** Changes a table's data dictionary; its file must then be uploaded and validated again. */
function EditSchemaForm({
  dataset,
  resource,
  onDone,
}: {
  dataset: Dataset;
  resource: Resource;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateResourceSchema(dataset.id);
  const schema = useSchemaText(JSON.stringify(resource.tableSchema, null, 2));
  const submit = async () => {
    const tableSchema = schema.parse();
    if (tableSchema === undefined) return;
    await update.mutateAsync({ resourceId: resource.id, tableSchema });
    onDone();
  };
  return (
    <Stack gap="xs">
      {update.error ? <ProblemAlert error={update.error} /> : null}
      <SchemaTextarea schema={schema} description={t('data.schemaEditHelp')} />
      <Group>
        <Button onClick={submit} loading={update.isPending}>
          {t('data.saveDictionary')}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

function ValidationReport({ resource }: { resource: Resource }) {
  const { t } = useTranslation();
  const v = resource.validation;
  if (!v)
    return <Text c="dimmed">{resource.fileName ? t('data.notValidated') : t('data.noFile')}</Text>;
  if (v.valid) {
    return (
      <Alert color="green" title={t('data.valid')}>
        {t('data.validRows', { count: v.rowCount })}
      </Alert>
    );
  }
  return (
    <Stack gap="xs">
      <Alert color="red" title={t('data.invalid')}>
        {t('data.invalidCount', { count: v.errorCount })}
      </Alert>
      <Table striped withTableBorder aria-label={t('data.errorsTable')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('data.row')}</Table.Th>
            <Table.Th>{t('data.column')}</Table.Th>
            <Table.Th>{t('data.value')}</Table.Th>
            <Table.Th>{t('data.problem')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {v.errors.map((e) => (
            <Table.Tr key={`${e.row}-${e.column}-${e.code}`}>
              <Table.Td>{e.row}</Table.Td>
              <Table.Td>{e.column}</Table.Td>
              <Table.Td>{e.value}</Table.Td>
              <Table.Td>{e.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function ResourceCard({ dataset, resource }: { dataset: Dataset; resource: Resource }) {
  const { t } = useTranslation();
  const upload = useUploadResourceFile(dataset.id);
  const [editingSchema, setEditingSchema] = useState(false);
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{resource.name}</Text>
          <Badge variant="light">{resource.format}</Badge>
        </Group>
        {resource.kind === 'link' ? (
          <Anchor href={resource.url ?? '#'}>{resource.url}</Anchor>
        ) : (
          <>
            {resource.fileName ? <Text size="sm">{resource.fileName}</Text> : null}
            {resource.tableSchema ? (
              <Text size="sm" c="dimmed">
                {t('data.dictionary')}:{' '}
                {resource.tableSchema.fields
                  .map((f) => `${f.name} (${f.type ?? 'string'})`)
                  .join(', ')}
              </Text>
            ) : null}
            {dataset.editable && resource.tableSchema && !editingSchema ? (
              <Group>
                <Button size="xs" variant="light" onClick={() => setEditingSchema(true)}>
                  {t('data.editDictionary', { name: resource.name })}
                </Button>
              </Group>
            ) : null}
            {editingSchema ? (
              <EditSchemaForm
                dataset={dataset}
                resource={resource}
                onDone={() => setEditingSchema(false)}
              />
            ) : null}
            {dataset.editable ? (
              <label>
                <Text size="sm" fw={500}>
                  {t('data.uploadFile', { name: resource.name })}
                </Text>
                <input
                  type="file"
                  accept=".csv,.xlsx,.json"
                  aria-label={t('data.uploadFile', { name: resource.name })}
                  onChange={(event) => {
                    const file = event.currentTarget.files?.[0];
                    if (file) upload.mutate({ resourceId: resource.id, file });
                    event.currentTarget.value = '';
                  }}
                />
              </label>
            ) : null}
            {upload.isPending ? <Text size="sm">{t('data.validating')}</Text> : null}
            {upload.error ? <ProblemAlert error={upload.error} /> : null}
            <ValidationReport resource={resource} />
          </>
        )}
      </Stack>
    </Card>
  );
}

function AddTableForm({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const add = useAddResource(dataset.id);
  const [name, setName] = useState('');
  const schema = useSchemaText(SCHEMA_TEMPLATE);
  const submit = async () => {
    const tableSchema = schema.parse();
    if (tableSchema === undefined) return;
    await add.mutateAsync({ kind: 'table', name, tableSchema });
    setName('');
  };
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>{t('data.addTable')}</Title>
        {add.error ? <ProblemAlert error={add.error} /> : null}
        <TextInput
          label={t('data.tableName')}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <SchemaTextarea schema={schema} description={t('data.dictionaryHelp')} />
        <Group>
          <Button onClick={submit} loading={add.isPending}>
            {t('data.addTable')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function VerificationPanel({ dataset }: { dataset: Dataset }) {
  const { t, i18n } = useTranslation();
  const take = useDatasetTransition(dataset.id);
  const [note, setNote] = useState('');
  const [checked, setChecked] = useState<Record<string, boolean>>({});
  const lang = i18n.language === 'en' ? 'en' : 'id';
  if (dataset.availableTransitions.length === 0) return null;
  const reviewing = dataset.availableTransitions.some(
    (tr) => tr.name === 'publish' || tr.name === 'return',
  );
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>{t('data.verification')}</Title>
        {take.error ? <ProblemAlert error={take.error} /> : null}
        {reviewing ? (
          <>
            <Text fw={500}>{t('data.checklist')}</Text>
            {dataset.checklistItems.map((item) => (
              <Checkbox
                key={item.key}
                label={item.label[lang]}
                checked={checked[item.key] ?? false}
                onChange={(e) => {
                  const value = e.currentTarget.checked;
                  setChecked((c) => ({ ...c, [item.key]: value }));
                }}
              />
            ))}
          </>
        ) : null}
        <Textarea
          label={t('data.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        <Group>
          {dataset.availableTransitions.map((tr) => (
            <Stack key={tr.name} gap={2}>
              <Button
                disabled={tr.blockedBy !== null}
                color={tr.name === 'return' ? 'orange' : undefined}
                loading={take.isPending && take.variables?.transition === tr.name}
                onClick={async () => {
                  await take.mutateAsync({
                    transition: tr.name,
                    ...(note.trim() ? { comment: note.trim() } : {}),
                    ...(tr.name === 'publish' || tr.name === 'return'
                      ? {
                          checklist: Object.fromEntries(
                            dataset.checklistItems.map((i) => [i.key, checked[i.key] ?? false]),
                          ),
                        }
                      : {}),
                  });
                  setNote('');
                }}
              >
                {tr.label[lang]}
              </Button>
              {tr.blockedBy ? (
                <Text size="xs" c="red">
                  {tr.blockedBy.message}
                </Text>
              ) : null}
            </Stack>
          ))}
        </Group>
      </Stack>
    </Card>
  );
}

function Comments({ dataset }: { dataset: Dataset }) {
  const { t } = useTranslation();
  const add = useAddComment(dataset.id);
  const [body, setBody] = useState('');
  return (
    <Card withBorder>
      <Stack gap="xs">
        <Title order={5}>{t('data.reviewsAndComments')}</Title>
        {dataset.reviews.map((r) => (
          <Text key={r.id} size="sm">
            <b>{t(`data.decisions.${r.decision}`)}</b> — {r.note ?? ''}{' '}
            <Text span c="dimmed">
              ({r.createdAt.slice(0, 10)})
            </Text>
          </Text>
        ))}
        {dataset.comments.map((c) => (
          <Text key={c.id} size="sm">
            <b>{c.authorName}</b>: {c.body}
          </Text>
        ))}
        {dataset.canComment ? (
          <>
            {add.error ? <ProblemAlert error={add.error} /> : null}
            <Textarea
              label={t('data.comment')}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
            />
            <Group>
              <Button
                variant="light"
                disabled={!body.trim()}
                onClick={async () => {
                  await add.mutateAsync({ body });
                  setBody('');
                }}
              >
                {t('data.sendComment')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Card>
  );
}

export function DatasetDetailPage({ datasetId }: { datasetId: string }) {
  const { t } = useTranslation();
  const query = useDataset(datasetId);
  const [editing, setEditing] = useState(false);
  return (
    <QueryView query={query} header={<BackLink to="/data">{t('data.title')}</BackLink>}>
      {(d) => (
        <Stack>
          <PageHeader
            title={d.title}
            description={d.agency?.name}
            actions={
              <>
                <Badge size="lg" variant="light" aria-label={t('data.fields.state')}>
                  {t(`data.states.${d.state}`)}
                </Badge>
                {d.editable && !editing ? (
                  <Button variant="light" onClick={() => setEditing(true)}>
                    {t('data.editMetadata')}
                  </Button>
                ) : null}
                {d.state === 'published' && d.classification === 'public' ? (
                  <Anchor href={`/dataset/${d.name}`} target="_blank">
                    {t('data.publicPage')}
                  </Anchor>
                ) : null}
              </>
            }
          />
          {editing ? <EditDatasetForm dataset={d} onDone={() => setEditing(false)} /> : null}
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Card withBorder>
              <Text c="dimmed" size="sm">
                {t('data.quality')}
              </Text>
              <Text fw={700} size="xl">
                {d.quality.score}/100
              </Text>
            </Card>
            <Card withBorder>
              <Text c="dimmed" size="sm">
                {t('data.fields.topic')}
              </Text>
              <Text>{t(`data.topics.${d.topic}`)}</Text>
            </Card>
            <Card withBorder>
              <Text c="dimmed" size="sm">
                {t('data.standard')}
              </Text>
              <Text size="sm">
                {d.standard.konsep} · {d.standard.ukuran} · {d.standard.satuan}
              </Text>
            </Card>
          </SimpleGrid>
          <VerificationPanel dataset={d} />
          <Title order={4}>{t('data.resources')}</Title>
          {d.resources.map((r) => (
            <ResourceCard key={r.id} dataset={d} resource={r} />
          ))}
          {d.editable ? <AddTableForm dataset={d} /> : null}
          {d.editable ? <AddLinkForm dataset={d} /> : null}
          <Comments dataset={d} />
          <WorkflowTimeline events={d.timeline} stateLabel={(state) => t(`data.states.${state}`)} />
        </Stack>
      )}
    </QueryView>
  );
}
