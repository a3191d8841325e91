import { Badge, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { FormActions } from '../../../platform/ui/FormActions';
import { changedFields, notifySuccess, omitBlank, submitWith } from '../../../platform/ui/forms';
import { formValuesFrom } from '../../../platform/ui/formValues';
import { ListFilters } from '../../../platform/ui/ListFilters';
import { enumOptions } from '../../../platform/ui/options';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useEditor } from '../../../platform/ui/useEditor';
import { useListState } from '../../../platform/ui/useListState';
import { AgencySelect } from '../../organization/components/AgencySelect';
import {
  type Device,
  useCatalogue,
  useCreateCatalogueEntry,
  useUpdateCatalogueEntry,
} from '../api';
import { canManageRegistry } from '../capabilities';
import { CatalogueHeader, EditEntryButton } from '../components/CatalogueParts';
import { DEVICE_KINDS, DEVICE_STATUSES, type DeviceKind, type DeviceStatus } from '../model';

const STATUS_COLORS: Record<DeviceStatus, string> = {
  active: 'teal',
  spare: 'blue',
  maintenance: 'yellow',
  retired: 'gray',
};

/** "Perangkat": the katalog perangkat of the Pusat Data (Tabanan 44/2022 Pasal 14 ayat (6) huruf b). */
export function DevicesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const list = useListState({
    q: '',
    kind: null as string | null,
    status: null as string | null,
    agencyId: null as string | null,
  });
  const devices = useCatalogue<Device>('devices', list.query);
  const editor = useEditor<Device>();
  const canManage = canManageRegistry(me);

  const columns: Column<Device>[] = [
    {
      key: 'name',
      header: t('datacenter.devices.fields.name'),
      render: (device) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {device.name}
          </Text>
          <Text size="xs" c="dimmed">
            {[device.brand, device.model].filter(Boolean).join(' ') || '—'}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'kind',
      header: t('datacenter.devices.fields.kind'),
      render: (device) => t(`datacenter.deviceKinds.${device.kind}`),
    },
    {
      key: 'place',
      header: t('datacenter.devices.fields.location'),
      render: (device) => [device.location, device.rack].filter(Boolean).join(' · ') || '—',
    },
    {
      key: 'serial',
      header: t('datacenter.devices.fields.serialNumber'),
      render: (device) => device.serialNumber ?? '—',
    },
    {
      key: 'agency',
      header: t('datacenter.devices.fields.agency'),
      render: (device) => device.agency.name,
    },
    {
      key: 'status',
      header: t('datacenter.devices.fields.status'),
      render: (device) => (
        <Badge color={STATUS_COLORS[device.status]} variant="light">
          {t(`datacenter.deviceStatuses.${device.status}`)}
        </Badge>
      ),
    },
    {
      key: 'acquiredOn',
      header: t('datacenter.devices.fields.acquiredOn'),
      render: (device) => format.date(device.acquiredOn),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: '',
      render: (device) => (
        <EditEntryButton name={device.name} onClick={() => editor.edit(device)}>
          {t('common.edit')}
        </EditEntryButton>
      ),
    });
  }

  return (
    <>
      <CatalogueHeader
        description={t('datacenter.devices.description')}
        addLabel={canManage ? t('datacenter.devices.add') : null}
        onAdd={editor.create}
      />
      <ListFilters
        search={list.filters.q}
        onSearch={(value) => list.setFilter('q', value)}
        placeholder={t('datacenter.devices.searchPlaceholder')}
      >
        <Select
          label={t('datacenter.devices.fields.kind')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, DEVICE_KINDS, 'datacenter.deviceKinds')}
          value={list.filters.kind}
          onChange={(value) => list.setFilter('kind', value)}
          w={160}
        />
        <Select
          label={t('datacenter.devices.fields.status')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, DEVICE_STATUSES, 'datacenter.deviceStatuses')}
          value={list.filters.status}
          onChange={(value) => list.setFilter('status', value)}
          w={160}
        />
        <AgencySelect
          label={t('datacenter.devices.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={list.filters.agencyId}
          onChange={(value) => list.setFilter('agencyId', value)}
        />
      </ListFilters>
      <DataTable
        testId="devices-table"
        columns={columns}
        rows={devices.data?.items}
        rowKey={(device) => device.id}
        loading={devices.isPending}
        error={devices.error}
        emptyText={t('datacenter.devices.empty')}
        pagination={{
          total: devices.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.entry ? editor.entry.name : t('datacenter.devices.add')}
        size="lg"
      >
        <DeviceForm key={editor.entry?.id ?? 'new'} device={editor.entry} onDone={editor.close} />
      </Modal>
    </>
  );
}

interface DeviceValues {
  name: string;
  kind: DeviceKind;
  brand: string;
  model: string;
  serialNumber: string;
  location: string;
  rack: string;
  agencyId: string | null;
  status: DeviceStatus;
  acquiredOn: string;
  notes: string;
}

const EMPTY_DEVICE: DeviceValues = {
  name: '',
  kind: 'server',
  brand: '',
  model: '',
  serialNumber: '',
  location: '',
  rack: '',
  agencyId: null,
  status: 'active',
  acquiredOn: '',
  notes: '',
};

function DeviceForm({ device, onDone }: { device: Device | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCatalogueEntry<Partial<DeviceValues>, Device>('devices');
  const update = useUpdateCatalogueEntry<Partial<DeviceValues>, Device>('devices');
  const initial = formValuesFrom(EMPTY_DEVICE, device && { ...device, agencyId: device.agency.id });
  const form = useForm<DeviceValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      name: (value) => (value.trim() ? null : t('validation.required')),
      agencyId: (value) => (value ? null : t('validation.required')),
    },
  });
  const mutation = device ? update : create;

  const submit = async (values: DeviceValues) => {
    if (device) {
      const changes = changedFields(initial, values);
      if (Object.keys(changes).length > 0)
        await update.mutateAsync({ id: device.id, input: changes });
    } else {
      await create.mutateAsync(omitBlank(values));
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
            label={t('datacenter.devices.fields.name')}
            required
            {...form.getInputProps('name')}
          />
          <Select
            label={t('datacenter.devices.fields.kind')}
            required
            allowDeselect={false}
            data={enumOptions(t, DEVICE_KINDS, 'datacenter.deviceKinds')}
            {...form.getInputProps('kind')}
          />
          <TextInput
            label={t('datacenter.devices.fields.brand')}
            {...form.getInputProps('brand')}
          />
          <TextInput
            label={t('datacenter.devices.fields.model')}
            {...form.getInputProps('model')}
          />
          <TextInput
            label={t('datacenter.devices.fields.serialNumber')}
            {...form.getInputProps('serialNumber')}
          />
          <TextInput
            type="date"
            label={t('datacenter.devices.fields.acquiredOn')}
            {...form.getInputProps('acquiredOn')}
          />
          <TextInput
            label={t('datacenter.devices.fields.location')}
            {...form.getInputProps('location')}
          />
          <TextInput label={t('datacenter.devices.fields.rack')} {...form.getInputProps('rack')} />
          <AgencySelect
            label={t('datacenter.devices.fields.agency')}
            description={t('datacenter.devices.agencyHelp')}
            required
            {...form.getInputProps('agencyId')}
          />
          <Select
            label={t('datacenter.devices.fields.status')}
            allowDeselect={false}
            data={enumOptions(t, DEVICE_STATUSES, 'datacenter.deviceStatuses')}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
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
