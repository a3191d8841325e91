import {
  Badge,
  Checkbox,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../../platform/auth/useSession';
import { jakartaToday, useFormatters } from '../../../platform/i18n/format';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { FormActions } from '../../../platform/ui/FormActions';
import { changedFields, notifySuccess, omitBlank, submitWith } from '../../../platform/ui/forms';
import { formValuesFrom } from '../../../platform/ui/formValues';
import { ListFilters } from '../../../platform/ui/ListFilters';
import { enumOptions } from '../../../platform/ui/options';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useEditor } from '../../../platform/ui/useEditor';
import { useListState } from '../../../platform/ui/useListState';
import { useApplicationOptions } from '../../applications/api';
import { AgencySelect } from '../../organization/components/AgencySelect';
import {
  type AccessAuthority,
  useCatalogue,
  useCreateCatalogueEntry,
  useUpdateCatalogueEntry,
} from '../api';
import { canManageRegistry } from '../capabilities';
import { FlagBadge } from '../components/badges';
import { CatalogueHeader, EditEntryButton } from '../components/CatalogueParts';
import { DeviceSelect } from '../components/DeviceSelect';
import { ACCESS_AUTHORITIES, type AccessAuthorityLevel } from '../model';

const AUTHORITY_COLORS: Record<AccessAuthorityLevel, string> = {
  root: 'red',
  admin: 'orange',
  operator: 'blue',
  read: 'gray',
};

/** "Hak Akses": the katalog pengguna dan kewenangan (Tabanan 44/2022 Pasal 14 ayat (6) huruf c). */
export function AuthoritiesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const list = useListState({
    q: '',
    agencyId: null as string | null,
    authority: null as string | null,
    active: null as string | null,
    reviewDue: false,
  });
  const { active, reviewDue, ...rest } = list.query;
  const authorities = useCatalogue<AccessAuthority>('authorities', {
    ...rest,
    active: active === null ? undefined : active === 'true',
    reviewDue: reviewDue || undefined,
  });
  const editor = useEditor<AccessAuthority>();
  const canManage = canManageRegistry(me);

  const columns: Column<AccessAuthority>[] = [
    {
      key: 'person',
      header: t('datacenter.authorities.fields.personName'),
      render: (grant) => (
        <Stack gap={0}>
          <Text size="sm" fw={500}>
            {grant.personName}
          </Text>
          <Text size="xs" c="dimmed">
            {[grant.position, grant.agency?.name ?? grant.affiliation].filter(Boolean).join(' · ')}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'system',
      header: t('datacenter.authorities.fields.system'),
      render: (grant) => grant.system,
    },
    {
      key: 'authority',
      header: t('datacenter.authorities.fields.authority'),
      render: (grant) => (
        <Badge color={AUTHORITY_COLORS[grant.authority]} variant="light">
          {t(`datacenter.authorityLevels.${grant.authority}`)}
        </Badge>
      ),
    },
    {
      key: 'granted',
      header: t('datacenter.authorities.fields.grantedOn'),
      render: (grant) => (
        <Stack gap={0}>
          <Text size="sm">{format.date(grant.grantedOn)}</Text>
          <Text size="xs" c="dimmed">
            {grant.grantedBy}
          </Text>
        </Stack>
      ),
    },
    {
      key: 'review',
      header: t('datacenter.authorities.fields.reviewOn'),
      render: (grant) => (
        <Group gap={4}>
          <Text size="sm">{format.date(grant.reviewOn)}</Text>
          <FlagBadge
            on={grant.reviewDue}
            label={t('datacenter.authorities.reviewDue')}
            color="orange"
          />
        </Group>
      ),
    },
    {
      key: 'status',
      header: t('datacenter.authorities.fields.status'),
      render: (grant) => (
        <Badge color={grant.active ? 'teal' : 'gray'} variant="light">
          {grant.active ? t('datacenter.authorities.active') : t('datacenter.authorities.revoked')}
        </Badge>
      ),
    },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: '',
      render: (grant) => (
        <EditEntryButton name={grant.personName} onClick={() => editor.edit(grant)}>
          {t('common.edit')}
        </EditEntryButton>
      ),
    });
  }

  return (
    <>
      <CatalogueHeader
        description={t('datacenter.authorities.description')}
        addLabel={canManage ? t('datacenter.authorities.add') : null}
        onAdd={editor.create}
      />
      <ListFilters
        search={list.filters.q}
        onSearch={(value) => list.setFilter('q', value)}
        placeholder={t('datacenter.authorities.searchPlaceholder')}
      >
        <AgencySelect
          label={t('datacenter.authorities.fields.agency')}
          placeholder={t('common.all')}
          clearable
          value={list.filters.agencyId}
          onChange={(value) => list.setFilter('agencyId', value)}
        />
        <Select
          label={t('datacenter.authorities.fields.authority')}
          placeholder={t('common.all')}
          clearable
          data={enumOptions(t, ACCESS_AUTHORITIES, 'datacenter.authorityLevels')}
          value={list.filters.authority}
          onChange={(value) => list.setFilter('authority', value)}
          w={160}
        />
        <Select
          label={t('datacenter.authorities.fields.status')}
          placeholder={t('common.all')}
          clearable
          data={[
            { value: 'true', label: t('datacenter.authorities.active') },
            { value: 'false', label: t('datacenter.authorities.revoked') },
          ]}
          value={list.filters.active}
          onChange={(value) => list.setFilter('active', value)}
          w={160}
        />
        <Checkbox
          mb={8}
          label={t('datacenter.authorities.reviewDueOnly')}
          checked={list.filters.reviewDue}
          onChange={(event) => list.setFilter('reviewDue', event.currentTarget.checked)}
        />
      </ListFilters>
      <DataTable
        testId="authorities-table"
        columns={columns}
        rows={authorities.data?.items}
        rowKey={(grant) => grant.id}
        loading={authorities.isPending}
        error={authorities.error}
        emptyText={t('datacenter.authorities.empty')}
        renderExpanded={(grant) => (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {grant.notes ?? t('common.none')}
            {grant.revokedOn
              ? `\n${t('datacenter.authorities.fields.revokedOn')}: ${format.date(grant.revokedOn)}`
              : ''}
          </Text>
        )}
        pagination={{
          total: authorities.data?.total ?? 0,
          page: list.page,
          pageSize: list.pageSize,
          onPageChange: list.setPage,
        }}
      />
      <Modal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.entry ? editor.entry.personName : t('datacenter.authorities.add')}
        size="lg"
      >
        <AuthorityForm key={editor.entry?.id ?? 'new'} grant={editor.entry} onDone={editor.close} />
      </Modal>
    </>
  );
}

