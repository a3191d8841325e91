import { Badge, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isKominfoAdmin } from '../../../platform/auth/capabilities';
import { useMe } from '../../../platform/auth/useSession';
import { jakartaToday, useFormatters } from '../../../platform/i18n/format';
import { ConfirmButton } from '../../../platform/ui/ConfirmButton';
import { type Column, DataTable } from '../../../platform/ui/DataTable';
import { FormActions } from '../../../platform/ui/FormActions';
import { changedFields, notifySuccess, submitWith } from '../../../platform/ui/forms';
import { enumOptions } from '../../../platform/ui/options';
import { PageHeader } from '../../../platform/ui/PageHeader';
import { ProblemAlert } from '../../../platform/ui/ProblemAlert';
import { useEditor } from '../../../platform/ui/useEditor';
import {
  type Holiday,
  type HolidayInput,
  useCreateHoliday,
  useDeleteHoliday,
  useHolidays,
  useUpdateHoliday,
} from '../api';
import { HOLIDAY_KINDS, type HolidayKind, holidayYears, yearOf } from '../model';

const KIND_COLORS: Record<HolidayKind, string> = {
  national: 'red',
  cuti_bersama: 'orange',
  regional: 'grape',
};

/** "Hari Libur": the holidays the SLA clocks skip; kept by the Diskominfo admin. */
export function HolidaysPage() {
  const { t } = useTranslation();
  const me = useMe();
  const format = useFormatters();
  const currentYear = yearOf(jakartaToday()) ?? new Date().getFullYear();
  const [year, setYear] = useState(currentYear);
  const holidays = useHolidays(year);
  const editor = useEditor<Holiday>();
  const remove = useDeleteHoliday();
  const canManage = isKominfoAdmin(me);

  const columns: Column<Holiday>[] = [
    { key: 'date', header: t('holidays.fields.date'), render: (h) => format.date(h.date) },
    { key: 'name', header: t('holidays.fields.name'), render: (h) => h.name },
    {
      key: 'kind',
      header: t('holidays.fields.kind'),
      render: (h) => (
        <Badge color={KIND_COLORS[h.kind]} variant="light">
          {t(`holidays.kinds.${h.kind}`)}
        </Badge>
      ),
    },
    { key: 'source', header: t('holidays.fields.source'), render: (h) => h.source || '—' },
  ];
  if (canManage) {
    columns.push({
      key: 'actions',
      header: '',
      render: (h) => (
        <Group gap={4} wrap="nowrap">
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconPencil size={14} />}
            aria-label={t('holidays.editEntry', { name: h.name })}
            onClick={() => editor.edit(h)}
          >
            {t('common.edit')}
          </Button>
          <ConfirmButton
            size="compact-sm"
            variant="subtle"
            color="red"
            leftSection={<IconTrash size={14} />}
            aria-label={t('holidays.deleteEntry', { name: h.name })}
            message={t('holidays.deleteConfirm', { name: h.name, date: format.date(h.date) })}
            loading={remove.isPending && remove.variables === h.id}
            onConfirm={() =>
              remove.mutate(h.id, { onSuccess: () => notifySuccess(t('holidays.deleted')) })
            }
          >
            {t('holidays.delete')}
          </ConfirmButton>
        </Group>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('holidays.title')}
        description={t('holidays.description')}
        actions={
          canManage ? (
            <Button leftSection={<IconPlus size={16} />} onClick={editor.create}>
              {t('holidays.add')}
            </Button>
          ) : null
        }
      />
      <Group mb="sm">
        <Select
          label={t('holidays.year')}
          allowDeselect={false}
          w={140}
          data={holidayYears(currentYear, year).map(String)}
          value={String(year)}
          onChange={(value) => value && setYear(Number(value))}
        />
      </Group>
      <ProblemAlert error={remove.error} />
      <DataTable
        testId="holidays-table"
        columns={columns}
        rows={holidays.data?.items}
        rowKey={(h) => h.id}
        loading={holidays.isPending}
        error={holidays.error}
        emptyText={t('holidays.empty', { year })}
      />
      <Modal
        opened={editor.opened}
        onClose={editor.close}
        title={editor.entry ? editor.entry.name : t('holidays.add')}
      >
        <HolidayForm
          key={editor.entry?.id ?? 'new'}
          holiday={editor.entry}
          defaultDate={year === currentYear ? jakartaToday() : `${year}-01-01`}
          onDone={(saved) => {
            editor.close();
            const savedYear = saved ? yearOf(saved.date) : null;
            if (savedYear) setYear(savedYear);
          }}
        />
      </Modal>
    </>
  );
}

function HolidayForm({
  holiday,
  defaultDate,
  onDone,
}: {
  holiday: Holiday | null;
  defaultDate: string;
  onDone: (saved?: Pick<Holiday, 'date'>) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateHoliday();
  const update = useUpdateHoliday();
  const mutation = holiday ? update : create;
  const initial: HolidayInput = holiday
    ? { date: holiday.date, name: holiday.name, kind: holiday.kind, source: holiday.source }
    : { date: defaultDate, name: '', kind: 'regional', source: '' };
  const form = useForm<HolidayInput>({
    mode: 'controlled',
    initialValues: initial,
    validate: {
      date: (value) => (yearOf(value) ? null : t('validation.required')),
      name: (value) => (value.trim().length >= 3 ? null : t('validation.minLength', { min: 3 })),
    },
  });

  const submit = async (values: HolidayInput) => {
    if (holiday) {
      const changes = changedFields(initial, values);
      if (Object.keys(changes).length > 0)
        await update.mutateAsync({ id: holiday.id, input: changes });
    } else {
      await create.mutateAsync(values.source.trim() ? values : { ...values, source: undefined });
    }
    notifySuccess(t('holidays.saved'));
    onDone({ date: values.date });
  };

  return (
    <form onSubmit={submitWith(form, submit)} noValidate>
      <Stack>
        <ProblemAlert error={mutation.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="date"
            label={t('holidays.fields.date')}
            required
            {...form.getInputProps('date')}
          />
          <Select
            label={t('holidays.fields.kind')}
            required
            allowDeselect={false}
            data={enumOptions(t, HOLIDAY_KINDS, 'holidays.kinds')}
            {...form.getInputProps('kind')}
          />
        </SimpleGrid>
        <TextInput label={t('holidays.fields.name')} required {...form.getInputProps('name')} />
        <TextInput
          label={t('holidays.fields.source')}
          description={t('holidays.sourceHelp')}
          {...form.getInputProps('source')}
        />
        <FormActions submitting={mutation.isPending} onCancel={() => onDone()} />
      </Stack>
    </form>
  );
}
