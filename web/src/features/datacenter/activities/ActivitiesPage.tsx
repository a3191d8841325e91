import {
  Badge,
  Checkbox,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import {
  instantToJakartaLocal,
  jakartaLocalToInstant,
  useFormatters,
} from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { FormActions } from '../../../platform/ui/FormActions';
import { changedFields, notifySuccess, omitBlank, submitWith } from '../../../platform/ui/forms';
import { formValuesFrom } from '../../../platform/ui/formValues';
import { ListFilters } from '../../../platform/ui/ListFilters';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useEditor } from '../../../platform/ui/useEditor';
import { useListState } from '../../../platform/ui/useListState';
import { AgencySelect } from '../../organization/components/AgencySelect';
import {
  type ActivityRecord,
  useCatalogue,
  useCreateCatalogueEntry,
  useUpdateCatalogueEntry,
} from '../api';
import { canManageRegistry, canReadActivities } from '../capabilities';
import { CatalogueHeader, EditEntryButton } from '../components/CatalogueParts';
import { DevicesMultiSelect } from '../components/DeviceSelect';

/** "Catatan Aktivitas": the rekaman aktivitas of the Pusat Data (Tabanan 44/2022 Pasal 14 ayat (6) huruf d). */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const list = useListState({
    q: '',
    from: '',
    to: '',
    agencyId: null as string | null,
    open: false,
  });
  const { open, ...rest } = list.query;
  const allowed = canReadActivities(me);
  const records = useCatalogue<ActivityRecord>(
    'activities',
    { ...rest, open: open || undefined },
    allowed,
  );
  const editor = useEditor<ActivityRecord>();
  const canManage = canManageRegistry(me);

  if (!allowed) {
    return (
      <Text c="dimmed" ta="center" py="xl">
        {t('datacenter.activities.notAllowed')}
      </Text>
    );
  }

  const columns: Column<ActivityRecord>[] = [
    {
      key: 'startedAt',
      header: t('datacenter.activities.fields.startedAt'),
      render: (record) => format.dateTime(record.startedAt),
    },
    {
      key: 'endedAt',
      header: t('datacenter.activities.fields.endedAt'),
      render: (record) =>
        record.endedAt ? (
          format.dateTime(record.endedAt)
        ) : (
          <Badge color="orange" variant="light">
            {t('datacenter.activities.inside')}
          </Badge>
        ),
    },
    {
      key: 'person',
      header: t('datacenter.activities.fields.personName'),
      render: (record) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {record.personName}
          </Text>
          <Text size="xs" c="dimmed">
            {record.agency?.name ?? record.affiliation ?? ''}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'purpose',
      header: t('datacenter.activities.fields.purpose'),
      render: (record) => (
        <Text size="sm" lineClamp={2}>
          {record.purpose}
        </Text>
      ),
    },
    {
      key: 'devices',
      header: t('datacenter.activities.fields.devices'),
      render: (record) => record.deviceIds.length,
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: '',
      render: (record) => (
        <EditEntryButton name={record.personName} onClick={() => editor.edit(record)}>
          {record.endedAt ? t('common.edit') : t('datacenter.activities.recordExit')}
        </EditEntryButton>
      ),
    });
  }

  return (
    <>
      <CatalogueHeader
        description={t('datacenter.activities.description')}
        addLabel={canManage ? t('datacenter.activities.add') : null}
        onAdd={editor.create}
      />
      <ListFilters
        search={list.filters.q}
        onSearch={(value) => list.setFilter('q', value)}
        placeholder={t('datacenter.activities.searchPlaceholder')}
      >
        <TextInput
          type="date"
          label={t('datacenter.activities.from')}
          value={list.filters.from}
          onChange={(event) => list.setFilter('from', event.currentTarget.value)}
        />
        <TextInput
          type="date"
          label={t('datacenter.activities.to')}
          value={list.filters.to}
          onChange={(event) => list.setFilter('to', event.currentTarget.value)}
        />
        <AgencySelect
          label={t('datacenter.activities.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={list.filters.agencyId}
          onChange={(value) => list.setFilter('agencyId', value)}
        />
        <Checkbox
          mb={8}
          label={t('datacenter.activities.openOnly')}
          checked={list.filters.open}
          onChange={(event) => list.setFilter('open', event.currentTarget.checked)}
        />
      </ListFilters>
      <DataTable
        testId="activities-table"
        columns={columns}
        rows={records.data?.items}
        rowKey={(record) => record.id}
        loading={records.isPending}
        error={records.error}
        emptyText={t('datacenter.activities.empty')}
        renderExpanded={(record) => (
          <Stack gap={4}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {record.purpose}
            </Text>
            {record.notes ? (
              <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                {record.notes}
              </Text>
            ) : null}
          </Stack>
        )}
        pagination={{
          total: records.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.entry ? editor.entry.personName : t('datacenter.activities.add')}
        size="lg"
      >
        <ActivityForm key={editor.entry?.id ?? 'new'} record={editor.entry} onDone={editor.close} />
      </Modal>
    </>
  );
}

interface ActivityValues {
  startedAt: string;
  endedAt: string;
  personName: string;
  agencyId: string | null;
  affiliation: string;
  purpose: string;
  deviceIds: string[];
  notes: string;
}

/** The request body: the local times as instants (Jakarta time). */
function activityInput<T extends Partial<ActivityValues>>(values: T) {
  const { startedAt, endedAt, ...rest } = values;
  return {
    ...rest,
    ...(startedAt !== undefined ? { startedAt: jakartaLocalToInstant(startedAt) } : {}),
    ...(endedAt !== undefined ? { endedAt: endedAt ? jakartaLocalToInstant(endedAt) : null } : {}),
  };
}

function ActivityForm({ record, onDone }: { record: ActivityRecord | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCatalogueEntry<object, ActivityRecord>('activities');
  const update = useUpdateCatalogueEntry<object, ActivityRecord>('activities');
  const initial = formValuesFrom<ActivityValues>(
    {
      startedAt: instantToJakartaLocal(new Date().toISOString()),
      endedAt: '',
      personName: '',
      agencyId: null,
      affiliation: '',
      purpose: '',
      deviceIds: [],
      notes: '',
    },
    record && {
      ...record,
      startedAt: instantToJakartaLocal(record.startedAt),
      endedAt: instantToJakartaLocal(record.endedAt),
      agencyId: record.agency?.id ?? null,
    },
  );
  const required = (value: string) => (value.trim() ? null : t('validation.required'));
  const form = useForm<ActivityValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: { startedAt: required, personName: required, purpose: required },
  });
  const mutation = record ? update : create;

  const submit = async (values: ActivityValues) => {
    if (record) {
      const { deviceIds, ...changes } = changedFields(initial, values);
      const devicesChanged = values.deviceIds.join() !== initial.deviceIds.join();
      const input = activityInput({ ...changes, ...(devicesChanged ? { deviceIds } : {}) });
      if (Object.keys(input).length > 0) await update.mutateAsync({ id: record.id, input });
    } else {
      await create.mutateAsync(activityInput(omitBlank(values)));
    }
    notifySuccess(t('datacenter.saved'));
    onDone();
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <ProblemAlert error={mutation.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('datacenter.activities.fields.startedAt')}
            required
            {...form.getInputProps('startedAt')}
          />
          <TextInput
            type="datetime-local"
            label={t('datacenter.activities.fields.endedAt')}
            {...form.getInputProps('endedAt')}
          />
          <TextInput
            label={t('datacenter.activities.fields.personName')}
            required
            {...form.getInputProps('personName')}
          />
          <AgencySelect
            label={t('datacenter.activities.fields.agency')}
            clearable
            {...form.getInputProps('agencyId')}
          />
          <TextInput
            label={t('datacenter.activities.fields.affiliation')}
            description={t('datacenter.authorities.affiliationHelp')}
            {...form.getInputProps('affiliation')}
          />
          <DevicesMultiSelect
            label={t('datacenter.activities.fields.devices')}
            {...form.getInputProps('deviceIds')}
          />
        </SimpleGrid>
        <Textarea
          label={t('datacenter.activities.fields.purpose')}
          required
          autosize
          minRows={2}
          {...form.getInputProps('purpose')}
        />
        <Textarea
          label={t('datacenter.fields.notes')}
          autosize
          minRows={2}
          {...form.getInputProps('notes')}
        />
        <FormActions submitting={mutation.isPending} onCancel={onDone} />
      </Stack>
    </form>
  );
}