interface AuthorityValues {
  personName: string;
  agencyId: string | null;
  affiliation: string;
  position: string;
  system: string;
  deviceId: string | null;
  applicationId: string | null;
  authority: AccessAuthorityLevel;
  grantedBy: string;
  grantedOn: string;
  reviewOn: string;
  revokedOn: string;
  notes: string;
}

function AuthorityForm({ grant, onDone }: { grant: AccessAuthority | null; onDone: () => void }) {
  const { t } = useTranslation();
  const create = useCreateCatalogueEntry<Partial<AuthorityValues>, AccessAuthority>('authorities');
  const update = useUpdateCatalogueEntry<Partial<AuthorityValues>, AccessAuthority>('authorities');
  const applications = useApplicationOptions(null);
  const initial = formValuesFrom<AuthorityValues>(
    {
      personName: '',
      agencyId: null,
      affiliation: '',
      position: '',
      system: '',
      deviceId: null,
      applicationId: null,
      authority: 'operator',
      grantedBy: '',
      grantedOn: jakartaToday(),
      reviewOn: '',
      revokedOn: '',
      notes: '',
    },
    grant && { ...grant, agencyId: grant.agency?.id ?? null },
  );
  const required = (value: string) => (value.trim() ? null : t('validation.required'));
  const form = useForm<AuthorityValues>({
    mode: 'controlled',
    initialValues: initial,
    validate: { personName: required, system: required, grantedBy: required, grantedOn: required },
  });
  const mutation = grant ? update : create;

  const submit = async (values: AuthorityValues) => {
    if (grant) {
      const changes = changedFields(initial, values);
      if (Object.keys(changes).length > 0)
        await update.mutateAsync({ id: grant.id, input: changes });
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
            label={t('datacenter.authorities.fields.personName')}
            required
            {...form.getInputProps('personName')}
          />
          <TextInput
            label={t('datacenter.authorities.fields.position')}
            {...form.getInputProps('position')}
          />
          <AgencySelect
            label={t('datacenter.authorities.fields.agency')}
            clearable
            {...form.getInputProps('agencyId')}
          />
          <TextInput
            label={t('datacenter.authorities.fields.affiliation')}
            description={t('datacenter.authorities.affiliationHelp')}
            {...form.getInputProps('affiliation')}
          />
          <TextInput
            label={t('datacenter.authorities.fields.system')}
            required
            {...form.getInputProps('system')}
          />
          <Select
            label={t('datacenter.authorities.fields.authority')}
            required
            allowDeselect={false}
            data={enumOptions(t, ACCESS_AUTHORITIES, 'datacenter.authorityLevels')}
            {...form.getInputProps('authority')}
          />
          <DeviceSelect
            label={t('datacenter.authorities.fields.device')}
            {...form.getInputProps('deviceId')}
          />
          <Select
            label={t('datacenter.authorities.fields.application')}
            searchable
            clearable
            nothingFoundMessage={t('common.noOptions')}
            data={(applications.data?.items ?? []).map((app) => ({
              value: app.id,
              label: app.name,
            }))}
            {...form.getInputProps('applicationId')}
          />
          <TextInput
            label={t('datacenter.authorities.fields.grantedBy')}
            required
            {...form.getInputProps('grantedBy')}
          />
          <TextInput
            type="date"
            label={t('datacenter.authorities.fields.grantedOn')}
            required
            {...form.getInputProps('grantedOn')}
          />
          <TextInput
            type="date"
            label={t('datacenter.authorities.fields.reviewOn')}
            {...form.getInputProps('reviewOn')}
          />
          <TextInput
            type="date"
            label={t('datacenter.authorities.fields.revokedOn')}
            {...form.getInputProps('revokedOn')}
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
